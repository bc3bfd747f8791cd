package app

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

func TestSessionsTestConnectDisconnect(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)

	// Test before saving, with a typed password and defaults left empty.
	draft := srv.profile("Local PG")
	draft.ConnectTimeoutSec, draft.SSLMode = 0, ""
	draft.Host = "127.0.0.1"
	info, err := a.Sessions.Test(TestRequest{Profile: draft, Password: srv.Password})
	if err != nil {
		t.Fatal(err)
	}
	if info.Engine != session.Postgres || !strings.HasPrefix(info.Version, "PostgreSQL ") || info.User != srv.User || info.Database != srv.Database {
		t.Errorf("Test info %+v", info)
	}
	_, err = a.Sessions.Test(TestRequest{Profile: draft, Password: "wrong-" + srv.Password})
	wantCode(t, err, "auth_failed")
	bad := draft
	bad.Port = 70000
	_, err = a.Sessions.Test(TestRequest{Profile: bad, Password: srv.Password})
	wantCode(t, err, "invalid_input")

	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("Local PG"), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	// Test of the saved profile with the keychain's password.
	if _, err := a.Sessions.Test(TestRequest{Profile: v.Profile, UseStoredPassword: true}); err != nil {
		t.Errorf("Test with stored password: %v", err)
	}

	s1, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, AttemptID: "a1"})
	if err != nil {
		t.Fatal(err)
	}
	s2, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	if s1.ID == s2.ID || s1.ProfileID != v.ID || s1.ProfileName != "Local PG" || s1.Server.Engine != session.Postgres ||
		s1.Server.Database != srv.Database || s1.Server.User != srv.User {
		t.Errorf("sessions %+v / %+v", s1, s2)
	}
	list, err := a.Sessions.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if err := a.Sessions.Disconnect(s1.ID); err != nil {
		t.Fatal(err)
	}
	list, _ = a.Sessions.List()
	if len(list) != 1 || list[0].ID != s2.ID {
		t.Errorf("after disconnect %+v", list)
	}
	if _, err := a.sessions.Get(s1.ID); err == nil {
		t.Error("disconnected session still open")
	}

	var opened, closed int
	for _, ev := range a.fake.Events() {
		switch ev.Name {
		case "session:opened":
			opened++
			if si, ok := ev.Data.(SessionInfo); !ok || si.ProfileID != v.ID {
				t.Errorf("opened event data %#v", ev.Data)
			}
		case "session:closed":
			closed++
			if ev.Data != s1.ID {
				t.Errorf("closed event data %#v", ev.Data)
			}
		}
	}
	if opened != 2 || closed != 1 {
		t.Errorf("events: %d opened, %d closed", opened, closed)
	}
	if a.Sessions.attempts.running("a1") != 0 {
		t.Error("finished attempt still registered")
	}
}

func TestSessionsPasswordRequired(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("No password")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	e := wantCode(t, err, "password_required")
	if !strings.Contains(e.Message, "No password") || e.Hint == "" {
		t.Errorf("password_required %+v", e)
	}
	_, err = a.Sessions.Test(TestRequest{Profile: v.Profile, UseStoredPassword: true})
	wantCode(t, err, "password_required")

	// The password typed at connect time works and is not stored.
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, Password: srv.Password})
	if err != nil {
		t.Fatal(err)
	}
	if a.secrets.has(v.ID) {
		t.Error("a typed password was stored")
	}
	_ = a.Sessions.Disconnect(si.ID)

	// Without a keychain at all the answer is the same code.
	a.secrets.unavl = profile.ErrKeychainUnavailable
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "password_required")

	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: "nope", Password: "x"})
	wantCode(t, err, "not_found")
}

func TestSessionsCancelAttempt(t *testing.T) {
	a := newTestApp(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // accept and never answer
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	p := profile.Profile{Name: "Silent", Engine: profile.EnginePostgres, Host: "127.0.0.1",
		Port: ln.Addr().(*net.TCPAddr).Port, Database: "d", User: "u", SSLMode: "disable", ConnectTimeoutSec: 60}
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: "pw", SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, AttemptID: "slow"})
		done <- err
	}()
	eventually(t, "the attempt to register", func() bool {
		return a.Sessions.attempts.running("slow") != 0
	})
	if err := a.Sessions.Cancel("slow"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		wantCode(t, err, "canceled")
	case <-time.After(10 * time.Second):
		t.Fatal("Connect did not return after Cancel")
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("cancel took %v", took)
	}
	if list, _ := a.Sessions.List(); len(list) != 0 {
		t.Errorf("a cancelled connect left sessions %+v", list)
	}
	// Cancelling an unknown or finished attempt is harmless.
	if err := a.Sessions.Cancel("slow"); err != nil {
		t.Error(err)
	}

	// Test (unsaved form) is cancellable the same way.
	go func() {
		_, err := a.Sessions.Test(TestRequest{Profile: v.Profile, Password: "pw", AttemptID: "slow-test"})
		done <- err
	}()
	eventually(t, "the test attempt to register", func() bool {
		return a.Sessions.attempts.running("slow-test") != 0
	})
	_ = a.Sessions.Cancel("slow-test")
	select {
	case err := <-done:
		wantCode(t, err, "canceled")
	case <-time.After(10 * time.Second):
		t.Fatal("Test did not return after Cancel")
	}
}
