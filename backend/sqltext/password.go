package sqltext

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Password error codes: the rule is not met (length, character classes) or
// the password holds something the engine cannot take.
const (
	CodeWeakPassword    = "weak_password"
	CodeInvalidPassword = "invalid_password"
)

// Messages name the rule, never the password.
func pwErr(code, format string, args ...any) error {
	return &apperr.Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// RedshiftMD5 returns the md5 form Redshift (and PostgreSQL) accept in
// PASSWORD '…': "md5" + hex(md5(password + user)). user is the name as
// stored, i.e. as the catalog shows it after any case folding, because it is
// the salt: hashing with another spelling makes the password unusable.
func RedshiftMD5(password, storedUserName string) string {
	sum := md5.Sum([]byte(password + storedUserName))
	return "md5" + hex.EncodeToString(sum[:])
}

// IsMD5Hash reports whether s is already in the md5 form ("md5" + 32 hex
// digits), which the server takes as a hash rather than a clear password.
func IsMD5Hash(s string) bool {
	if len(s) != 35 || !strings.HasPrefix(s, "md5") {
		return false
	}
	for _, c := range []byte(s[3:]) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// redshiftForbidden lists the printable ASCII characters Redshift refuses in
// clear-text passwords, with the words used in messages.
var redshiftForbidden = map[rune]string{
	'\'': "a single quote (')",
	'"':  `a double quote (")`,
	'\\': `a backslash (\)`,
	'/':  "a slash (/)",
	'@':  "an at sign (@)",
}

// ValidateRedshiftPassword checks a clear-text password against Redshift's
// documented rules: 8 to 64 characters of printable ASCII (codes 33-126, so
// no space) except ' " \ / @, with at least one upper-case letter, one
// lower-case letter and one digit. The server skips these checks for hashed
// passwords, and this product always sends the md5 hash, so this is the only
// place they are enforced.
func ValidateRedshiftPassword(pw string) error {
	if pw == "" {
		return pwErr(CodeWeakPassword, "the password is empty")
	}
	for _, r := range pw {
		switch {
		case r == 0:
			return pwErr(CodeInvalidPassword, "the password contains a NUL character")
		case r == ' ':
			return pwErr(CodeInvalidPassword, "the password contains a space; Redshift allows printable ASCII characters without spaces")
		case r == utf8.RuneError || r < 33 || r > 126:
			return pwErr(CodeInvalidPassword, "the password contains a character outside printable ASCII (codes 33 to 126); Redshift allows no others")
		}
		if what, ok := redshiftForbidden[r]; ok {
			return pwErr(CodeInvalidPassword, "the password contains %s; Redshift forbids ' \" \\ / and @", what)
		}
	}
	// Only ASCII is left, so bytes are characters.
	if n := len(pw); n < 8 {
		return pwErr(CodeWeakPassword, "the password has %d characters; Redshift requires at least 8", n)
	} else if n > 64 {
		return pwErr(CodeWeakPassword, "the password has %d characters; Redshift allows at most 64", n)
	}
	var upper, lower, digit bool
	for _, c := range []byte(pw) {
		upper = upper || c >= 'A' && c <= 'Z'
		lower = lower || c >= 'a' && c <= 'z'
		digit = digit || c >= '0' && c <= '9'
	}
	switch {
	case !upper:
		return pwErr(CodeWeakPassword, "the password needs at least one upper-case letter (A-Z)")
	case !lower:
		return pwErr(CodeWeakPassword, "the password needs at least one lower-case letter (a-z)")
	case !digit:
		return pwErr(CodeWeakPassword, "the password needs at least one digit (0-9)")
	}
	return nil
}

// PostgresMinPasswordLength is this product's own floor: PostgreSQL itself
// accepts any non-empty password, but a user created through the product
// should not get a trivially guessable one.
const PostgresMinPasswordLength = 8

// ValidatePostgresPassword checks a clear-text password for PostgreSQL: at
// least PostgresMinPasswordLength characters, valid UTF-8, no NUL, and in the
// form every client hashes identically (see checkSCRAMInput).
func ValidatePostgresPassword(pw string) error {
	if pw == "" {
		return pwErr(CodeWeakPassword, "the password is empty")
	}
	if err := checkSCRAMInput(pw); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(pw); n < PostgresMinPasswordLength {
		return pwErr(CodeWeakPassword, "the password has %d characters; at least %d are required", n, PostgresMinPasswordLength)
	}
	return nil
}

// checkSCRAMInput refuses passwords whose bytes SASLprep would change.
// PostgreSQL and libpq hash SASLprep(password) (NFKC plus a few mappings;
// pure ASCII is used as-is), pgx hashes a PRECIS (NFC) form, and all of them
// fall back to the raw bytes when SASLprep fails. For a password SASLprep
// leaves unchanged they all agree with the raw bytes hashed here, so every
// client can log in; anything else is refused with a message, not hashed
// differently from what some client will send.
func checkSCRAMInput(pw string) error {
	if !utf8.ValidString(pw) {
		return pwErr(CodeInvalidPassword, "the password is not valid UTF-8")
	}
	if strings.IndexByte(pw, 0) >= 0 {
		return pwErr(CodeInvalidPassword, "the password contains a NUL character")
	}
	if isASCII(pw) {
		return nil // SASLprep passes ASCII through unchanged
	}
	for _, r := range pw {
		if saslMappedToNothing(r) {
			return pwErr(CodeInvalidPassword, "the password contains the invisible character %U, which clients drop before hashing; remove it", r)
		}
		if isSpaceLike(r) {
			return pwErr(CodeInvalidPassword, "the password contains the non-ASCII space %U, which clients turn into a plain space before hashing; type a plain space instead", r)
		}
	}
	if !norm.NFKC.IsNormalString(pw) {
		return pwErr(CodeInvalidPassword, "the password contains characters that clients rewrite before hashing (such as ligatures, full-width letters or decomposed accents); type them in their plain form")
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// saslMappedToNothing is RFC 3454 table B.1, which SASLprep removes.
func saslMappedToNothing(r rune) bool {
	switch r {
	case 0x00ad, 0x034f, 0x1806, 0x180b, 0x180c, 0x180d, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff:
		return true
	}
	return r >= 0xfe00 && r <= 0xfe0f
}

// SCRAM parameters PostgreSQL uses by default (scram_iterations, salt length).
const (
	scramIterations = 4096
	scramSaltLen    = 16
)

// PostgresSCRAM returns a SCRAM-SHA-256 verifier for PASSWORD '…', computed
// here so the clear password never reaches the server:
// "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>" (RFC 5802/7677, as
// PostgreSQL stores it in pg_authid), with a fresh 16-byte random salt.
func PostgresSCRAM(password string) (string, error) {
	if password == "" {
		return "", pwErr(CodeWeakPassword, "the password is empty")
	}
	if err := checkSCRAMInput(password); err != nil {
		return "", err
	}
	salt := make([]byte, scramSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", &apperr.Error{Code: "internal", Message: "could not generate a password salt", Err: err}
	}
	return scramVerifier(password, salt, scramIterations)
}

func scramVerifier(password string, salt []byte, iterations int) (string, error) {
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", &apperr.Error{Code: "internal", Message: "could not derive the password key", Err: err}
	}
	clientKey := hmacSHA256(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	serverKey := hmacSHA256(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return "SCRAM-SHA-256$" + strconv.Itoa(iterations) + ":" + b64(salt) + "$" + b64(storedKey[:]) + ":" + b64(serverKey), nil
}

func hmacSHA256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}
