package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The frontend's API types are the generated bindings (frontend/src/api
// aliases frontend/src/wailsjs/go/models.ts). Wails generates a Go named string
// type such as model.PrincipalKind as a bare `string`, and time.Time as `any`,
// so the DTOs narrow them with ts_type tags. These tests keep the tags honest:
// a tag lists exactly the Go constants of its field's type, so adding a
// constant without updating the tag fails here, and a regenerated binding that
// loses a value fails the TypeScript build where the UI uses it.

const modulePath = "github.com/redshiftmate/rsmate/"

// boundDTOFields walks every struct reachable from the bound methods'
// parameters and results and calls visit for each exported JSON field.
func boundDTOFields(t *testing.T, visit func(owner reflect.Type, f reflect.StructField)) {
	t.Helper()
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array || ty.Kind() == reflect.Map {
			if ty.Kind() == reflect.Map {
				walk(ty.Key())
			}
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty == reflect.TypeFor[time.Time]() {
			return
		}
		seen[ty] = true
		for _, f := range reflect.VisibleFields(ty) {
			if !f.IsExported() || f.Anonymous || f.Tag.Get("json") == "-" {
				continue
			}
			visit(ty, f)
			walk(f.Type)
		}
	}
	for _, svc := range (&App{}).Bindings() {
		st := reflect.TypeOf(svc)
		for i := range st.NumMethod() {
			m := st.Method(i).Type
			for j := 1; j < m.NumIn(); j++ { // 0 is the receiver
				walk(m.In(j))
			}
			for j := range m.NumOut() {
				walk(m.Out(j))
			}
		}
	}
	if len(seen) < 20 {
		t.Fatalf("walked only %d DTO structs from the bound services; the walk is broken", len(seen))
	}
}

// stringConstants returns the values of the constants declared with type ty
// in its package's source, in declaration order.
func stringConstants(t *testing.T, ty reflect.Type) []string {
	t.Helper()
	rel, ok := strings.CutPrefix(ty.PkgPath(), modulePath)
	if !ok {
		t.Fatalf("%s is declared outside this module; cannot read its constants", ty)
	}
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", filepath.FromSlash(rel), "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != ty.Name() {
					continue
				}
				for _, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Fatalf("%s: a %s constant is not a string literal", path, ty.Name())
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					values = append(values, s)
				}
			}
		}
	}
	return values
}

// tsUnion is the ts_type a field of a string enum type must carry.
func tsUnion(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "'" + v + "'"
	}
	return strings.Join(quoted, " | ")
}

func TestBoundEnumFieldsCarryATsTypeListingEveryConstantOfTheirType(t *testing.T) {
	checked := 0
	boundDTOFields(t, func(owner reflect.Type, f reflect.StructField) {
		ty := f.Type
		array := ""
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			if ty.Kind() == reflect.Slice {
				array += "[]"
			}
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.String || ty.PkgPath() == "" {
			return
		}
		values := stringConstants(t, ty)
		if len(values) == 0 {
			t.Errorf("%s.%s has type %s, which declares no constants: give it constants or make the field a plain string", owner, f.Name, ty)
			return
		}
		want := tsUnion(values)
		if array != "" {
			want = "(" + want + ")" + array
		}
		if got := f.Tag.Get("ts_type"); got != want {
			t.Errorf("%s.%s (%s): ts_type is %q; want `ts_type:\"%s\"` (the constants of %s)", owner, f.Name, ty, got, want, ty)
		}
		checked++
	})
	if checked == 0 {
		t.Fatal("no enum-typed field found in the bound DTOs; the walk is broken")
	}
}

func TestBoundDTOsHaveNoFieldGeneratedAsAny(t *testing.T) {
	boundDTOFields(t, func(owner reflect.Type, f reflect.StructField) {
		ty := f.Type
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		tag := f.Tag.Get("ts_type")
		switch {
		case ty == reflect.TypeFor[time.Time]():
			// encoding/json writes RFC 3339 text.
			if tag != "string" {
				t.Errorf("%s.%s is a time.Time: it needs `ts_type:\"string\"` (Wails generates any)", owner, f.Name)
			}
		case ty.Kind() == reflect.Interface:
			t.Errorf("%s.%s is an interface: Wails generates any for it; give it a concrete type", owner, f.Name)
		case tag != "" && (ty.Kind() != reflect.String || ty.PkgPath() == ""):
			t.Errorf("%s.%s has ts_type %q on a %s: ts_type is only for string enum types and time.Time, so the generated types stay what Go sends", owner, f.Name, tag, ty)
		}
	})
}
