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

// goLike returns a module shaped as Go builds one: a custom section, a
// type, a function import, functions in a table, a memory, Go's stack
// pointer (a mutable i32) and other globals, and exports run and mem.
// Each argument replaces the section of its id.
func goLike(replace ...[]byte) []byte {
	sections := map[byte][]byte{
		0:             sec(0, cat(str("go:buildid"), []byte("x"))...),
		1:             sec(1, 1, 0x60, 1, 0x7f, 1, 0x7f), // (i32) -> i32
		importSection: sec(importSection, cat([]byte{1}, str("gojs"), str("runtime.ticks"), []byte{0, 0})...),
		3:             sec(3, 2, 0, 0),
		tableSection:  sec(tableSection, 1, 0x70, 0, 2),
		5:             sec(5, 1, 0, 1),
		globalSection: sec(globalSection, 2, 0x7f, 1, 0x41, 0, 0x0b, 0x7e, 1, 0x42, 0, 0x0b),
		exportSection: sec(exportSection, cat([]byte{2}, str("run"), []byte{0, 1}, str("mem"), []byte{2, 0})...),
		10:            sec(10, 2, 4, 0, 0x41, 0, 0x0b, 4, 0, 0x41, 1, 0x0b),
	}
	for _, r := range replace {
		sections[r[0]] = r
	}
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, id := range []byte{0, 1, importSection, 3, tableSection, 5, globalSection, exportSection, 10} {
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

func TestExportAddsTheTableAndTheStackPointer(t *testing.T) {
	in := goLike()
	out, err := Export(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"run 0 1", "mem 2 0", TableExport + " 1 0", StackPointerExport + " 3 0"}
	if got := exportsOf(t, out); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("exports %q, want %q", got, want)
	}
	// Every other section is as it was, in the same order.
	before, _ := readSections(in)
	after, _ := readSections(out)
	if len(before) != len(after) {
		t.Fatalf("%d sections, want %d", len(after), len(before))
	}
	for i := range before {
		if before[i].id != after[i].id || (before[i].id != exportSection && !bytes.Equal(before[i].raw, after[i].raw)) {
			t.Errorf("section %d (id %d) changed", i, before[i].id)
		}
	}
	if !bytes.Equal(goLike(), in) {
		t.Error("Export changed its input")
	}
}

func TestExportRefusesModulesItDoesNotKnow(t *testing.T) {
	for _, c := range []struct {
		name, module, want string
	}{
		{"not WebAssembly", "%PDF-1.7 and more", `does not start as a WebAssembly module`},
		{"version 2", "\x00asm\x02\x00\x00\x00", `version [2 0 0 0], not 1`},
		{"section longer than the file", string(goLike()[:len(goLike())-3]), `claims 11 bytes, 8 are left`},
		{"no table", string(goLike(sec(tableSection, 0))), `no table of functions`},
		{"a table of references", string(goLike(sec(tableSection, 1, 0x6f, 0, 2))), `no table of functions`},
		{"first global immutable", string(goLike(sec(globalSection, 1, 0x7f, 0, 0x41, 0, 0x0b))), `not a mutable i32`},
		{"first global i64", string(goLike(sec(globalSection, 1, 0x7e, 1, 0x42, 0, 0x0b))), `not a mutable i32`},
		{"imports a global", string(goLike(sec(importSection, cat([]byte{1}, str("env"), str("sp"), []byte{kindGlobal, 0x7f, 1})...))), `imports a table or a global`},
		{"an empty export section", string(goLike(sec(exportSection, 0))), ``},
		{"exports cut short", string(goLike(sec(exportSection, cat([]byte{3}, str("run"), []byte{0, 1})...))), `ends in the middle`},
		{"prepared twice", string(goLike(sec(exportSection, cat([]byte{1}, str(TableExport), []byte{1, 0})...))), `already exports "glossa_table"`},
		{"a number of 6 bytes", string(goLike(sec(exportSection, 0x80, 0x80, 0x80, 0x80, 0x80, 0))), `longer than 32 bits`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := Export([]byte(c.module))
			if c.want == "" { // valid after all: an empty export section
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if got := exportsOf(t, out); len(got) != 2 {
					t.Errorf("exports %q, want the two of the warm-up", got)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if out != nil {
				t.Error("returned a module with its error")
			}
		})
	}
}

func TestExportNeedsAnExportSection(t *testing.T) {
	m := goLike()
	sections, _ := readSections(m)
	var without []byte
	without = append(without, m[:8]...)
	for _, s := range sections {
		if s.id != exportSection {
			without = append(without, s.raw...)
		}
	}
	if _, err := Export(without); err == nil || !strings.Contains(err.Error(), "no export section") {
		t.Fatalf("error %v, want one saying there is no export section", err)
	}
}

// FuzzExport feeds Export changed modules: it must return an error or a
// module that reads back with the two exports, never panic.
func FuzzExport(f *testing.F) {
	f.Add(goLike())
	f.Add(goLike(sec(exportSection, 0)))
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, module []byte) {
		out, err := Export(module)
		if err != nil {
			return
		}
		got := exportsOf(t, out)
		if len(got) < 2 || !strings.HasPrefix(got[len(got)-2], TableExport+" ") || !strings.HasPrefix(got[len(got)-1], StackPointerExport+" ") {
			t.Fatalf("exports %q end without the warm-up's two", got)
		}
	})
}
