package profile

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

const (
	clusterHost   = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com"
	workgroupHost = "analytics.123456789012.eu-central-1.redshift-serverless.amazonaws.com"
)

func TestParseRedshiftHostReadsClusterWorkgroupAndRegion(t *testing.T) {
	cases := []struct {
		host string
		want HostFacts
		ok   bool
	}{
		{clusterHost, HostFacts{ClusterID: "examplecluster", Region: "us-west-2"}, true},
		{"EXAMPLECLUSTER.ABC123XYZ789.US-WEST-2.REDSHIFT.AMAZONAWS.COM", HostFacts{ClusterID: "examplecluster", Region: "us-west-2"}, true},
		{"c1.xyz.cn-north-1.redshift.amazonaws.com.cn", HostFacts{ClusterID: "c1", Region: "cn-north-1"}, true},
		{"c1.xyz.us-gov-west-1.redshift.amazonaws.com", HostFacts{ClusterID: "c1", Region: "us-gov-west-1"}, true},
		{workgroupHost, HostFacts{Workgroup: "analytics", Region: "eu-central-1", Serverless: true}, true},
		{"db.example.com", HostFacts{}, false},
		{"localhost", HostFacts{}, false},
		{"redshift.amazonaws.com", HostFacts{}, false},
	}
	for _, c := range cases {
		got, ok := ParseRedshiftHost(c.host)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %+v %v, want %+v %v", c.host, got, ok, c.want, c.ok)
		}
	}
}

func TestNormalizeFillsIAMSettingsFromHostButKeepsTypedOnes(t *testing.T) {
	p := Normalize(Profile{Name: "n", Host: clusterHost, Database: "dev", User: "alice",
		Auth: &AuthSettings{Method: AuthIAM, DbGroups: []string{" analysts ", ""}}})
	want := &AuthSettings{Method: AuthIAM, ClusterID: "examplecluster", Region: "us-west-2", DbGroups: []string{"analysts"}}
	if !reflect.DeepEqual(p.Auth, want) {
		t.Fatalf("auth = %+v, want %+v", p.Auth, want)
	}
	p = Normalize(Profile{Host: clusterHost, Auth: &AuthSettings{Method: AuthIAM, ClusterID: "other", Region: "eu-west-1"}})
	if p.Auth.ClusterID != "other" || p.Auth.Region != "eu-west-1" {
		t.Fatalf("typed settings replaced: %+v", p.Auth)
	}
	p = Normalize(Profile{Host: workgroupHost, Auth: &AuthSettings{Method: AuthIAMServerless, ClusterID: "x", AutoCreate: true}})
	want = &AuthSettings{Method: AuthIAMServerless, Workgroup: "analytics", Region: "eu-central-1"}
	if !reflect.DeepEqual(p.Auth, want) || p.Engine != EngineRedshift {
		t.Fatalf("serverless auth = %+v engine %q, want %+v", p.Auth, p.Engine, want)
	}
	if p := Normalize(Profile{Host: "h", Auth: &AuthSettings{Method: "password"}}); p.Auth != nil {
		t.Fatalf("password method kept an Auth: %+v", p.Auth)
	}
}

func TestValidateIAMProfiles(t *testing.T) {
	base := func(a AuthSettings) Profile {
		return Profile{Name: "n", Host: clusterHost, Database: "dev", User: "alice", Auth: &a}
	}
	ok := []Profile{
		base(AuthSettings{Method: AuthIAM}),
		base(AuthSettings{Method: AuthIAM, AutoCreate: true, DbGroups: []string{"g1", "g2"}, DurationSec: 900}),
		{Name: "n", Host: clusterHost, Database: "dev", Auth: &AuthSettings{Method: AuthIAM, WithIAM: true}},
		{Name: "n", Host: workgroupHost, Database: "dev", Auth: &AuthSettings{Method: AuthIAMServerless}},
		{Name: "n", Host: "proxy.internal", Database: "dev", Auth: &AuthSettings{Method: AuthIAMServerless, Workgroup: "wg", Region: "us-east-1"}},
	}
	for _, p := range ok {
		if err := Validate(p); err != nil {
			t.Errorf("%+v: %v", p.Auth, err)
		}
	}
	bad := []struct {
		p    Profile
		want string
	}{
		{base(AuthSettings{Method: "kerberos"}), "authentication must be password, iam or iam-serverless"},
		{Profile{Name: "n", Host: clusterHost, Database: "dev", Auth: &AuthSettings{Method: AuthIAM}}, "user is required"},
		{Profile{Name: "n", Host: "h", Engine: EnginePostgres, Database: "dev", User: "u",
			Auth: &AuthSettings{Method: AuthIAM, ClusterID: "c", Region: "us-east-1"}}, "only for Redshift"},
		{Profile{Name: "n", Host: "proxy.internal", Database: "dev", User: "u", Auth: &AuthSettings{Method: AuthIAM, ClusterID: "c"}}, "AWS region is required"},
		{Profile{Name: "n", Host: "proxy.internal", Database: "dev", User: "u", Auth: &AuthSettings{Method: AuthIAM, Region: "us-east-1"}}, "cluster identifier is required"},
		{Profile{Name: "n", Host: "proxy.internal", Database: "dev", Auth: &AuthSettings{Method: AuthIAMServerless, Region: "us-east-1"}}, "workgroup name is required"},
		{base(AuthSettings{Method: AuthIAM, Region: "Ohio"}), "region must look like us-east-1"},
		{base(AuthSettings{Method: AuthIAM, ClusterID: "bad_id"}), "only letters, digits and hyphens"},
		{base(AuthSettings{Method: AuthIAM, DurationSec: 60}), "duration must be 900 to 3600 seconds"},
		{base(AuthSettings{Method: AuthIAM, DbGroups: []string{"a b"}}), "must not contain spaces or commas"},
		{base(AuthSettings{Method: AuthIAM, AWSProfile: "my profile"}), "AWS profile name must not contain spaces"},
		{base(AuthSettings{Method: AuthIAM, AWSProfile: strings.Repeat("p", 200)}), "AWS profile is 200 bytes long"},
	}
	for _, c := range bad {
		err := Validate(c.p)
		if err == nil || !strings.Contains(apperr.As(err).Message, c.want) {
			t.Errorf("%+v: got %v, want %q", c.p.Auth, err, c.want)
		}
	}
}

func TestParseIAMJDBCURLFillsAuthSettings(t *testing.T) {
	cases := []struct {
		in   string
		want Profile
	}{
		{"jdbc:redshift:iam://" + clusterHost + ":5439/dev?DbUser=alice&AutoCreate=true&DbGroups=analysts,loaders&Profile=dev-sso",
			Profile{Engine: EngineRedshift, Host: clusterHost, Port: 5439, Database: "dev", User: "alice", SSLMode: SSLVerifyFull,
				Auth: &AuthSettings{Method: AuthIAM, AWSProfile: "dev-sso", AutoCreate: true, DbGroups: []string{"analysts", "loaders"}}}},
		{"JDBC:REDSHIFT:IAM://proxy.internal:5439/dev;ClusterID=examplecluster;Region=us-east-2;DbUser=bob;AccessKeyID=AKIAX;SecretAccessKey=S3cretKey",
			Profile{Engine: EngineRedshift, Host: "proxy.internal", Port: 5439, Database: "dev", User: "bob", SSLMode: SSLVerifyFull,
				Auth: &AuthSettings{Method: AuthIAM, ClusterID: "examplecluster", Region: "us-east-2"}}},
		{"jdbc:redshift:iam://" + workgroupHost + ":5439/dev?Profile=p&DbGroups=ignored",
			Profile{Engine: EngineRedshift, Host: workgroupHost, Port: 5439, Database: "dev", SSLMode: SSLVerifyFull,
				Auth: &AuthSettings{Method: AuthIAMServerless, AWSProfile: "p"}}},
	}
	for _, c := range cases {
		got, err := ParseURL(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v %+v\nwant %+v %+v", c.in, got, got.Auth, c.want, c.want.Auth)
		}
		if b, _ := json.Marshal(got); strings.Contains(string(b), "S3cretKey") || strings.Contains(string(b), "AKIAX") {
			t.Errorf("%s: profile keeps an AWS key: %s", c.in, b)
		}
	}
}

func TestIAMURLErrorsNeverEchoSecrets(t *testing.T) {
	for _, in := range []string{
		"jdbc:redshift:iam://h:5439/dev?SecretAccessKey=TopSecret1&AutoCreate=TopSecret1",
		"jdbc:redshift:iam://h:TopSecret1/dev",
		"jdbc:redshift:iam://h:5439/dev?SecretAccessKey=%zzTopSecret1",
	} {
		_, err := ParseURL(in)
		if err == nil {
			t.Fatalf("%s: no error", in)
		}
		if strings.Contains(strings.ToLower(apperr.As(err).Error()), "topsecret1") {
			t.Errorf("%s: error holds the secret: %v", in, err)
		}
	}
}

func TestExportImportKeepsIAMSettings(t *testing.T) {
	src := openStore(t, t.TempDir())
	p, err := src.Save(Profile{Name: "iam", Host: clusterHost, Database: "dev", User: "alice",
		Auth: &AuthSettings{Method: AuthIAM, AWSProfile: "dev-sso", AutoCreate: true, DbGroups: []string{"analysts"}, DurationSec: 1800}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := src.Export()
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t, t.TempDir())
	if _, err := dst.Import(data); err != nil {
		t.Fatal(err)
	}
	got := dst.List()[0]
	if !reflect.DeepEqual(got.Auth, p.Auth) {
		t.Fatalf("imported auth %+v, want %+v", got.Auth, p.Auth)
	}
}
