package profile

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExportImportMerge(t *testing.T) {
	src := openStore(t, t.TempDir())
	a := sample("Prod")
	a.ReadOnly, a.Color, a.SSLMode, a.CAFile = true, "#e03131", SSLVerifyFull, "/etc/ssl/rs.pem"
	mustSave(t, src, a)
	mustSave(t, src, Profile{Name: "Local", Engine: EnginePostgres, Host: "127.0.0.1", Database: "postgres", User: "me"})
	data, err := src.Export()
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if f["format"] != "redshift-mate-connections" || f["version"] != float64(1) {
		t.Errorf("export header: %v", f)
	}
	for _, p := range f["profiles"].([]any) {
		m := p.(map[string]any)
		if _, has := m["id"]; has {
			t.Errorf("export carries local ids: %v", m)
		}
		for k := range m {
			if strings.Contains(strings.ToLower(k), "pass") {
				t.Errorf("export has field %q", k)
			}
		}
	}

	dstDir := t.TempDir()
	dst := openStore(t, dstDir)
	existing := mustSave(t, dst, sample("prod")) // same name, other case: skipped, not overwritten
	res, err := dst.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Added, []string{"Local"}) || !slices.Equal(res.Skipped, []string{"Prod"}) || len(res.Rejected) != 0 {
		t.Errorf("result %+v", res)
	}
	got := openStore(t, dstDir).List()
	if len(got) != 2 || got[0] != existing || got[1].Name != "Local" || got[1].ID == "" || got[1].SSLMode != SSLDisable {
		t.Errorf("after import: %+v", got)
	}

	// Into an empty store everything arrives field for field.
	empty := openStore(t, t.TempDir())
	res, err = empty.Import(data)
	if err != nil || len(res.Added) != 2 {
		t.Fatalf("import into empty: %+v %v", res, err)
	}
	srcList, gotList := src.List(), empty.List()
	for i := range srcList {
		want := srcList[i]
		want.ID = gotList[i].ID
		if gotList[i] != want {
			t.Errorf("imported %+v, want %+v", gotList[i], want)
		}
		if gotList[i].ID == srcList[i].ID {
			t.Error("import reused the source id")
		}
	}
	// Importing again adds nothing.
	res, err = empty.Import(data)
	if err != nil || len(res.Added) != 0 || len(res.Skipped) != 2 {
		t.Errorf("second import: %+v %v", res, err)
	}
}

func TestImportValidatesEachEntry(t *testing.T) {
	s := openStore(t, t.TempDir())
	data := `[
	  {"name":"Good","engine":"postgres","host":"h","database":"d","user":"u"},
	  {"name":"NoHost","engine":"postgres","database":"d","user":"u"},
	  {"engine":"postgres","host":"h","database":"d","user":"u"},
	  "not an object",
	  {"name":"good","engine":"postgres","host":"h2","database":"d","user":"u"},
	  {"name":"Sandbox","engine":"postgres","host":"h","database":"d","user":"u","sandbox":true,"id":"abc"}
	]`
	res, err := s.Import([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Added, []string{"Good", "Sandbox"}) || !slices.Equal(res.Skipped, []string{"good"}) {
		t.Errorf("added %v skipped %v", res.Added, res.Skipped)
	}
	want := []Rejection{
		{Name: "NoHost", Reason: "host is required"},
		{Name: "entry 3", Reason: "name is required"},
		{Name: "entry 4", Reason: "it is not a connection object"},
	}
	if !slices.Equal(res.Rejected, want) {
		t.Errorf("rejected %+v", res.Rejected)
	}
	for _, p := range s.List() {
		if p.Sandbox || p.ID == "abc" {
			t.Errorf("imported sandbox flag or foreign id: %+v", p)
		}
	}
}

func TestImportRejectsMalformedFiles(t *testing.T) {
	cases := []struct{ name, data, code, msg string }{
		{"empty", "  ", "import_invalid", "the file is empty"},
		{"not JSON", `{"profiles": [`, "import_invalid", "the file is not valid JSON"},
		{"text", `hello`, "import_invalid", "the file is not valid JSON"},
		{"wrong format", `{"format":"other-app","profiles":[]}`, "import_invalid", "not a Redshift Mate connections file"},
		{"no list", `{"version":1}`, "import_invalid", `holds no "profiles" list`},
		{"list of wrong type", `{"version":1,"profiles":{"a":1}}`, "import_invalid", "not a Redshift Mate connections file"},
		{"scalar", `42`, "import_invalid", "not a Redshift Mate connections file"},
		{"newer", `{"format":"redshift-mate-connections","version":9,"profiles":[]}`, "import_unsupported_version", "format 9"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t, t.TempDir())
			mustSave(t, s, sample("Keep"))
			res, err := s.Import([]byte(c.data))
			if got := code(err); got != c.code {
				t.Fatalf("code %q (%v), want %q", got, err, c.code)
			}
			if msg := err.Error(); !strings.Contains(msg, c.msg) {
				t.Errorf("message %q, want %q", msg, c.msg)
			}
			if len(res.Added) != 0 || len(s.List()) != 1 {
				t.Errorf("malformed import changed the store: %+v %v", res, names(s.List()))
			}
		})
	}
}

func TestImportOfTheStoreFileItself(t *testing.T) {
	s := openStore(t, t.TempDir())
	res, err := s.Import([]byte(`{"version":1,"profiles":[{"id":"x","name":"A","engine":"redshift","host":"h","database":"dev","user":"u"}]}`))
	if err != nil || !slices.Equal(res.Added, []string{"A"}) {
		t.Fatalf("%+v %v", res, err)
	}
	if p := s.List()[0]; p.Port != 5439 || p.SSLMode != SSLVerifyFull || p.ConnectTimeoutSec != 15 || p.ID == "x" {
		t.Errorf("defaults not filled on import: %+v", p)
	}
}
