package corpus

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn4x0[fileio.ReadableFile, func(string), func(fileio.ReadableFile), func(fileio.ReadableFile)](&splitFn{})
	register.DoFn4x0[context.Context, fileio.ReadableFile, func(string), func(string)](&readLinesFn{})
	register.Emitter1[fileio.ReadableFile]()
}

// Build adds the corpus pipeline to s: match the input files, read JSON
// lines (textio; a gzipped file with a reader of its own, since textio
// stops a compressed file's lines at its compressed size) and plain-text
// files (fileio, whole), tag them, and write
// the tagged lines in o.Shards shards and the bad records to the
// dead-letter output. It checks o first; it loads no model (the workers
// do, in Setup): call CheckModel on the launcher to fail early.
func Build(s beam.Scope, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, o.Input, fileio.MatchEmptyDisallow()))
	jsonlPaths, gzipFiles, textFiles := beam.ParDo3(s, &splitFn{InputFormat: o.InputFormat}, files)

	gzipLines, deadGzip := beam.ParDo2(s, &readLinesFn{}, gzipFiles)
	// A corpus is often one large file: spread its lines over the
	// workers before the costly step, tagging.
	lines := beam.Reshuffle(s, beam.Flatten(s, textio.ReadAll(s, jsonlPaths), gzipLines))
	tagged1, dead1 := beam.ParDo2(s, &tagLineFn{Model: o.Model, Format: o.Format}, lines)
	tagged2, dead2 := beam.ParDo2(s, &tagFileFn{Model: o.Model, Format: o.Format}, beam.Reshuffle(s, textFiles))

	writeShards(s.Scope("tagged"), o.Output, o.Shards, beam.Flatten(s, tagged1, tagged2))
	writeShards(s.Scope("deadletter"), o.Output+"-deadletter", 1, beam.Flatten(s, deadGzip, dead1, dead2))
	return nil
}

// CheckModel loads the recognizer the model option names, as the workers
// will, so that a bad --model fails before the run starts.
func CheckModel(ctx context.Context, model string) error {
	_, err := newTagger(ctx, model, FormatJSONL)
	return err
}

// splitFn sends each input file to the JSON-lines reader (textio, by
// path), the gzipped JSON-lines reader, or the plain-text reader, by its
// name or the input format.
type splitFn struct {
	InputFormat string `json:"input_format"`
}

// ProcessElement sends one file on.
func (f *splitFn) ProcessElement(file fileio.ReadableFile, jsonl func(string), gzipped, text func(fileio.ReadableFile)) {
	switch path := file.Metadata.Path; {
	case !isJSONL(f.InputFormat, path):
		text(file)
	case isGzip(path):
		gzipped(file)
	default:
		jsonl(path)
	}
}

// readLinesFn reads a (gzipped) file's lines, from start to end: such a
// file cannot be split. A file that breaks off (a damaged gzip stream) is
// a bad record; the whole lines before the break are still tagged.
type readLinesFn struct{}

// ProcessElement reads one file.
func (f *readLinesFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit, dead func(string)) {
	path := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		dead(deadLetter(ctx, path, fmt.Errorf("opening the file: %w", err)))
		return
	}
	defer rc.Close()
	in := bufio.NewReaderSize(rc, 64<<10)
	for {
		line, err := in.ReadString('\n')
		if err != nil && err != io.EOF {
			// The line it broke off in is dropped.
			dead(deadLetter(ctx, path, fmt.Errorf("reading the file: %w (the lines before were read)", err)))
			return
		}
		if line != "" {
			emit(strings.TrimSuffix(line, "\n"))
		}
		if err == io.EOF {
			return
		}
	}
}
