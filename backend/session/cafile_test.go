//go:build unix

package session

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// testPKI is a CA and a server certificate it signed for localhost/127.0.0.1.
type testPKI struct {
	caPEM  []byte
	server tls.Certificate
}

func newTestPKI(t *testing.T) testPKI {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "rsmate test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	return testPKI{
		caPEM:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		server: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key},
	}
}

// tlsServer accepts TLS on 127.0.0.1 with the given certificate and completes
// handshakes; it is enough to see whether a client config trusts the server.
func tlsServer(t *testing.T, cert tls.Certificate) string {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				_ = c.(*tls.Conn).Handshake()
				c.Close()
			}()
		}
	}()
	return ln.Addr().String()
}

// handshake dials addr with the TLS config the app builds for cfg.
func handshake(t *testing.T, addr string, cfg Config) error {
	t.Helper()
	tc, err := tlsConfig(cfg)
	if err != nil {
		return err
	}
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, tc)
	if err == nil {
		conn.Close()
	}
	return err
}

// verify-full without a CA file verifies against the system roots: a server
// signed by a CA the system does not trust is refused, and the same server is
// accepted once the system roots include that CA (SSL_CERT_FILE, in a child
// process because Go loads the system roots once).
func TestVerifyFullWithoutCAFileUsesSystemRoots(t *testing.T) {
	if os.Getenv("RSMATE_SYSTEM_ROOTS_CHILD") == "1" {
		err := handshake(t, os.Getenv("RSMATE_TLS_ADDR"), Config{Host: "localhost", SSLMode: "verify-full"})
		if err != nil {
			t.Fatalf("verify-full with the CA among the system roots: %v", err)
		}
		return
	}
	pki := newTestPKI(t)
	addr := tlsServer(t, pki.server)

	err := handshake(t, addr, Config{Host: "localhost", SSLMode: "verify-full"})
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("verify-full against an untrusted CA: %v, want unknown authority", err)
	}
	// require without a CA file encrypts but does not verify: the same server passes.
	if err := handshake(t, addr, Config{Host: "localhost", SSLMode: "require"}); err != nil {
		t.Errorf("require: %v", err)
	}

	caFile := filepath.Join(t.TempDir(), "roots.pem")
	if err := os.WriteFile(caFile, pki.caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestVerifyFullWithoutCAFileUsesSystemRoots$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RSMATE_SYSTEM_ROOTS_CHILD=1", "RSMATE_TLS_ADDR="+addr,
		"SSL_CERT_FILE="+caFile, "SSL_CERT_DIR="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child with the CA as system root: %v\n%s", err, out)
	}
}

// With a CA file, verify-full checks the chain and the host name.
func TestVerifyFullWithCAFileChecksHostName(t *testing.T) {
	pki := newTestPKI(t)
	addr := tlsServer(t, pki.server)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pki.caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := handshake(t, addr, Config{Host: "localhost", SSLMode: "verify-full", CAFile: caFile}); err != nil {
		t.Fatalf("trusted CA and matching name: %v", err)
	}
	err := handshake(t, addr, Config{Host: "db.example.com", SSLMode: "verify-full", CAFile: caFile})
	var host x509.HostnameError
	if !errors.As(err, &host) {
		t.Errorf("wrong host name: %v, want a host name error", err)
	}
	// verify-ca accepts the name mismatch, as libpq does.
	if err := handshake(t, addr, Config{Host: "db.example.com", SSLMode: "verify-ca", CAFile: caFile}); err != nil {
		t.Errorf("verify-ca: %v", err)
	}
}

// A CA file that is not a regular file is refused before any read and before
// the network: /dev/zero would be read until memory runs out, a FIFO would
// block the open forever. Each case must fail fast with code ca_file.
func TestCAFileMustBeASmallRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "ca.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zeroLink := filepath.Join(dir, "zero.pem")
	if err := os.Symlink("/dev/zero", zeroLink); err != nil {
		t.Fatal(err)
	}
	fifoLink := filepath.Join(dir, "fifo.pem")
	if err := os.Symlink(fifo, fifoLink); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.pem")
	if err := os.WriteFile(big, make([]byte, caFileMaxBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{
		{"/dev/zero", "the CA file is a device"},
		{zeroLink, "the CA file is a device"},
		{fifo, "the CA file is a named pipe (FIFO)"},
		{fifoLink, "the CA file is a named pipe (FIFO)"},
		{dir, "the CA file is a directory"},
		{big, "the CA file is 1048577 bytes; a certificate bundle is at most 1048576"},
		{filepath.Join(dir, "missing.pem"), "cannot read the CA file"},
	}
	port := silentServer(t)
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			cfg := silentConfig(port)
			cfg.SSLMode, cfg.CAFile, cfg.ConnectTimeout = "verify-full", c.path, 30*time.Second
			start := time.Now()
			done := make(chan error, 1)
			go func() { _, err := Probe(context.Background(), cfg); done <- err }()
			select {
			case err := <-done:
				e := wantCode(t, err, "ca_file")
				if !strings.HasPrefix(e.Message, c.want) || !strings.Contains(e.Detail, c.path) {
					t.Errorf("got %q (%s), want %q", e.Message, e.Detail, c.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Probe hung on the CA file")
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v: the CA file was not refused before the network", took)
			}
		})
	}
}

// A link to a real PEM bundle is fine (system bundles are often links).
func TestCAFileLinkToARegularFileIsRead(t *testing.T) {
	pki := newTestPKI(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.pem")
	if err := os.WriteFile(real, pki.caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pem")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	pool, err := caPool(link)
	if err != nil || pool == nil {
		t.Fatalf("caPool(link to PEM) = %v, %v", pool, err)
	}
}
