package session

import "testing"

func TestDetectEngine(t *testing.T) {
	cases := []struct {
		version string
		engine  Engine
		short   string
	}{
		{"PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 20041017 (Red Hat 3.4.2-6.fc3), Redshift 1.0.77467",
			Redshift, "Redshift 1.0.77467"},
		{"PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
			Postgres, "PostgreSQL 15.18"},
		{"PostgreSQL 16.4 on aarch64-unknown-linux-gnu, compiled by aarch64-unknown-linux-gnu-gcc (GCC) 9.5.0, 64-bit",
			Postgres, "PostgreSQL 16.4"},
		{"PostgreSQL 17beta1 on x86_64-pc-linux-gnu", Postgres, "PostgreSQL 17beta1"},
		{"Something redshift-compatible", Redshift, "Redshift"},
		{"CockroachDB CCL v23.1.0 on x86_64", Postgres, "CockroachDB CCL v23.1.0"},
	}
	for _, c := range cases {
		e, v := DetectEngine(c.version)
		if e != c.engine || v != c.short {
			t.Errorf("DetectEngine(%q) = %q, %q; want %q, %q", c.version, e, v, c.engine, c.short)
		}
	}
}
