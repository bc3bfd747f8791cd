package profile

import (
	"strings"
	"testing"
)

func sshBase() Profile {
	return Profile{Name: "Private", Engine: EngineRedshift, Host: "db.internal", Database: "dev", User: "u",
		SSH: &SSHTunnel{Host: " bastion.example.com ", User: "ops", KeyFile: " /k "}}
}

func TestSSHNormalizeFillsPortAndAuthAndDropsEmptyHops(t *testing.T) {
	p := sshBase()
	p.SSH.JumpHosts = []SSHHop{{Host: " j1 "}, {}, {Host: "[::1]", Port: 2222, User: "x"}}
	n := Normalize(p).SSH
	if n.Host != "bastion.example.com" || n.Port != 22 || n.Auth != SSHAuthKey || n.KeyFile != "/k" {
		t.Fatalf("normalized tunnel %+v", n)
	}
	want := []SSHHop{{Host: "j1", Port: 22}, {Host: "::1", Port: 2222, User: "x"}}
	if len(n.JumpHosts) != 2 || n.JumpHosts[0] != want[0] || n.JumpHosts[1] != want[1] {
		t.Fatalf("hops %+v, want %+v", n.JumpHosts, want)
	}
	if p.SSH.Host != " bastion.example.com " {
		t.Error("Normalize changed the caller's tunnel through the pointer")
	}
	agent := sshBase()
	agent.SSH.Auth = SSHAuthAgent
	if k := Normalize(agent).SSH.KeyFile; k != "" {
		t.Errorf("agent auth keeps key file %q", k)
	}
}

func TestSSHValidateNamesTheWrongField(t *testing.T) {
	cases := []struct {
		name string
		edit func(*SSHTunnel)
		want string
	}{
		{"no host", func(s *SSHTunnel) { s.Host = "" }, "SSH host is required"},
		{"host with port", func(s *SSHTunnel) { s.Host = "b:22" }, "SSH host must be only the host name"},
		{"port", func(s *SSHTunnel) { s.Port = 70000 }, "SSH port must be"},
		{"no user", func(s *SSHTunnel) { s.User = " " }, "SSH user is required"},
		{"auth", func(s *SSHTunnel) { s.Auth = "kerberos" }, `SSH authentication must be key, agent or password, not "kerberos"`},
		{"key file", func(s *SSHTunnel) { s.KeyFile = "" }, "SSH key file is required"},
		{"hop host", func(s *SSHTunnel) { s.JumpHosts = []SSHHop{{Host: "ok"}, {Host: "bad host", Port: 22}} }, "SSH jump host 2 must not contain spaces"},
		{"hop port", func(s *SSHTunnel) { s.JumpHosts = []SSHHop{{Host: "j", Port: -1}} }, "SSH jump host 1 port"},
	}
	for _, c := range cases {
		p := sshBase()
		c.edit(p.SSH)
		err := Validate(p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if err := Validate(sshBase()); err != nil {
		t.Errorf("a valid tunnel: %v", err)
	}
}

func TestSSHOversizedFieldsAndTooManyHopsAreRefused(t *testing.T) {
	p := sshBase()
	p.SSH.Host = "Qx7" + strings.Repeat("h", HostMaxBytes)
	err := CheckLengths(p)
	if err == nil || !strings.Contains(err.Error(), "SSH host") || strings.Contains(err.Error(), "Qx7") {
		t.Errorf("oversized SSH host: %v", err)
	}
	p = sshBase()
	for i := 0; i <= MaxJumpHosts; i++ {
		p.SSH.JumpHosts = append(p.SSH.JumpHosts, SSHHop{Host: "j", Port: 22})
	}
	if err := CheckLengths(p); err == nil || !strings.Contains(err.Error(), "jump hosts") {
		t.Errorf("%d jump hosts: %v", len(p.SSH.JumpHosts), err)
	}
}

// The store hands out copies: changing a returned tunnel changes nothing stored.
func TestStoreReturnsIndependentTunnelCopies(t *testing.T) {
	st, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	saved, err := st.Save(sshBase())
	if err != nil {
		t.Fatal(err)
	}
	saved.SSH.Host = "elsewhere"
	got, _ := st.Get(saved.ID)
	got.SSH.User = "other"
	again, _ := st.Get(saved.ID)
	if again.SSH.Host != "bastion.example.com" || again.SSH.User != "ops" || st.List()[0].SSH.Host != "bastion.example.com" {
		t.Fatalf("stored tunnel changed through a returned copy: %+v", again.SSH)
	}
}
