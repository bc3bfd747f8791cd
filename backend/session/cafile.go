package session

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// A CA bundle is a few hundred kilobytes at most (the Amazon Redshift bundle
// is about 8 KB); the limits keep a profile (possibly imported) that names
// /dev/zero, a FIFO or a huge file from exhausting memory or hanging a connect.
const (
	caFileMaxBytes = 1 << 20
	caReadTimeout  = 5 * time.Second
)

// caPool returns the profile's CA bundle, or the system roots when none is set.
func caPool(file string) (*x509.CertPool, error) {
	if file == "" {
		return x509.SystemCertPool()
	}
	ctx, cancel := context.WithTimeout(context.Background(), caReadTimeout)
	defer cancel()
	pem, err := readCAFile(ctx, file)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, &apperr.Error{Code: "ca_file", Message: "the CA file holds no PEM certificate", Detail: file,
			Hint: "Use a PEM bundle, e.g. the Amazon Redshift CA bundle."}
	}
	return pool, nil
}

func caFileError(msg, file string, err error) error {
	return &apperr.Error{Code: "ca_file", Message: msg, Detail: file,
		Hint: "Pick the certificate bundle again in the profile's SSL settings.", Err: err}
}

// readCAFile reads a CA bundle that must be a regular file (a link to one is
// fine) of at most caFileMaxBytes. The open never blocks on a FIFO, devices
// and directories are refused before any read, and the read gives up when
// ctx ends (a stalled network file system).
func readCAFile(ctx context.Context, file string) ([]byte, error) {
	f, err := openCAFile(file)
	if err != nil {
		return nil, caFileError("cannot read the CA file", file+": "+err.Error(), err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, caFileError("cannot read the CA file", file+": "+err.Error(), err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		what := "not a regular file"
		switch {
		case fi.IsDir():
			what = "a directory"
		case fi.Mode()&os.ModeNamedPipe != 0:
			what = "a named pipe (FIFO)"
		case fi.Mode()&os.ModeDevice != 0:
			what = "a device"
		}
		return nil, caFileError("the CA file is "+what+", not a certificate file", file, nil)
	}
	if fi.Size() > caFileMaxBytes {
		f.Close()
		return nil, caFileError(fmt.Sprintf("the CA file is %d bytes; a certificate bundle is at most %d", fi.Size(), caFileMaxBytes), file, nil)
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, caFileMaxBytes+1))
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, caFileError("cannot read the CA file", file+": "+r.err.Error(), r.err)
		}
		if len(r.data) > caFileMaxBytes {
			return nil, caFileError(fmt.Sprintf("the CA file grew past %d bytes while being read", caFileMaxBytes), file, nil)
		}
		return r.data, nil
	case <-ctx.Done():
		// The reader goroutine ends (and closes the file) when the read returns.
		return nil, caFileError(fmt.Sprintf("reading the CA file did not finish within %s", caReadTimeout), file, ctx.Err())
	}
}
