package profile

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

func TestParseURLValid(t *testing.T) {
	const rsHost = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com"
	const slsHost = "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com"
	cases := []struct {
		in   string
		want Profile
	}{
		{"postgres://alice:s3cret@db.example.com:6543/sales?sslmode=verify-full&connect_timeout=20",
			Profile{Engine: EnginePostgres, Host: "db.example.com", Port: 6543, Database: "sales", User: "alice",
				SSLMode: SSLVerifyFull, ConnectTimeoutSec: 20}},
		{"postgresql://bob@localhost/app",
			Profile{Engine: EnginePostgres, Host: "localhost", Database: "app", User: "bob"}},
		{"POSTGRESQL://h", Profile{Engine: EnginePostgres, Host: "h"}},
		{"postgres://h:5432", Profile{Engine: EnginePostgres, Host: "h", Port: 5432}},
		{"postgres://h/?user=carol&dbname=d2&sslmode=require",
			Profile{Engine: EnginePostgres, Host: "h", User: "carol", Database: "d2", SSLMode: SSLRequire}},
		{"postgres://%C3%A9ve%40corp@h/my%20db", Profile{Engine: EnginePostgres, Host: "h", User: "éve@corp", Database: "my db"}},
		{"postgres://u:p%40ss@[::1]:5433/db", Profile{Engine: EnginePostgres, Host: "::1", Port: 5433, Database: "db", User: "u"}},
		{"postgres://[2001:db8::7]/db", Profile{Engine: EnginePostgres, Host: "2001:db8::7", Database: "db"}},
		{"postgres://h/db?sslmode=prefer", Profile{Engine: EnginePostgres, Host: "h", Database: "db"}},
		{"postgres://h/db?sslmode=disable&connect_timeout=0", Profile{Engine: EnginePostgres, Host: "h", Database: "db", SSLMode: SSLDisable}},
		{"postgres://h/db?application_name=x#frag", Profile{Engine: EnginePostgres, Host: "h", Database: "db"}},
		{"postgres://awsuser@" + rsHost + ":5439/dev",
			Profile{Engine: EngineRedshift, Host: rsHost, Port: 5439, Database: "dev", User: "awsuser", SSLMode: SSLVerifyFull}},
		{"postgres://" + rsHost + ":5439/dev?sslmode=verify-ca",
			Profile{Engine: EngineRedshift, Host: rsHost, Port: 5439, Database: "dev", SSLMode: SSLVerifyCA}},
		{"jdbc:redshift://" + rsHost + ":5439/dev",
			Profile{Engine: EngineRedshift, Host: rsHost, Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{"jdbc:redshift://" + rsHost + ":5439/dev?ssl=true&UID=awsuser&PWD=hunter2&loginTimeout=30",
			Profile{Engine: EngineRedshift, Host: rsHost, Port: 5439, Database: "dev", User: "awsuser", SSLMode: SSLVerifyFull, ConnectTimeoutSec: 30}},
		{"jdbc:redshift://redshift.company.us-west-1.redshift.amazonaws.com:9000/dev;UID=amazon;PWD=password%3Apassword",
			Profile{Engine: EngineRedshift, Host: "redshift.company.us-west-1.redshift.amazonaws.com", Port: 9000, Database: "dev", User: "amazon", SSLMode: SSLVerifyFull}},
		{"jdbc:redshift://my_host:5439/dev;ssl=false&defaultRowFetchSize=100",
			Profile{Engine: EngineRedshift, Host: "my_host", Port: 5439, Database: "dev", SSLMode: SSLDisable}},
		{"jdbc:redshift://10.1.2.3:5439/dev?sslmode=verify-full&ssl=true",
			Profile{Engine: EngineRedshift, Host: "10.1.2.3", Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{"jdbc:redshift://10.1.2.3:5439", Profile{Engine: EngineRedshift, Host: "10.1.2.3", Port: 5439, SSLMode: SSLVerifyFull}},
		{"jdbc:postgresql://pg.internal:5432/app?user=svc&password=x&ssl=true&connectTimeout=7",
			Profile{Engine: EnginePostgres, Host: "pg.internal", Port: 5432, Database: "app", User: "svc", SSLMode: SSLVerifyFull, ConnectTimeoutSec: 7}},
		{"jdbc:postgresql://pg.internal/app", Profile{Engine: EnginePostgres, Host: "pg.internal", Database: "app"}},
		{"jdbc:postgresql://" + rsHost + ":5439/dev",
			Profile{Engine: EngineRedshift, Host: rsHost, Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{"cluster.abc123.us-east-1.redshift.amazonaws.com:5439/dev",
			Profile{Engine: EngineRedshift, Host: "cluster.abc123.us-east-1.redshift.amazonaws.com", Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{"  " + slsHost + ":5439/dev\n",
			Profile{Engine: EngineRedshift, Host: slsHost, Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{"cluster.abc123.cn-north-1.redshift.amazonaws.com.cn:5439/dev",
			Profile{Engine: EngineRedshift, Host: "cluster.abc123.cn-north-1.redshift.amazonaws.com.cn", Port: 5439, Database: "dev", SSLMode: SSLVerifyFull}},
		{rsHost, Profile{Engine: EngineRedshift, Host: rsHost, SSLMode: SSLVerifyFull}},
		{"db.example.com:5432/app", Profile{Host: "db.example.com", Port: 5432, Database: "app"}},
		{"[::1]:5432/app", Profile{Host: "::1", Port: 5432, Database: "app"}},
		{"localhost:5432", Profile{Host: "localhost", Port: 5432}},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseURL(c.in)
			if err != nil {
				t.Fatalf("ParseURL: %v", err)
			}
			if got != c.want {
				t.Fatalf("\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestParseURLNeverKeepsThePassword(t *testing.T) {
	for _, in := range []string{
		"postgres://u:TopSecret1@h/db",
		"jdbc:redshift://h:5439/dev;UID=u;PWD=TopSecret1",
		"jdbc:postgresql://h/db?user=u&password=TopSecret1",
		"postgres://u:TopSecret1@h:99999/db", // error path too
	} {
		p, err := ParseURL(in)
		if strings.Contains(strings.ToLower(string(mustJSON(t, p))), "topsecret1") {
			t.Errorf("%s: profile holds the password: %+v", in, p)
		}
		if err != nil && strings.Contains(strings.ToLower(apperr.As(err).Error()), "topsecret1") {
			t.Errorf("%s: error holds the password: %v", in, err)
		}
	}
}

func TestParseURLMalformed(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "the connection URL is empty"},
		{"   ", "the connection URL is empty"},
		{"mysql://h/db", "unknown URL scheme; paste postgres://"},
		{"https://console.aws.amazon.com/redshift", "unknown URL scheme"},
		{"jdbc:mysql://h/db", "unsupported JDBC URL"},
		{"jdbc:redshift:iam://cluster:us-east-1/dev", "names a cluster and region but no endpoint"},
		{"jdbc:redshift:iam:cluster", "starts with jdbc:redshift:iam://"},
		{"jdbc:redshift:iam://h:5439/dev?AutoCreate=perhaps", "AutoCreate must be true or false"},
		{"host=h port=5432 dbname=d", "key=value connection strings are not supported"},
		{"hello", "this is not a connection URL"},
		{"just some text", "this is not a connection URL"},
		{"postgres://h:abc/db", "the port in the URL is not a number from 1 to 65535"},
		{"postgres://h:0/db", "the port in the URL is not a number"},
		{"postgres://h:70000/db", "the port in the URL is not a number"},
		{"postgres://h:/db", "the port in the URL is empty"},
		{"cluster.abc.us-east-1.redshift.amazonaws.com:54x9/dev", "the port in the URL is not a number"},
		{"postgres:///db", "the URL names no host"},
		{"postgres://u@/db", "the URL names no host"},
		{"jdbc:redshift://:5439/dev", "the URL names no host"},
		{"postgres://h1:5432,h2:5432/db", "several hosts"},
		{"postgres://::1/db", "put an IPv6 address in brackets"},
		{"postgres://[::1/db", "lacks its closing ]"},
		{"postgres://[nothost]/db", "is not an IPv6 address"},
		{"postgres://[::1]x/db", "after the IPv6 address"},
		{"postgres://h/db/extra", "unexpected / after the database name"},
		{"postgres://h/db?sslmode=sometimes", "unknown sslmode in the URL"},
		{"postgres://h/db?connect_timeout=soon", "is not a whole number of seconds"},
		{"postgres://h/db?connect_timeout=900", "more than 300 seconds"},
		{"postgres://h/db?x=%zz", "options (after ?) are malformed"},
		{"postgres://%2Ftmp/db", "Unix-socket connections"},
		{"postgres:///db?host=/var/run/postgresql", "Unix-socket connections"},
		{"postgres://h/%zz", "database name in the URL is badly encoded"},
		{"jdbc:redshift://h:5439/dev;ssl", "a JDBC option is malformed"},
		{"jdbc:redshift://h:5439/dev;ssl=maybe", "must be true or false"},
		{"jdbc:redshift://h:5439/dev;loginTimeout=-1", "is not a whole number of seconds"},
		{"bad_host!:5439/dev", "the host name in the endpoint is not valid"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := ParseURL(c.in)
			if err == nil {
				t.Fatalf("want error %q, got %+v", c.want, p)
			}
			e := apperr.As(err)
			if e.Code != "invalid_input" || !strings.Contains(e.Message, c.want) {
				t.Fatalf("got %s %q, want invalid_input containing %q", e.Code, e.Message, c.want)
			}
			if p != (Profile{}) {
				t.Errorf("error with a non-empty profile %+v", p)
			}
		})
	}
}

// pwFragments are the 3-byte pieces of a password: none may appear in an error.
func pwFragments(pw string) []string {
	var out []string
	for i := 0; i+3 <= len(pw); i++ {
		out = append(out, pw[i:i+3])
	}
	return out
}

// Malformed URLs whose broken part is (a piece of) the password: a password
// holding / ? ; & or %, a password option with a bad escape. The error text
// (message, detail, hint) holds no 3-byte piece of the password.
func TestParseURLErrorsNeverEchoPasswordFragments(t *testing.T) {
	const pw = "Zq9xK7wVbJ"
	for _, in := range []string{
		"postgres://u:" + pw + "/x@h/db",                   // password with / : read as host u, port Zq9…
		"postgres://u:Zq9x?K7wVbJ@h/db",                    // ? inside the password splits the URL
		"postgres://u:Zq9x/K7/wVbJ@h/db",                   // two slashes: "after the database name"
		"postgres://u@h/db?password=" + pw + "%zz",         // bad escape next to the password
		"postgres://u@h/db?password=" + pw + ";x=1",        // semicolon in the query
		"postgres://u@h/db?sslmode=" + pw,                  // password pasted in the wrong option
		"postgres://u@h/db?connect_timeout=" + pw,          // and another
		"jdbc:redshift://h:5439/dev;UID=u;PWD=Zq9x;K7wVbJ", // ; in the password: a bare option
		"jdbc:redshift://h:5439/dev;UID=u;PWD=Zq9x;K7wVbJ=%zz",
		"jdbc:redshift://h:5439/dev;ssl=" + pw,
		"u:" + pw + "@bad_host!:5439/dev",
		"Zq9xK7wVbJ://h/db",
		"postgres://u:" + pw + "@[Zq9x]/db",
		"postgres://u:" + pw + "@[::1]Zq9x/db",
		"postgres://u:" + pw + "@h]Zq9x/db",
		"postgres://u:" + pw + "@h/db?host=/Zq9xK7wVbJ",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseURL(in)
			if err == nil {
				t.Fatal("want an error")
			}
			e := apperr.As(err)
			text := e.Message + "\n" + e.Detail + "\n" + e.Hint
			for _, f := range pwFragments(pw) {
				if strings.Contains(text, f) {
					t.Fatalf("error %q holds %q, a piece of the password", text, f)
				}
			}
		})
	}
}

// FuzzParseURLHidesPassword places a password starting with a marker in each
// place a URL can carry one; whatever else the input holds, no error quotes it.
func FuzzParseURLHidesPassword(f *testing.F) {
	for _, s := range []string{"", "/", "?", ";", "&", "%zz", "]", "@", ":", "=x;y", "/a/b", "#"} {
		f.Add(s, "h/db")
	}
	f.Fuzz(func(t *testing.T, pwTail, rest string) {
		pw := "Zq9" + pwTail
		for _, in := range []string{
			"postgres://u:" + pw + "@" + rest,
			"postgres://" + rest + "?password=" + pw,
			"jdbc:redshift://" + rest + ";PWD=" + pw,
			"jdbc:postgresql://" + rest + "?password=" + pw + "&ssl=" + pw,
			"u:" + pw + "@" + rest,
		} {
			if strings.Contains(rest, "Zq9") {
				return
			}
			_, err := ParseURL(in)
			if err == nil {
				continue
			}
			e := apperr.As(err)
			if text := e.Message + e.Detail + e.Hint; strings.Contains(text, "Zq9") {
				t.Fatalf("ParseURL(%q) error %q quotes the password", in, text)
			}
		}
	})
}
