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
//
// The order matters: the page waits for the functions it calls first as
// it loads (Startup, a list made by build/warmlist from a trace of a cold
// load) and starts Go while the worker goes on with the rest. Prepare
// writes that order into the module, as a custom section (OrderSection),
// from the module's function names, which it then drops.
package warmup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// The names Prepare gives the function table and Go's stack pointer.
const (
	TableExport        = "glossa_table"
	StackPointerExport = "glossa_sp"
)

// OrderSection is the custom section Prepare adds, the warm-up's order:
// little-endian uint32s, first how many of the page's first functions
// (Startup's, found in the module) lead the list, then the table index of
// every function of the table, those first, the others in table order.
const OrderSection = "glossa.warmup"

// The module's sections Prepare reads (WebAssembly core specification,
// binary format, section 5.5).
const (
	customSection = 0
	importSection = 2
	tableSection  = 4
	globalSection = 6
	exportSection = 7
	elemSection   = 9
)

// Kinds of import and export.
const (
	kindTable  = 1
	kindGlobal = 3
)

// Report says what Prepare found.
type Report struct {
	Functions int  // functions in the table, all of which the worker calls
	Named     bool // the module had its function names (built without -s)
	Listed    int  // names in the list of first functions
	Found     int  // of those, functions of the module's table
}

// Prepare returns module ready for its warm-up: with two more exports,
// its function table (table 0) as TableExport and Go's stack pointer
// (global 0, a mutable i32) as StackPointerExport, and the order of the
// warm-up as OrderSection, the functions named in first leading; without
// its function names (the "name" section, which the page does not need).
// The page's use of the module does not change. Where module has no names
// (built with -s), or first is empty, the order is the table's. Prepare
// returns an error naming what is wrong where module is not a module Go
// built in the shape Prepare knows.
func Prepare(module []byte, first []string) ([]byte, Report, error) {
	var report Report
	sections, err := readSections(module)
	if err != nil {
		return nil, report, err
	}
	exports := -1
	var hasTable, hasStackPointer bool
	var slots []slot
	names := map[string]uint32{}
	for i := range sections {
		s := &sections[i]
		switch s.id {
		case importSection:
			err = noTableOrGlobalImports(s.body)
		case tableSection:
			hasTable, err = firstTableHoldsFunctions(s.body)
		case globalSection:
			hasStackPointer, err = firstGlobalIsStackPointer(s.body)
		case exportSection:
			exports = i
		case elemSection:
			slots, err = readTableSlots(s.body)
		case customSection:
			if s.custom == "name" {
				report.Named = true
				err = readFunctionNames(s.customBody, names)
			}
		}
		if err != nil {
			return nil, report, fmt.Errorf("app.wasm, section %d at byte %d: %w", s.id, s.start, err)
		}
	}
	switch {
	case !hasTable:
		return nil, report, errors.New("app.wasm has no table of functions: it is not a module Go built")
	case !hasStackPointer:
		return nil, report, errors.New("app.wasm's first global is not a mutable i32 (Go's stack pointer): it is not a module Go built")
	case exports < 0:
		return nil, report, errors.New("app.wasm has no export section: it is not a module Go built")
	case len(slots) == 0:
		return nil, report, errors.New("app.wasm puts no function in its table: it is not a module Go built")
	}
	body, err := addExports(sections[exports].body, []export{{TableExport, kindTable, 0}, {StackPointerExport, kindGlobal, 0}})
	if err != nil {
		return nil, report, fmt.Errorf("app.wasm's exports, at byte %d: %w", sections[exports].start, err)
	}
	report.Functions, report.Listed = len(slots), len(first)
	order, found := warmUpOrder(slots, names, first)
	report.Found = found
	var out bytes.Buffer
	out.Grow(len(module) + 4*len(order) + 64)
	out.Write(module[:8])
	for i, s := range sections {
		switch {
		case i == exports:
			writeSection(&out, exportSection, body)
		case s.id == customSection && s.custom == "name":
			// dropped: the page needs no names
		default:
			out.Write(s.raw)
		}
	}
	data := binary.AppendUvarint(nil, uint64(len(OrderSection)))
	data = append(data, OrderSection...)
	data = binary.LittleEndian.AppendUint32(data, uint32(found))
	for _, index := range order {
		data = binary.LittleEndian.AppendUint32(data, index)
	}
	writeSection(&out, customSection, data)
	return out.Bytes(), report, nil
}

// writeSection writes a section of id with body.
func writeSection(out *bytes.Buffer, id byte, body []byte) {
	out.WriteByte(id)
	out.Write(binary.AppendUvarint(nil, uint64(len(body))))
	out.Write(body)
}

// slot is a function's place in the table.
type slot struct{ function, table uint32 }

// warmUpOrder returns the table indices of slots in the warm-up's order,
// the functions named in first leading, in first's order, and how many
// of those there are.
func warmUpOrder(slots []slot, names map[string]uint32, first []string) (order []uint32, found int) {
	tableOf := make(map[uint32]uint32, len(slots))
	for _, s := range slots {
		if _, ok := tableOf[s.function]; !ok {
			tableOf[s.function] = s.table
		}
	}
	done := make(map[uint32]bool, len(slots))
	for _, name := range first {
		function, ok := names[name]
		if !ok {
			continue
		}
		table, ok := tableOf[function]
		if !ok || done[table] {
			continue
		}
		done[table] = true
		order = append(order, table)
	}
	found = len(order)
	for _, s := range slots {
		if !done[s.table] {
			done[s.table] = true
			order = append(order, s.table)
		}
	}
	return order, found
}

// readTableSlots reads the element section: where each function is in
// table 0. Go writes one active segment at a constant offset.
func readTableSlots(body []byte) ([]slot, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	var slots []slot
	for range n {
		flags, err := r.u32()
		if err != nil {
			return nil, err
		}
		if flags != 0 {
			return nil, fmt.Errorf("an element segment of kind %d: Go writes only active segments of functions for table 0 (kind 0)", flags)
		}
		if op, err := r.byte(); err != nil || op != 0x41 {
			return nil, errors.New("an element segment whose offset is not an i32.const")
		}
		offset, err := r.u32() // Go's offsets are small and positive: an s32 read as u32
		if err != nil || offset >= 1<<31 {
			return nil, errors.New("an element segment at an offset that is not a small constant")
		}
		if end, err := r.byte(); err != nil || end != 0x0b {
			return nil, errors.New("an element segment whose offset is more than one constant")
		}
		count, err := r.u32()
		if err != nil {
			return nil, err
		}
		for i := range count {
			function, err := r.u32()
			if err != nil {
				return nil, err
			}
			slots = append(slots, slot{function: function, table: offset + i})
		}
	}
	return slots, nil
}

// readFunctionNames reads the function names of a "name" custom section
// (subsection 1) into names, name to function index.
func readFunctionNames(body []byte, names map[string]uint32) error {
	r := reader{b: body}
	for r.at < len(body) {
		id, err := r.byte()
		if err != nil {
			return err
		}
		size, err := r.u32()
		if err != nil {
			return err
		}
		if uint64(size) > uint64(len(body)-r.at) {
			return errShort
		}
		end := r.at + int(size)
		if id != 1 {
			r.at = end
			continue
		}
		sub := reader{b: body[:end], at: r.at}
		n, err := sub.u32()
		if err != nil {
			return err
		}
		for range n {
			index, err := sub.u32()
			if err != nil {
				return err
			}
			name, err := sub.name()
			if err != nil {
				return err
			}
			if _, ok := names[name]; !ok {
				names[name] = index
			}
		}
		r.at = end
	}
	return nil
}

// section is one section of a module: its id, its body, the bytes it
// takes in the module (id and size included) and where it starts; for a
// custom section, its name and the body after the name.
type section struct {
	id         byte
	body       []byte
	raw        []byte
	start      int
	custom     string
	customBody []byte
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
		s := section{id: module[at], body: module[r.at:end], raw: module[at:end], start: at}
		if s.id == customSection {
			c := reader{b: s.body}
			if s.custom, err = c.name(); err != nil {
				return nil, fmt.Errorf("app.wasm, custom section at byte %d: its name: %w", at, err)
			}
			s.customBody = s.body[c.at:]
		}
		sections = append(sections, s)
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

// FunctionNames returns the function names of a module built without -s,
// by function index: what build/warmlist needs to name the functions a
// trace reports by index.
func FunctionNames(module []byte) (map[uint32]string, error) {
	sections, err := readSections(module)
	if err != nil {
		return nil, err
	}
	for _, s := range sections {
		if s.id == customSection && s.custom == "name" {
			byName := map[string]uint32{}
			if err := readFunctionNames(s.customBody, byName); err != nil {
				return nil, fmt.Errorf("app.wasm's names, at byte %d: %w", s.start, err)
			}
			names := make(map[uint32]string, len(byName))
			for name, index := range byName {
				names[index] = name
			}
			return names, nil
		}
	}
	return nil, errors.New("app.wasm has no function names: build it without -s (make build does)")
}
