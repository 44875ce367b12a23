// Package warmup readies a WebAssembly module built by Go (GOOS=js,
// GOARCH=wasm) for a warm-up: a worker that compiles the module's
// functions before the page runs them.
//
// Chromium compiles a WebAssembly function the first time it is called,
// on the thread that calls it. For app.wasm that is the page's main
// thread: about 1,500 functions compiled while Go starts and draws the
// first highlights, in tasks of 150–400 ms that freeze the page. The code
// a module compiles is shared by every instance of it in the browser's
// process, a worker's included. So a worker that holds the same module
// can call each function once (each call traps straight away, see
// web/wasm-compiler.js) and the page then finds them compiled.
//
// For that the worker needs to reach every function and to make every
// call stop at once: Export gives it the module's function table, where
// Go's linker puts every function, and Go's stack pointer, which the
// worker sets out of memory's bounds so that a function traps at its
// first access to its frame.
package warmup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// The names Export gives the function table and Go's stack pointer.
const (
	TableExport        = "glossa_table"
	StackPointerExport = "glossa_sp"
)

// The module's sections Export reads (WebAssembly core specification,
// binary format, section 5.5).
const (
	importSection = 2
	tableSection  = 4
	globalSection = 6
	exportSection = 7
)

// Kinds of import and export.
const (
	kindTable  = 1
	kindGlobal = 3
)

// Export returns module with two more exports: its function table (table
// 0) as TableExport and Go's stack pointer (global 0, a mutable i32) as
// StackPointerExport. Nothing else changes, so the page's use of the
// module does not. It returns an error naming what is wrong where module
// is not a module Go built in the shape Export knows.
func Export(module []byte) ([]byte, error) {
	sections, err := readSections(module)
	if err != nil {
		return nil, err
	}
	exports := -1
	var hasTable, hasStackPointer bool
	for i := range sections {
		s := &sections[i]
		switch s.id {
		case importSection:
			if err := noTableOrGlobalImports(s.body); err != nil {
				return nil, err
			}
		case tableSection:
			hasTable, err = firstTableHoldsFunctions(s.body)
		case globalSection:
			hasStackPointer, err = firstGlobalIsStackPointer(s.body)
		case exportSection:
			exports = i
		}
		if err != nil {
			return nil, fmt.Errorf("app.wasm, section %d at byte %d: %w", s.id, s.start, err)
		}
	}
	switch {
	case !hasTable:
		return nil, errors.New("app.wasm has no table of functions: it is not a module Go built")
	case !hasStackPointer:
		return nil, errors.New("app.wasm's first global is not a mutable i32 (Go's stack pointer): it is not a module Go built")
	case exports < 0:
		return nil, errors.New("app.wasm has no export section: it is not a module Go built")
	}
	body, err := addExports(sections[exports].body, []export{{TableExport, kindTable, 0}, {StackPointerExport, kindGlobal, 0}})
	if err != nil {
		return nil, fmt.Errorf("app.wasm's exports, at byte %d: %w", sections[exports].start, err)
	}
	var out bytes.Buffer
	out.Grow(len(module) + 64)
	out.Write(module[:8])
	for i, s := range sections {
		if i == exports {
			out.WriteByte(s.id)
			out.Write(binary.AppendUvarint(nil, uint64(len(body))))
			out.Write(body)
			continue
		}
		out.Write(s.raw)
	}
	return out.Bytes(), nil
}

// section is one section of a module: its id, its body, the bytes it
// takes in the module (id and size included) and where it starts.
type section struct {
	id    byte
	body  []byte
	raw   []byte
	start int
}

// readSections splits a module into its sections.
func readSections(module []byte) ([]section, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, errors.New("app.wasm does not start as a WebAssembly module (\\0asm)")
	}
	if !bytes.Equal(module[4:8], []byte{1, 0, 0, 0}) {
		return nil, fmt.Errorf("app.wasm is WebAssembly version %v, not 1", module[4:8])
	}
	var sections []section
	for at := 8; at < len(module); {
		r := reader{b: module, at: at + 1}
		size, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("app.wasm, section at byte %d: %w", at, err)
		}
		if uint64(size) > uint64(len(module)-r.at) {
			return nil, fmt.Errorf("app.wasm, section at byte %d: it claims %d bytes, %d are left", at, size, len(module)-r.at)
		}
		end := r.at + int(size)
		if size == 0 {
			return nil, fmt.Errorf("app.wasm, section at byte %d is empty", at)
		}
		sections = append(sections, section{id: module[at], body: module[r.at:end], raw: module[at:end], start: at})
		at = end
	}
	return sections, nil
}

// noTableOrGlobalImports checks that the module imports no table and no
// global, which would come before its own in the index spaces.
func noTableOrGlobalImports(body []byte) error {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return err
	}
	for range n {
		for range 2 { // module and field names
			if _, err := r.name(); err != nil {
				return err
			}
		}
		kind, err := r.byte()
		if err != nil {
			return err
		}
		switch kind {
		case 0: // function: a type index
			_, err = r.u32()
		case kindTable, kindGlobal:
			return errors.New("the module imports a table or a global: Go's modules import only functions")
		case 2: // memory: limits
			err = r.limits()
		default:
			return fmt.Errorf("an import of unknown kind %d", kind)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// firstTableHoldsFunctions reports whether table 0 is a table of
// functions (funcref).
func firstTableHoldsFunctions(body []byte) (bool, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil || n == 0 {
		return false, err
	}
	kind, err := r.byte()
	return kind == 0x70, err
}

// firstGlobalIsStackPointer reports whether global 0 is a mutable i32,
// as Go's stack pointer is.
func firstGlobalIsStackPointer(body []byte) (bool, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil || n == 0 {
		return false, err
	}
	valueType, err := r.byte()
	if err != nil {
		return false, err
	}
	mutable, err := r.byte()
	return valueType == 0x7f && mutable == 1, err
}

// export is one entry of the export section.
type export struct {
	name  string
	kind  byte
	index uint32
}

// addExports returns the export section's body with more entries, and an
// error where one of their names is taken.
func addExports(body []byte, more []export) ([]byte, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	for range n {
		name, err := r.name()
		if err != nil {
			return nil, err
		}
		for _, e := range more {
			if name == e.name {
				return nil, fmt.Errorf("the module already exports %q: was it prepared for the warm-up twice?", name)
			}
		}
		if _, err := r.byte(); err != nil {
			return nil, err
		}
		if _, err := r.u32(); err != nil {
			return nil, err
		}
	}
	if r.at != len(body) {
		return nil, fmt.Errorf("%d bytes after the last export", len(body)-r.at)
	}
	out := binary.AppendUvarint(nil, uint64(n)+uint64(len(more)))
	out = append(out, body[len(binary.AppendUvarint(nil, uint64(n))):]...)
	for _, e := range more {
		out = binary.AppendUvarint(out, uint64(len(e.name)))
		out = append(out, e.name...)
		out = append(out, e.kind)
		out = binary.AppendUvarint(out, uint64(e.index))
	}
	return out, nil
}

// reader reads the binary format's values from b, at at.
type reader struct {
	b  []byte
	at int
}

var errShort = errors.New("the section ends in the middle of a value")

func (r *reader) byte() (byte, error) {
	if r.at >= len(r.b) {
		return 0, errShort
	}
	r.at++
	return r.b[r.at-1], nil
}

// u32 reads an unsigned LEB128 value of at most 32 bits.
func (r *reader) u32() (uint32, error) {
	var v uint32
	for shift := uint(0); shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		if shift == 28 && c > 0x0f {
			return 0, errors.New("a number longer than 32 bits")
		}
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
	return 0, errors.New("a number longer than 32 bits")
}

// name reads a length-prefixed name.
func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	if uint64(n) > uint64(len(r.b)-r.at) {
		return "", errShort
	}
	r.at += int(n)
	return string(r.b[r.at-int(n) : r.at]), nil
}

// limits reads a memory's or a table's limits.
func (r *reader) limits() error {
	flags, err := r.byte()
	if err != nil {
		return err
	}
	if _, err := r.u32(); err != nil {
		return err
	}
	if flags&1 == 1 {
		_, err = r.u32()
	}
	return err
}
