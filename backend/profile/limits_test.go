package profile

import (
	"fmt"
	"strings"
	"testing"
)

// Every text field of a profile has a byte limit, checked before anything
// else; the error names the field and the limit and never holds the value.
func TestOversizedFieldsAreRefusedWithoutEcho(t *testing.T) {
	const marker = "Qx7Oversize"
	big := func(n int) string { return marker + strings.Repeat("z", n) }
	cases := []struct {
		field string
		max   int
		set   func(*Profile, string)
	}{
		{"connection id", IDMaxBytes, func(p *Profile, v string) { p.ID = v }},
		{"name", NameMaxBytes, func(p *Profile, v string) { p.Name = v }},
		{"engine", EnumMaxBytes, func(p *Profile, v string) { p.Engine = Engine(v) }},
		{"host", HostMaxBytes, func(p *Profile, v string) { p.Host = v }},
		{"database", DatabaseMaxBytes, func(p *Profile, v string) { p.Database = v }},
		{"user", UserMaxBytes, func(p *Profile, v string) { p.User = v }},
		{"SSL mode", EnumMaxBytes, func(p *Profile, v string) { p.SSLMode = SSLMode(v) }},
		{"CA file path", CAFileMaxBytes, func(p *Profile, v string) { p.CAFile = v }},
		{"colour", ColorMaxBytes, func(p *Profile, v string) { p.Color = v }},
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			p := sample("ok")
			v := big(c.max)
			c.set(&p, v)
			for _, run := range []struct {
				name string
				err  error
			}{{"Validate", Validate(p)}, {"Save", saveErr(t, p)}} {
				if code(run.err) != CodeTooLong {
					t.Fatalf("%s: %v, want %s", run.name, run.err, CodeTooLong)
				}
				msg := run.err.Error()
				want := fmt.Sprintf("the %s is %d bytes long; at most %d bytes are allowed", c.field, len(v), c.max)
				if msg != want {
					t.Errorf("%s: message %q, want %q", run.name, msg, want)
				}
				if strings.Contains(msg, marker) || strings.Contains(msg, "zzz") {
					t.Errorf("%s: the error echoes the value: %q", run.name, msg)
				}
			}
		})
	}
}

func saveErr(t *testing.T, p Profile) error {
	s := openStore(t, t.TempDir())
	_, err := s.Save(p)
	if err == nil {
		t.Fatal("Save accepted an oversized field")
	}
	return err
}

func TestOversizedImportEntryIsRejectedWithoutEcho(t *testing.T) {
	s := openStore(t, t.TempDir())
	host := strings.Repeat("h", HostMaxBytes+1)
	res, err := s.Import([]byte(`[{"name":"Big","engine":"postgres","host":"` + host + `","database":"d","user":"u"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) != 1 || res.Rejected[0].Name != "entry 1" ||
		res.Rejected[0].Reason != fmt.Sprintf("the host is %d bytes long; at most %d bytes are allowed", len(host), HostMaxBytes) {
		t.Fatalf("rejections %+v", res.Rejected)
	}
}

func TestOversizedURLIsRefusedBeforeParsing(t *testing.T) {
	in := "postgres://u:Qx7Secret@" + strings.Repeat("h", URLMaxBytes) + "/db"
	_, err := ParseURL(in)
	if code(err) != CodeTooLong || strings.Contains(err.Error(), "Qx7") {
		t.Fatalf("ParseURL(huge) = %v, want %s without the text", err, CodeTooLong)
	}
}
