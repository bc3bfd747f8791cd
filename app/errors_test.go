package app

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

func TestFormatError(t *testing.T) {
	got := FormatError(&apperr.Error{Code: "auth_failed", Message: "m", Detail: "d", Hint: "h", Err: errors.New("cause")})
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"code":"auth_failed","detail":"d","hint":"h","message":"m"}` {
		t.Errorf("FormatError JSON %s", b)
	}
	wrapped := FormatError(errors.Join(errors.New("context"), apperr.Invalid("bad port")))
	if m := wrapped.(map[string]string); m["code"] != "invalid_input" || m["message"] != "bad port" {
		t.Errorf("wrapped apperr %v", m)
	}
	plain := FormatError(errors.New("boom")).(map[string]string)
	if plain["code"] != "internal" || plain["message"] != "boom" || len(plain) != 4 {
		t.Errorf("plain error %v", plain)
	}
}

func TestBoundMethodsRecoverPanics(t *testing.T) {
	broken := &ProfilesService{} // no app: every call dereferences nil
	_, err := broken.List()
	e := wantCode(t, err, "internal")
	if e.Detail == "" || e.Hint == "" {
		t.Errorf("panic error %+v", e)
	}
	if _, err := (&SessionsService{}).Connect(ConnectRequest{ProfileID: "x"}); err == nil {
		t.Error("Connect on a broken service returned no error")
	}
}
