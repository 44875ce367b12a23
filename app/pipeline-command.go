//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// pipelineProgram is the corpus pipeline's program (module pipeline/): a
// program of its own, since Apache Beam's SDK would more than double
// glossa's size.
const pipelineProgram = "glossa-pipeline"

// pipelineCommand runs glossa-pipeline, found beside this program or on
// the PATH, with the arguments as they are, and returns its exit status.
func pipelineCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		self = ""
	}
	prog, err := findPipeline(filepath.Dir(self))
	if err != nil {
		fmt.Fprintf(stderr, "glossa pipeline: %v\n", err)
		return 1
	}
	cmd := exec.Command(prog, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(stderr, "glossa pipeline: running %s: %v\n", prog, err)
		return 1
	}
	return 0
}

// findPipeline returns the path of glossa-pipeline in dir, or else on the
// PATH.
func findPipeline(dir string) (string, error) {
	beside := filepath.Join(dir, pipelineProgram)
	if info, err := os.Stat(beside); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
		return beside, nil
	}
	if p, err := exec.LookPath(pipelineProgram); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%s is neither beside this program (%s) nor on the PATH: build it with `make pipeline` (it lands in dist/)", pipelineProgram, dir)
}
