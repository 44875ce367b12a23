// Command bench measures glossa-pipeline against glossa annotate --jsonl
// on one generated corpus: wall time, documents per second, CPU time and
// peak memory (the process's maximum resident set) of each, and checks
// that their outputs hold the same lines.
//
//	go run ./bench -glossa ../dist/glossa -pipeline ../dist/glossa-pipeline [-n 10000] [-dir DIR]
//
// make pipeline-bench runs it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"glossa/pipeline/corpus"
	"glossa/pipeline/internal/gen"
)

func main() {
	glossa := flag.String("glossa", "dist/glossa", "the glossa program")
	pipeline := flag.String("pipeline", "dist/glossa-pipeline", "the glossa-pipeline program")
	n := flag.Int("n", 10000, "how many articles to generate")
	shards := flag.Int("shards", 4, "glossa-pipeline's --shards")
	dir := flag.String("dir", "", "where to write the corpus and the outputs (a temporary folder, removed, if not given)")
	flag.Parse()
	if err := run(*glossa, *pipeline, *n, *shards, *dir); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

// measure is one program's run.
type measure struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

func run(glossa, pipeline string, n, shards int, dir string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "glossa-pipeline-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	in := filepath.Join(dir, "corpus.jsonl")
	var b bytes.Buffer
	arts := gen.Articles(n, 10)
	if err := gen.WriteJSONL(&b, arts); err != nil {
		return err
	}
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		return err
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	fmt.Printf("corpus: %d articles, %.1f MB, %d words (%d an article on average)\n", n, float64(b.Len())/1e6, words, words/n)

	ref := filepath.Join(dir, "annotate.jsonl")
	refOut, err := os.Create(ref)
	if err != nil {
		return err
	}
	a, err := timed(glossa, []string{"annotate", "--jsonl"}, in, refOut)
	refOut.Close()
	if err != nil {
		return fmt.Errorf("glossa annotate --jsonl: %w", err)
	}
	prefix := filepath.Join(dir, "out", "tagged")
	os.MkdirAll(filepath.Dir(prefix), 0o755)
	var log bytes.Buffer
	p, err := timed(pipeline, []string{"--input=" + in, "--output=" + prefix, fmt.Sprintf("--shards=%d", shards)}, "", &log)
	if err != nil {
		return fmt.Errorf("glossa-pipeline: %w\n%s", err, log.String())
	}

	want, err := sortedLines(ref)
	if err != nil {
		return err
	}
	var got []string
	for i := range shards {
		lines, err := sortedLines(corpus.ShardName(prefix, i, shards))
		if err != nil {
			return err
		}
		got = append(got, lines...)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		return fmt.Errorf("the outputs differ: %d lines from glossa-pipeline, %d from annotate --jsonl", len(got), len(want))
	}
	fmt.Printf("outputs: the same %d lines\n\n", len(want))
	fmt.Println("| program | wall s | documents/s | CPU s | peak memory MB |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for _, r := range []struct {
		name string
		m    measure
	}{{"glossa annotate --jsonl", a}, {"glossa-pipeline (prism, in process)", p}} {
		fmt.Printf("| %s | %.1f | %.0f | %.1f | %.0f |\n", r.name, r.m.wall.Seconds(), float64(n)/r.m.wall.Seconds(), r.m.cpu.Seconds(), float64(r.m.maxRSS)/(1<<20))
	}
	return nil
}

// timed runs the program name with args, standard input from the file
// in (if given) and standard output to out, and measures it. The peak
// memory comes from GNU time where /usr/bin/time is (a child's maximum
// resident set counts its parent's from before exec, on Linux, so this
// process's own would swell the figure); else from the child's rusage,
// with that caveat.
func timed(name string, args []string, in string, out io.Writer) (measure, error) {
	gnuTime := false
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		args = append([]string{"-f", "maxrss=%M", name}, args...)
		name, gnuTime = "/usr/bin/time", true
	}
	cmd := exec.Command(name, args...)
	if in != "" {
		f, err := os.Open(in)
		if err != nil {
			return measure{}, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	cmd.Stdout = out
	var errs bytes.Buffer
	cmd.Stderr = &errs
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, fmt.Errorf("%w: %s", err, errs.String())
	}
	m := measure{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	if gnuTime {
		_, kb, _ := strings.Cut(errs.String()[strings.LastIndex(errs.String(), "maxrss="):], "=")
		n, err := strconv.ParseInt(strings.TrimSpace(kb), 10, 64)
		if err != nil {
			return measure{}, fmt.Errorf("reading GNU time's figure: %w", err)
		}
		m.maxRSS = n << 10
	}
	return m, nil
}

// sortedLines returns a file's lines, sorted.
func sortedLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(data) == 0 {
		lines = nil
	}
	slices.Sort(lines)
	return lines, nil
}
