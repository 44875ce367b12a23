// Command glossa-pipeline tags a corpus with Glossa's entity model and
// claim rules as an Apache Beam pipeline: the work of
// `glossa annotate --jsonl`, on one machine (Beam's in-process runner,
// prism, the default) or on a cluster (Flink, Spark, Dataflow).
//
//	glossa-pipeline --input=GLOB --output=PREFIX [--format=jsonl|w3c]
//	    [--input_format=auto|jsonl|text] [--model=prose|FILE] [--shards=N]
//	    [--runner=prism|flink|spark|dataflow|…] [runner flags]
//
// It is a program of its own, apart from dist/glossa: Beam's SDK makes a
// binary of over 100 MB, and the main module, whose packages the browser
// builds compile, must not depend on it. See package corpus for what it
// writes, and the README for the runners.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"glossa/pipeline/corpus"
)

var (
	input       = flag.String("input", "", `the input files, a glob on any file system Beam's Go SDK has (local, gs://, s3://): {"id","text"} JSON lines (*.jsonl, *.ndjson, optionally .gz) or plain-text files, each one document whose id is its path`)
	inputFormat = flag.String("input_format", corpus.InputAuto, "how to read the input files: auto (by name), jsonl or text")
	output      = flag.String("output", "", "the output prefix: PREFIX-00000-of-0000N.jsonl, and PREFIX-deadletter-00000-of-00001.jsonl for the bad records")
	format      = flag.String("format", corpus.FormatJSONL, "jsonl (glossa annotate --jsonl's lines) or w3c (one W3C AnnotationCollection per line)")
	model       = flag.String("model", "", `the entity model: the built-in one (the default), "prose", or a model file glossa train wrote (any file system the workers can read)`)
	shards      = flag.Int("shards", 4, "how many output files to write, each by one worker")
)

func main() {
	flag.Parse()
	beam.Init() // a worker on a cluster runs its work here and exits
	os.Exit(run(context.Background(), os.Stdout, os.Stderr))
}

// run builds and runs the pipeline, prints its counters, and returns the
// exit status.
func run(ctx context.Context, stdout, stderr io.Writer) int {
	o := corpus.Options{Input: *input, InputFormat: *inputFormat, Output: *output, Format: *format, Model: *model, Shards: *shards}
	if err := corpus.CheckModel(ctx, o.Model); err != nil {
		fmt.Fprintf(stderr, "glossa-pipeline: %v\n", err)
		return 1
	}
	p, s := beam.NewPipelineWithRoot()
	if err := corpus.Build(s, o); err != nil {
		fmt.Fprintf(stderr, "glossa-pipeline: %v\n", err)
		return 2
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "glossa-pipeline: the run failed: %v\n", err)
		return 1
	}
	if res != nil {
		summary(stdout, res.Metrics(), o.Output)
	}
	return 0
}

// summary prints the run's counters, and where the bad records are.
func summary(w io.Writer, m metrics.Results, prefix string) {
	counts := corpus.Counts(m)
	var parts []string
	for _, name := range corpus.CounterNames {
		parts = append(parts, count(counts[name], name))
	}
	fmt.Fprintf(w, "glossa-pipeline: %s\n", strings.Join(parts, ", "))
	if n := counts[corpus.CounterBadRecords]; n > 0 {
		fmt.Fprintf(w, "glossa-pipeline: the %s, with the reason for each, are in %s\n", count(n, corpus.CounterBadRecords), corpus.DeadLetterName(prefix))
	}
}

// count says "1 entity", "2 entities": n of the counter name.
func count(n int64, name string) string {
	name = strings.ReplaceAll(name, "_", " ")
	if n == 1 {
		name = strings.TrimSuffix(name, "s")
		if base, ok := strings.CutSuffix(name, "ie"); ok {
			name = base + "y"
		}
	}
	return fmt.Sprintf("%d %s", n, name)
}
