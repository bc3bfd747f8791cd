package postgres

import (
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

func TestRawRow(t *testing.T) {
	fds := []pgconn.FieldDescription{
		{Name: "a", DataTypeOID: pgtype.Int8OID, Format: pgtype.TextFormatCode},
		{Name: "b", DataTypeOID: pgtype.Int8OID, Format: pgtype.BinaryFormatCode},
		{Name: "c", DataTypeOID: pgtype.BoolOID, Format: pgtype.TextFormatCode},
		{Name: "d", DataTypeOID: pgtype.BoolOID, Format: pgtype.BinaryFormatCode},
	}
	r, err := newRawRow(fds, []uint32{pgtype.Int8OID, pgtype.Int8OID, pgtype.BoolOID, pgtype.BoolOID})
	if err != nil {
		t.Fatal(err)
	}
	vals := [][]byte{[]byte("-4294967296"), {0, 0, 0, 1, 0, 0, 0, 2}, []byte("t"), {0}}
	a, err1 := r.int8(vals, 0)
	b, err2 := r.int8(vals, 1)
	c, err3 := r.bool(vals, 2)
	d, err4 := r.bool(vals, 3)
	if a != -4294967296 || b != 1<<32+2 || !c || d || err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		t.Fatalf("decoded %d %d %v %v (%v %v %v %v)", a, b, c, d, err1, err2, err3, err4)
	}
	for _, bad := range [][][]byte{
		{[]byte("12x"), nil, nil, nil},
		{[]byte(""), nil, nil, nil},
		{[]byte("-"), nil, nil, nil},
		{nil, nil, nil, nil},
		{[]byte("12345678901234567890"), nil, nil, nil},
		{[]byte("9999999999999999999"), nil, nil, nil},
	} {
		if _, err := r.int8(bad, 0); err == nil {
			t.Errorf("int8(%q) accepted", bad[0])
		}
	}
	if _, err := r.int8([][]byte{nil, {1, 2, 3}}, 1); err == nil {
		t.Error("short binary int8 accepted")
	}
	if _, err := r.bool([][]byte{nil, nil, nil}, 2); err == nil {
		t.Error("NULL bool accepted")
	}
	if _, err := newRawRow(fds, []uint32{pgtype.Int8OID, pgtype.TextOID, pgtype.BoolOID, pgtype.BoolOID}); err == nil {
		t.Error("type mismatch accepted")
	}
	if _, err := newRawRow(fds[:2], []uint32{pgtype.Int8OID}); err == nil {
		t.Error("column count mismatch accepted")
	}
}
