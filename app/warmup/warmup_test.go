package warmup

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// sec encodes one section.
func sec(id byte, body ...byte) []byte {
	return append(append([]byte{id}, binary.AppendUvarint(nil, uint64(len(body)))...), body...)
}

// str encodes a name.
func str(s string) []byte { return append(binary.AppendUvarint(nil, uint64(len(s))), s...) }

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// functionNames is the body of goLike's "name" subsection 1.
var functionNames = cat([]byte{3}, []byte{0}, str("runtime.ticks"), []byte{1}, str("main.main"), []byte{2}, str("runtime.main"))

// goLike returns a module shaped as Go builds one: a custom section, a
// type, a function import, functions in a table, a memory, Go's stack
// pointer (a mutable i32) and other globals, exports run and mem, and
// function names. Each argument replaces the section of its id (11 for
// the names, a custom section that goLike writes last).
func goLike(replace ...[]byte) []byte {
	sections := map[byte][]byte{
		0:             sec(0, cat(str("go:buildid"), []byte("x"))...),
		1:             sec(1, 1, 0x60, 1, 0x7f, 1, 0x7f), // (i32) -> i32
		importSection: sec(importSection, cat([]byte{1}, str("gojs"), str("runtime.ticks"), []byte{0, 0})...),
		3:             sec(3, 2, 0, 0),
		tableSection:  sec(tableSection, 1, 0x70, 0, 6),
		5:             sec(5, 1, 0, 1),
		globalSection: sec(globalSection, 2, 0x7f, 1, 0x41, 0, 0x0b, 0x7e, 1, 0x42, 0, 0x0b),
		exportSection: sec(exportSection, cat([]byte{2}, str("run"), []byte{0, 1}, str("mem"), []byte{2, 0})...),
		elemSection:   sec(elemSection, 1, 0, 0x41, 4, 0x0b, 2, 1, 2), // functions 1 and 2 at 4 and 5
		10:            sec(10, 2, 4, 0, 0x41, 0, 0x0b, 4, 0, 0x41, 1, 0x0b),
		11:            sec(0, cat(str("name"), []byte{1}, []byte{byte(len(functionNames))}, functionNames)...),
	}
	for _, r := range replace {
		sections[r[0]] = r
	}
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, id := range []byte{0, 1, importSection, 3, tableSection, 5, globalSection, exportSection, elemSection, 10, 11} {
		out = append(out, sections[id]...)
	}
	return out
}

// exportsOf reads back a module's exports as "name kind index" (kind 0
// is a function, 1 a table, 2 a memory, 3 a global).
func exportsOf(t *testing.T, module []byte) []string {
	t.Helper()
	sections, err := readSections(module)
	if err != nil {
		t.Fatalf("the output does not read as a module: %v", err)
	}
	var got []string
	for _, s := range sections {
		if s.id != exportSection {
			continue
		}
		r := reader{b: s.body}
		n, err := r.u32()
		if err != nil {
			t.Fatal(err)
		}
		for range n {
			name, err := r.name()
			if err != nil {
				t.Fatal(err)
			}
			kind, _ := r.byte()
			index, err := r.u32()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s %d %d", name, kind, index))
		}
		if r.at != len(s.body) {
			t.Errorf("%d bytes left after the exports", len(s.body)-r.at)
		}
	}
	return got
}

// orderOf reads back a module's warm-up order: how many functions lead,
// and the table indices; and whether the module still has names.
func orderOf(t *testing.T, module []byte) (first uint32, order []uint32, named bool) {
	t.Helper()
	sections, err := readSections(module)
	if err != nil {
		t.Fatalf("the output does not read as a module: %v", err)
	}
	found := 0
	for _, s := range sections {
		switch s.custom {
		case "name":
			named = true
		case OrderSection:
			found++
			if len(s.customBody)%4 != 0 || len(s.customBody) < 4 {
				t.Fatalf("the order section holds %d bytes, not uint32s", len(s.customBody))
			}
			first = binary.LittleEndian.Uint32(s.customBody)
			for i := 4; i < len(s.customBody); i += 4 {
				order = append(order, binary.LittleEndian.Uint32(s.customBody[i:]))
			}
		}
	}
	if found != 1 {
		t.Fatalf("%d order sections, want 1", found)
	}
	return first, order, named
}

// without returns module without the sections keep refuses.
func without(module []byte, drop func(section) bool) []byte {
	sections, _ := readSections(module)
	out := append([]byte(nil), module[:8]...)
	for _, s := range sections {
		if !drop(s) {
			out = append(out, s.raw...)
		}
	}
	return out
}

func TestPrepareAddsTheTableAndTheStackPointer(t *testing.T) {
	in := goLike()
	out, report, err := Prepare(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"run 0 1", "mem 2 0", TableExport + " 1 0", StackPointerExport + " 3 0"}
	if got := exportsOf(t, out); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("exports %q, want %q", got, want)
	}
	if report != (Report{Functions: 2, Named: true}) {
		t.Errorf("report %+v, want 2 functions, named", report)
	}
	// Every other section is as it was, in the same order, but the names.
	before, _ := readSections(without(in, func(s section) bool { return s.custom == "name" }))
	after, _ := readSections(out)
	if len(after) != len(before)+1 {
		t.Fatalf("%d sections, want %d (the names gone, the order added)", len(after), len(before)+1)
	}
	for i := range before {
		if before[i].id != after[i].id || (before[i].id != exportSection && !bytes.Equal(before[i].raw, after[i].raw)) {
			t.Errorf("section %d (id %d) changed", i, before[i].id)
		}
	}
	if !bytes.Equal(goLike(), in) {
		t.Error("Prepare changed its input")
	}
}

func TestPrepareOrdersTheWarmUp(t *testing.T) {
	for _, c := range []struct {
		name   string
		module []byte
		first  []string
		lead   uint32
		order  []uint32
		found  int
	}{
		{"table order without a list", goLike(), nil, 0, []uint32{4, 5}, 0},
		{"the list's functions first", goLike(), []string{"runtime.main", "gone.since", "main.main", "runtime.main", "runtime.ticks"}, 2, []uint32{5, 4}, 2},
		{"one listed", goLike(), []string{"runtime.main"}, 1, []uint32{5, 4}, 1},
		{"a module without names", without(goLike(), func(s section) bool { return s.custom == "name" }), []string{"runtime.main"}, 0, []uint32{4, 5}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, report, err := Prepare(c.module, c.first)
			if err != nil {
				t.Fatal(err)
			}
			lead, order, named := orderOf(t, out)
			if lead != c.lead || fmt.Sprint(order) != fmt.Sprint(c.order) {
				t.Errorf("order %d first of %v, want %d of %v", lead, order, c.lead, c.order)
			}
			if named {
				t.Error("the names are still there")
			}
			if report.Found != c.found || report.Listed != len(c.first) {
				t.Errorf("report %+v, want %d found of %d listed", report, c.found, len(c.first))
			}
			// Prepared again (a site written from a site's app.wasm): it refuses.
			if _, _, err := Prepare(out, c.first); err == nil || !strings.Contains(err.Error(), "twice") {
				t.Errorf("preparing twice: %v, want an error saying so", err)
			}
		})
	}
}

func TestPrepareRefusesModulesItDoesNotKnow(t *testing.T) {
	for _, c := range []struct {
		name, module, want string
	}{
		{"not WebAssembly", "%PDF-1.7 and more", `does not start as a WebAssembly module`},
		{"version 2", "\x00asm\x02\x00\x00\x00", `version [2 0 0 0], not 1`},
		{"section longer than the file", string(goLike()[:len(goLike())-3]), `claims`},
		{"no table", string(goLike(sec(tableSection, 0))), `no table of functions`},
		{"a table of references", string(goLike(sec(tableSection, 1, 0x6f, 0, 6))), `no table of functions`},
		{"first global immutable", string(goLike(sec(globalSection, 1, 0x7f, 0, 0x41, 0, 0x0b))), `not a mutable i32`},
		{"first global i64", string(goLike(sec(globalSection, 1, 0x7e, 1, 0x42, 0, 0x0b))), `not a mutable i32`},
		{"imports a global", string(goLike(sec(importSection, cat([]byte{1}, str("env"), str("sp"), []byte{kindGlobal, 0x7f, 1})...))), `imports a table or a global`},
		{"exports cut short", string(goLike(sec(exportSection, cat([]byte{3}, str("run"), []byte{0, 1})...))), `ends in the middle`},
		{"prepared twice", string(goLike(sec(exportSection, cat([]byte{1}, str(TableExport), []byte{1, 0})...))), `already exports "glossa_table"`},
		{"a number of 6 bytes", string(goLike(sec(exportSection, 0x80, 0x80, 0x80, 0x80, 0x80, 0))), `longer than 32 bits`},
		{"no function in the table", string(goLike(sec(elemSection, 0))), `no function in its table`},
		{"a passive element segment", string(goLike(sec(elemSection, 1, 1, 0, 1, 1))), `kind 1`},
		{"an offset from a global", string(goLike(sec(elemSection, 1, 0, 0x23, 0, 0x0b, 1, 1))), `not an i32.const`},
		{"names cut short", string(goLike(sec(0, cat(str("name"), []byte{1, 9, 2, 0})...))), `ends in the middle`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, _, err := Prepare([]byte(c.module), []string{"main.main"})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if out != nil {
				t.Error("returned a module with its error")
			}
		})
	}
}

func TestPrepareTakesAnEmptyExportSection(t *testing.T) {
	out, _, err := Prepare(goLike(sec(exportSection, 0)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := exportsOf(t, out); len(got) != 2 {
		t.Errorf("exports %q, want the two of the warm-up", got)
	}
}

func TestPrepareNeedsAnExportSection(t *testing.T) {
	if _, _, err := Prepare(without(goLike(), func(s section) bool { return s.id == exportSection }), nil); err == nil || !strings.Contains(err.Error(), "no export section") {
		t.Fatalf("error %v, want one saying there is no export section", err)
	}
}

func TestStartupListsFunctions(t *testing.T) {
	for _, name := range Startup() {
		if strings.ContainsAny(name, " \t#") {
			t.Errorf("Startup has %q, not a function's name", name)
		}
	}
}

// FuzzPrepare feeds Prepare changed modules: it must return an error or a
// module that reads back with the two exports and an order of the table's
// functions, never panic.
func FuzzPrepare(f *testing.F) {
	f.Add(goLike())
	f.Add(goLike(sec(exportSection, 0)))
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, module []byte) {
		out, report, err := Prepare(module, []string{"runtime.main", "main.main"})
		if err != nil {
			return
		}
		got := exportsOf(t, out)
		if len(got) < 2 || !strings.HasPrefix(got[len(got)-2], TableExport+" ") || !strings.HasPrefix(got[len(got)-1], StackPointerExport+" ") {
			t.Fatalf("exports %q end without the warm-up's two", got)
		}
		lead, order, _ := orderOf(t, out)
		if int(lead) != report.Found || int(lead) > len(order) || len(order) > report.Functions {
			t.Fatalf("order %d first of %d, report %+v", lead, len(order), report)
		}
	})
}

func TestFunctionNames(t *testing.T) {
	names, err := FunctionNames(goLike())
	if err != nil {
		t.Fatal(err)
	}
	if want := map[uint32]string{0: "runtime.ticks", 1: "main.main", 2: "runtime.main"}; fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("names %v, want %v", names, want)
	}
	if _, err := FunctionNames(without(goLike(), func(s section) bool { return s.custom == "name" })); err == nil || !strings.Contains(err.Error(), "without -s") {
		t.Errorf("a module without names: %v, want an error saying how to build it", err)
	}
}
