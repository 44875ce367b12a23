//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// exportCommand reads Glossa W3C exports (or any file Import reads) into
// one bundle and writes it in the chosen format, to -o or standard output.
func exportCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "", "output format: w3c, doccano, spacy, brat, csv or claimreview (default: from -o's extension, else w3c)")
	out := flags.String("o", "", "write to this file instead of standard output")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(stderr, "glossa export: give the files to read (- for standard input)")
		return 2
	}
	f := formats.FormatW3C
	var err error
	switch {
	case *format != "":
		f, err = formats.FormatByName(*format)
	case *out != "":
		f, err = formats.FormatForFile(*out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "glossa export: %v\n", err)
		return 2
	}
	b, err := importFiles(flags.Args(), stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "glossa export: %v\n", err)
		return 1
	}
	if err := writeExport(b, f, *out, stdout); err != nil {
		fmt.Fprintf(stderr, "glossa export: %v\n", err)
		return 1
	}
	for _, n := range f.ExportNotes(b) {
		fmt.Fprintf(stderr, "glossa export: note: %s\n", n)
	}
	return 0
}

// convertCommand converts one file to another, the formats picked by the
// extensions (the input's also by its content).
func convertCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 2 || strings.HasPrefix(args[0], "-") && args[0] != "-" {
		fmt.Fprintln(stderr, "usage: glossa convert IN OUT")
		return 2
	}
	f, err := formats.FormatForFile(args[1])
	if err != nil {
		fmt.Fprintf(stderr, "glossa convert: %v\n", err)
		return 2
	}
	b, err := importFiles(args[:1], stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "glossa convert: %v\n", err)
		return 1
	}
	if err := writeExport(b, f, args[1], stdout); err != nil {
		fmt.Fprintf(stderr, "glossa convert: %v\n", err)
		return 1
	}
	for _, n := range f.ExportNotes(b) {
		fmt.Fprintf(stderr, "glossa convert: note: %s\n", n)
	}
	return 0
}

// importFiles imports each file in turn into one library, in memory, and
// reports each import on stderr. A brat .ann file is read with the .txt
// beside it. The bundle holds the articles in the order the files brought
// them.
func importFiles(names []string, stdin io.Reader, stderr io.Writer) (formats.Bundle, error) {
	store := library.NewMemStore()
	var order []string
	seen := map[string]bool{}
	for _, name := range names {
		data, err := readInput(name, stdin)
		if err != nil {
			return formats.Bundle{}, err
		}
		if strings.EqualFold(filepath.Ext(name), ".ann") {
			if data, err = bratPair(name, data); err != nil {
				return formats.Bundle{}, err
			}
			name = strings.TrimSuffix(name, filepath.Ext(name)) + ".zip"
		}
		changes, rep, err := formats.PlanImport(store, name, data, time.Now())
		if err == nil {
			err = store.ApplyAll(changes)
		}
		if err != nil {
			return formats.Bundle{}, err
		}
		for _, c := range changes {
			if !seen[c.DocID] {
				seen[c.DocID] = true
				order = append(order, c.DocID)
			}
		}
		fmt.Fprintf(stderr, "%s: %v\n", name, rep)
	}
	if len(order) == 0 {
		return formats.Bundle{}, nil
	}
	return formats.LoadBundle(store, order...)
}

// bratPair zips a brat .ann file with the .txt beside it.
func bratPair(name string, ann []byte) ([]byte, error) {
	txtName := strings.TrimSuffix(name, filepath.Ext(name)) + ".txt"
	txt, err := os.ReadFile(txtName)
	if err != nil {
		return nil, fmt.Errorf("%s: a brat .ann file needs its .txt: %w", name, err)
	}
	base := filepath.Base(strings.TrimSuffix(name, filepath.Ext(name)))
	return zipFiles(base+".txt", txt, base+".ann", ann)
}

// writeExport writes the bundle in format f to the file out, or to stdout
// when out is "" or "-". A file is written whole or not at all.
func writeExport(b formats.Bundle, f formats.Format, out string, stdout io.Writer) error {
	var buf bytes.Buffer
	if err := f.Export(b, &buf); err != nil {
		return err
	}
	if out == "" || out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".glossa-export-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}

// zipFiles zips name and content pairs, in order.
func zipFiles(name1 string, data1 []byte, name2 string, data2 []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{{name1, data1}, {name2, data2}} {
		w, err := zw.Create(f.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}
