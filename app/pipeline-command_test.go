//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindPipeline(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	if _, err := findPipeline(dir); err == nil || !strings.Contains(err.Error(), "make pipeline") {
		t.Errorf("no glossa-pipeline anywhere: error %v, want one saying how to build it", err)
	}
	prog := filepath.Join(dir, pipelineProgram)
	if err := os.WriteFile(prog, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := findPipeline(dir); err != nil || got != prog {
		t.Errorf("findPipeline = %q, %v; want %q", got, err, prog)
	}
}

func TestPipelineCommandPassesArgsAndStatus(t *testing.T) {
	bin := t.TempDir()
	script := "#!/bin/sh\necho \"$@\"\nexit 3\n"
	if err := os.WriteFile(filepath.Join(bin, pipelineProgram), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	out, errs, status := run(t, "", "pipeline", "--input=in/*.jsonl", "--output=out/t")
	if status != 3 || out != "--input=in/*.jsonl --output=out/t\n" {
		t.Errorf("status %d, stdout %q, stderr %q; want glossa-pipeline's", status, out, errs)
	}
}
