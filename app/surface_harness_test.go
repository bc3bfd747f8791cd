package app

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/model"
)

// TestRecordSurfaceHarnessData writes what the UI harness
// (frontend/e2e/harness) shows: the bound methods' real answers over the
// Redshift reader and fixture, and the Redshift renderer's real output for
// the changes the screenshot script makes. Run it with
// RSMATE_HARNESS_OUT=<file>; skipped otherwise.
func TestRecordSurfaceHarnessData(t *testing.T) {
	out := os.Getenv("RSMATE_HARNESS_OUT")
	if out == "" {
		t.Skip("set RSMATE_HARNESS_OUT to record the UI harness data")
	}
	w := newSurfaceWorld(t)
	c := w.a.Catalog
	must := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	sum := must(c.Load(w.sid, false))
	loader := model.UserRef(w.loader)
	// The changes the screenshot script queues or types, rendered by the Redshift renderer.
	renders := map[string]any{}
	record := func(cs ...change.Change) {
		key, _ := json.Marshal(cs)
		plan, err := change.Build(cs, w.snap, rsrender.New(), change.CurrentUser{Name: "admin"})
		if err != nil {
			renders[string(key)] = map[string]any{"error": apperr.As(err).Message}
			return
		}
		renders[string(key)] = map[string]any{"statements": plan.Statements, "warnings": []string{}}
	}
	arnTyped := "arn:aws:iam::123456789012:role/RedshiftS3Read"
	record(change.Change{Kind: change.GrantAssumeRole, AssumeRole: &change.AssumeRoleSpec{IAMRoles: []string{arnTyped}, Commands: []string{"COPY", "UNLOAD"}, Grantee: loader}})
	record(change.Change{Kind: change.GrantAssumeRole, AssumeRole: &change.AssumeRoleSpec{IAMRoles: []string{"RedshiftS3Read"}, Commands: []string{"COPY", "UNLOAD"}, Grantee: loader}})
	record(change.Change{Kind: change.GrantDatashareUsage, DatashareUsage: &change.DatashareUsageSpec{Datashare: w.p + "share", Accounts: []string{"12345678901"}}})
	record(change.Change{Kind: change.GrantDatashareUsage, DatashareUsage: &change.DatashareUsageSpec{Datashare: w.p + "share", Accounts: []string{"210987654321"}}})
	data := map[string]any{
		"summary":     sum,
		"users":       must(c.Users(w.sid)),
		"roles":       must(c.Roles(w.sid)),
		"groups":      must(c.Groups(w.sid)),
		"surface":     must(c.Surface(w.sid)),
		"assumeRoles": must(c.AssumeRoles(w.sid, loader)),
		"detail":      must(c.Principal(w.sid, loader)),
		"schemas":     must(c.Schemas(w.sid)),
		"effective":   must(c.Effective(w.sid, loader, "public")),
		"objects":     must(c.SchemaObjects(w.sid, "public")),
		"renders":     renders,
		"names":       map[string]string{"loader": w.loader, "share": w.p + "share", "prefix": w.p},
	}
	b, err := json.MarshalIndent(data, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
