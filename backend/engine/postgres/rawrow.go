package postgres

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// rawRow decodes int8, text and bool columns straight from the wire bytes of
// the current row, in text or binary format. The grants result has hundreds of
// thousands of rows; skipping pgx's generic scan plans there is measurable.
type rawRow struct {
	binary []bool
}

// newRawRow checks the result's column types against want (type OIDs).
func newRawRow(fds []pgconn.FieldDescription, want []uint32) (*rawRow, error) {
	if len(fds) != len(want) {
		return nil, fmt.Errorf("result has %d columns, want %d", len(fds), len(want))
	}
	r := &rawRow{binary: make([]bool, len(fds))}
	for i, fd := range fds {
		if fd.DataTypeOID != want[i] {
			return nil, fmt.Errorf("column %d (%s) has type oid %d, want %d", i+1, fd.Name, fd.DataTypeOID, want[i])
		}
		r.binary[i] = fd.Format == pgtype.BinaryFormatCode
	}
	return r, nil
}

func (r *rawRow) int8(vals [][]byte, i int) (int64, error) {
	v := vals[i]
	if v == nil {
		return 0, fmt.Errorf("column %d is NULL", i+1)
	}
	if r.binary[i] {
		if len(v) != 8 {
			return 0, fmt.Errorf("column %d: %d bytes for int8", i+1, len(v))
		}
		return int64(binary.BigEndian.Uint64(v)), nil
	}
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	if len(v) == 0 || len(v) > 19 {
		return 0, fmt.Errorf("column %d: bad int8 %q", i+1, vals[i])
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("column %d: bad int8 %q", i+1, vals[i])
		}
		if n > (math.MaxInt64-int64(c-'0'))/10 {
			return 0, fmt.Errorf("column %d: int8 out of range %q", i+1, vals[i])
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

func (r *rawRow) bool(vals [][]byte, i int) (bool, error) {
	v := vals[i]
	if len(v) != 1 {
		return false, fmt.Errorf("column %d: bad bool %q", i+1, v)
	}
	if r.binary[i] {
		return v[0] == 1, nil
	}
	return v[0] == 't', nil
}

// text returns the raw bytes (valid until the next row); nil means NULL.
// Text is sent as UTF-8 bytes in both formats.
func (r *rawRow) text(vals [][]byte, i int) []byte { return vals[i] }
