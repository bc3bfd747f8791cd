package sqltext

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
)

func TestRedshiftMD5(t *testing.T) {
	// The documented example: md5('ez' || 'user1').
	if got := RedshiftMD5("ez", "user1"); got != "md5153c434b4b77c89e6b94f12c5393af5b" {
		t.Fatalf("RedshiftMD5 = %s", got)
	}
	// The salt is the stored name: its case matters.
	if RedshiftMD5("ez", "User1") == RedshiftMD5("ez", "user1") {
		t.Fatal("user name case ignored")
	}
	if !IsMD5Hash(RedshiftMD5("Abcdefg1", "日本")) {
		t.Fatal("result is not recognised as an md5 hash")
	}
}

func TestIsMD5Hash(t *testing.T) {
	for s, want := range map[string]bool{
		"md5153c434b4b77c89e6b94f12c5393af5b":  true,
		"md5A1234567890123456780123456789012":  true, // the doc's IAM-only superuser example
		"md5153c434b4b77c89e6b94f12c5393af5":   false,
		"md5153c434b4b77c89e6b94f12c5393af5bb": false,
		"MD5153c434b4b77c89e6b94f12c5393af5b":  false,
		"md5153c434b4b77c89e6b94f12c5393af5g":  false,
		"sha256|Mypassword1":                   false,
		"":                                     false,
	} {
		if IsMD5Hash(s) != want {
			t.Errorf("IsMD5Hash(%q) = %v", s, !want)
		}
	}
}

func TestValidateRedshiftPassword(t *testing.T) {
	ok := []string{
		"Abcdefg1",
		"Ez1" + strings.Repeat("x", 61), // 64
		"!#$%&()*+,-.:;<=>?[]^_`{|}~Aa1",
		"Mypassword1",
	}
	for _, pw := range ok {
		if err := ValidateRedshiftPassword(pw); err != nil {
			t.Errorf("%q rejected: %v", pw, err)
		}
	}
	bad := []struct{ pw, code, msg string }{
		{"", CodeWeakPassword, "is empty"},
		{"Abc1", CodeWeakPassword, "has 4 characters; Redshift requires at least 8"},
		{"Abcdef1", CodeWeakPassword, "has 7 characters"},
		{"Ab1" + strings.Repeat("x", 62), CodeWeakPassword, "has 65 characters; Redshift allows at most 64"},
		{"abcdefg1", CodeWeakPassword, "upper-case letter"},
		{"ABCDEFG1", CodeWeakPassword, "lower-case letter"},
		{"Abcdefgh", CodeWeakPassword, "digit"},
		{"Abc def12", CodeInvalidPassword, "contains a space"},
		{"Abc'def12", CodeInvalidPassword, "single quote"},
		{`Abc"def12`, CodeInvalidPassword, "double quote"},
		{`Abc\def12`, CodeInvalidPassword, "backslash"},
		{"Abc/def12", CodeInvalidPassword, "slash"},
		{"@AbC4321!", CodeInvalidPassword, "at sign"},
		{"Abcdéfg12", CodeInvalidPassword, "outside printable ASCII"},
		{"Abcdefg1\t", CodeInvalidPassword, "outside printable ASCII"},
		{"Abcdefg1\x7f", CodeInvalidPassword, "outside printable ASCII"},
		{"Abcdefg1\x00", CodeInvalidPassword, "NUL"},
		{"Abcdefg1\xff", CodeInvalidPassword, "outside printable ASCII"},
	}
	for _, b := range bad {
		err := ValidateRedshiftPassword(b.pw)
		if err == nil {
			t.Errorf("%q accepted", b.pw)
			continue
		}
		wantErr(t, err, b.code, b.msg)
		if len(b.pw) >= 4 && strings.Contains(err.Error(), b.pw) {
			t.Errorf("message %q repeats the password", err)
		}
	}
}

func TestValidatePostgresPassword(t *testing.T) {
	ok := []string{
		"abcdefgh",
		"with space and 'quotes' \"and\" \\ / @",
		"Pässwörd€1", // precomposed: NFKC-stable
		"密码密码密码密码",   // 8 characters, 24 bytes
		"emoji😀🎉secret",
		"tab\tand\x01ascii", // ASCII passes SASLprep unchanged
	}
	for _, pw := range ok {
		if err := ValidatePostgresPassword(pw); err != nil {
			t.Errorf("%q rejected: %v", pw, err)
		}
	}
	bad := []struct{ pw, code, msg string }{
		{"", CodeWeakPassword, "is empty"},
		{"short", CodeWeakPassword, "has 5 characters; at least 8"},
		{"密码密码", CodeWeakPassword, "has 4 characters"},
		{"abcdefgh\x00", CodeInvalidPassword, "NUL"},
		{"abcdefgh\xff", CodeInvalidPassword, "not valid UTF-8"},
		{"soft\u00adhyphen!", CodeInvalidPassword, "invisible character U+00AD"},
		{"heart❤\ufe0fpassword", CodeInvalidPassword, "U+FE0F"},
		{"nbsp\u00a0password", CodeInvalidPassword, "non-ASCII space U+00A0"},
		{"ideo\u3000password", CodeInvalidPassword, "U+3000"},
		{"ﬁnancial-pw", CodeInvalidPassword, "ligatures"},
		{"Ｆｕｌｌｗｉｄｔｈ", CodeInvalidPassword, "full-width"},
		{"Pa\u0308sswort1", CodeInvalidPassword, "decomposed"},
	}
	for _, b := range bad {
		err := ValidatePostgresPassword(b.pw)
		if err == nil {
			t.Errorf("%q accepted", b.pw)
			continue
		}
		wantErr(t, err, b.code, b.msg)
	}
}

var verifierRE = regexp.MustCompile(`^SCRAM-SHA-256\$4096:([A-Za-z0-9+/=]{24})\$([A-Za-z0-9+/=]{44}):([A-Za-z0-9+/=]{44})$`)

func TestPostgresSCRAMShape(t *testing.T) {
	a, err := PostgresSCRAM("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PostgresSCRAM("correct horse")
	if !verifierRE.MatchString(a) {
		t.Fatalf("verifier %q has the wrong shape", a)
	}
	if a == b {
		t.Fatal("two verifiers share a salt")
	}
	if strings.Contains(a, "correct") {
		t.Fatal("verifier holds the password")
	}
	if _, err := PostgresSCRAM(""); err == nil {
		t.Fatal("empty password hashed")
	}
	if _, err := PostgresSCRAM("ﬁnancial-pw"); err == nil {
		t.Fatal("SASLprep-unstable password hashed")
	}
}

// TestSCRAMAgainstRFC7677 checks StoredKey and ServerKey against the
// exchange in RFC 7677 §3 (user "user", password "pencil"): the server
// signature must match, and the client key recovered from the client proof
// must hash to StoredKey.
func TestSCRAMAgainstRFC7677(t *testing.T) {
	salt, _ := base64.StdEncoding.DecodeString("W22ZaJ0SNY7soEsUEjb6gQ==")
	v, err := scramVerifier("pencil", salt, 4096)
	if err != nil {
		t.Fatal(err)
	}
	m := verifierRE.FindStringSubmatch(v)
	if m == nil || m[1] != "W22ZaJ0SNY7soEsUEjb6gQ==" {
		t.Fatalf("verifier %q", v)
	}
	storedKey, _ := base64.StdEncoding.DecodeString(m[2])
	serverKey, _ := base64.StdEncoding.DecodeString(m[3])

	const authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO," +
		"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096," +
		"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
	serverSig := hmacSHA256(serverKey, authMessage)
	if got := base64.StdEncoding.EncodeToString(serverSig); got != "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=" {
		t.Fatalf("server signature = %s", got)
	}
	proof, _ := base64.StdEncoding.DecodeString("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
	clientSig := hmacSHA256(storedKey, authMessage)
	clientKey := make([]byte, len(proof))
	for i := range proof {
		clientKey[i] = proof[i] ^ clientSig[i]
	}
	if sum := sha256.Sum256(clientKey); !bytes.Equal(sum[:], storedKey) {
		t.Fatal("StoredKey does not verify the RFC 7677 client proof")
	}
}
