package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/app/nativedialog"
)

// scriptedShow records what the desktop platform asks nativedialog for and
// answers from a list.
type scriptedShow struct {
	asked   []nativedialog.Request
	answers []nativedialog.Response
	err     error
}

func (s *scriptedShow) show(_ context.Context, req nativedialog.Request) (nativedialog.Response, error) {
	s.asked = append(s.asked, req)
	if s.err != nil {
		return nativedialog.Response{}, s.err
	}
	res := s.answers[0]
	s.answers = s.answers[1:]
	return res, nil
}

func TestFileDialogsStartInHomeThenInTheLastFolderUsed(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	picked := filepath.Join(t.TempDir(), "exports")
	if err := os.MkdirAll(picked, 0o700); err != nil {
		t.Fatal(err)
	}
	s := &scriptedShow{answers: []nativedialog.Response{{Path: filepath.Join(picked, "c.json")}, {Path: ""}}}
	p := &desktopPlatform{show: s.show}

	if path, err := p.OpenFile("Import connections", FileFilter{"JSON", []string{"json"}}); err != nil || path != filepath.Join(picked, "c.json") {
		t.Fatalf("OpenFile = %q, %v", path, err)
	}
	if path, err := p.SaveFile("Save SQL script", "changes.sql", FileFilter{"SQL scripts", []string{"sql"}}); err != nil || path != "" {
		t.Fatalf("cancelled SaveFile = %q, %v", path, err)
	}
	want := []nativedialog.Request{
		{Kind: nativedialog.KindOpen, Title: "Import connections", StartDir: home,
			Filters: []nativedialog.Filter{{Name: "JSON", Extensions: []string{"json"}}}},
		{Kind: nativedialog.KindSave, Title: "Save SQL script", StartDir: picked, StartFile: "changes.sql",
			Filters: []nativedialog.Filter{{Name: "SQL scripts", Extensions: []string{"sql"}}}},
	}
	if !reflect.DeepEqual(s.asked, want) {
		t.Fatalf("requests:\n got %+v\nwant %+v", s.asked, want)
	}
}

func TestFileDialogStartsInHomeWhenTheLastFolderIsGone(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	s := &scriptedShow{answers: []nativedialog.Response{{}}}
	p := &desktopPlatform{show: s.show, lastDir: filepath.Join(home, "deleted")}
	if _, err := p.OpenFile("Choose a CA certificate bundle"); err != nil {
		t.Fatal(err)
	}
	if s.asked[0].StartDir != home {
		t.Fatalf("start dir = %q, want %q", s.asked[0].StartDir, home)
	}
}

func TestFileDialogThatFailsIsAnErrorAndConfirmThatFailsIsNo(t *testing.T) {
	s := &scriptedShow{err: errors.New("the dialog process failed: signal: aborted")}
	p := &desktopPlatform{show: s.show}
	_, err := p.OpenFile("Import connections")
	wantCode(t, err, "dialog_failed")
	_, err = p.SaveFile("Export connections", "x.json")
	wantCode(t, err, "dialog_failed")
	yes, err := p.Confirm("Apply changes that remove access", "DROP USER x")
	wantCode(t, err, "dialog_failed")
	if yes {
		t.Fatal("a confirmation that could not be shown answered yes")
	}
}
