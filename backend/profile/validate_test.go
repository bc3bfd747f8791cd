package profile

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

func TestValidate(t *testing.T) {
	ok := Profile{Name: "Prod", Engine: EngineRedshift, Host: "c.abc.us-east-1.redshift.amazonaws.com", Port: 5439,
		Database: "dev", User: "admin", SSLMode: SSLVerifyFull, CAFile: "/etc/ca.pem", ConnectTimeoutSec: 30, Color: "#3B5bdb"}
	cases := []struct {
		name string
		edit func(p *Profile)
		want string // substring of the message; "" = valid
	}{
		{"complete", func(p *Profile) {}, ""},
		{"zero port, timeout and ssl take defaults", func(p *Profile) { p.Port, p.ConnectTimeoutSec, p.SSLMode, p.CAFile = 0, 0, "", "" }, ""},
		{"IPv4 host", func(p *Profile) { p.Host = "10.0.0.1" }, ""},
		{"IPv6 host", func(p *Profile) { p.Host = "fe80::1" }, ""},
		{"bracketed IPv6 host", func(p *Profile) { p.Host = "[::1]" }, ""},
		{"100-character name", func(p *Profile) { p.Name = strings.Repeat("ü", 100) }, ""},
		{"CA file with require", func(p *Profile) { p.SSLMode = SSLRequire }, ""},
		{"CA file with verify-ca", func(p *Profile) { p.SSLMode = SSLVerifyCA }, ""},
		{"no colour", func(p *Profile) { p.Color = "" }, ""},
		{"postgres", func(p *Profile) { p.Engine = EnginePostgres }, ""},

		{"empty name", func(p *Profile) { p.Name = "  " }, "name is required"},
		{"long name", func(p *Profile) { p.Name = strings.Repeat("x", 101) }, "name must be at most 100 characters"},
		{"no engine on a non-Redshift host", func(p *Profile) { p.Engine, p.Host = "", "db.example.com" }, `engine must be redshift or postgres, not ""`},
		{"unknown engine", func(p *Profile) { p.Engine = "mysql" }, `not "mysql"`},
		{"empty host", func(p *Profile) { p.Host = "" }, "host is required"},
		{"URL as host", func(p *Profile) { p.Host = "postgres://h/db" }, "paste whole URLs"},
		{"space in host", func(p *Profile) { p.Host = "my host" }, "host must not contain spaces"},
		{"path in host", func(p *Profile) { p.Host = "h/db" }, "without user, port, database"},
		{"port in host", func(p *Profile) { p.Host = "h:5439" }, "put the port in the port field"},
		{"port too big", func(p *Profile) { p.Port = 65536 }, "port must be a whole number from 1 to 65535, not 65536"},
		{"negative port", func(p *Profile) { p.Port = -1 }, "not -1"},
		{"no database", func(p *Profile) { p.Database = "" }, "database is required"},
		{"no user", func(p *Profile) { p.User = " " }, "user is required"},
		{"prefer is not offered", func(p *Profile) { p.SSLMode = "prefer" }, `SSL mode must be disable, require, verify-ca or verify-full, not "prefer"`},
		{"CA file with disable", func(p *Profile) { p.SSLMode = SSLDisable }, "a CA file needs SSL mode"},
		{"timeout too long", func(p *Profile) { p.ConnectTimeoutSec = 301 }, "connect timeout must be 1 to 300 seconds, not 301"},
		{"negative timeout", func(p *Profile) { p.ConnectTimeoutSec = -5 }, "not -5"},
		{"colour name", func(p *Profile) { p.Color = "red" }, `colour must look like #3b5bdb, not "red"`},
		{"short colour", func(p *Profile) { p.Color = "#fff" }, "colour must look like"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := ok
			c.edit(&p)
			err := Validate(p)
			if c.want == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("want %q, got valid", c.want)
			}
			e := apperr.As(err)
			if e.Code != "invalid_input" || !strings.Contains(e.Message, c.want) {
				t.Fatalf("got %s %q, want invalid_input containing %q", e.Code, e.Message, c.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	got := Normalize(Profile{Name: " n ", Host: " [::1] ", Database: " d ", User: " u ", Engine: EnginePostgres})
	want := Profile{Name: "n", Host: "::1", Database: "d", User: "u", Engine: EnginePostgres, Port: 5432,
		SSLMode: SSLDisable, ConnectTimeoutSec: 15}
	if got != want {
		t.Errorf("Normalize = %+v, want %+v", got, want)
	}
	rs := Normalize(Profile{Host: "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com"})
	if rs.Engine != EngineRedshift || rs.Port != 5439 || rs.SSLMode != SSLVerifyFull {
		t.Errorf("Redshift host implies engine, port and verify-full: %+v", rs)
	}
	local := Normalize(Profile{Host: "localhost", Engine: EngineRedshift})
	if local.SSLMode != SSLVerifyFull {
		t.Errorf("redshift engine on localhost: sslMode %q, want verify-full", local.SSLMode)
	}
	pg := Normalize(Profile{Host: "db.example.com", Engine: EnginePostgres})
	if pg.SSLMode != SSLRequire {
		t.Errorf("postgres on a remote host: sslMode %q, want require", pg.SSLMode)
	}
	keep := Normalize(Profile{Host: "localhost", Engine: EnginePostgres, SSLMode: SSLVerifyFull, Port: 6000, ConnectTimeoutSec: 3})
	if keep.SSLMode != SSLVerifyFull || keep.Port != 6000 || keep.ConnectTimeoutSec != 3 {
		t.Errorf("Normalize overwrote set values: %+v", keep)
	}
}
