package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/ner/choose"
	"glossa/annotate/ner/news"
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "glossa"

// Counter names, in Namespace.
const (
	CounterDocuments  = "documents"
	CounterTokens     = "tokens"
	CounterEntities   = "entities"
	CounterClaims     = "claims"
	CounterBadRecords = "bad_records"
)

var (
	documents  = beam.NewCounter(Namespace, CounterDocuments)
	tokens     = beam.NewCounter(Namespace, CounterTokens)
	entities   = beam.NewCounter(Namespace, CounterEntities)
	claimCount = beam.NewCounter(Namespace, CounterClaims)
	badRecords = beam.NewCounter(Namespace, CounterBadRecords)
)

func init() {
	register.DoFn4x0[context.Context, string, func(string), func(string)](&tagLineFn{})
	register.DoFn4x0[context.Context, fileio.ReadableFile, func(string), func(string)](&tagFileFn{})
	register.Emitter1[string]()
}

// tagLineFn tags JSON lines: its main output is the output lines, its
// second the dead letters.
type tagLineFn struct {
	Model  string `json:"model"`
	Format string `json:"format"`
	t      *tagger
}

// Setup loads the recognizer, once per DoFn instance.
func (f *tagLineFn) Setup(ctx context.Context) (err error) {
	f.t, err = newTagger(ctx, f.Model, f.Format)
	return err
}

// ProcessElement tags one input line (textio's line, whose "\r" is cut
// here as TagJSONL cuts it); a blank line is skipped.
func (f *tagLineFn) ProcessElement(ctx context.Context, line string, emit, dead func(string)) {
	b := bytes.TrimRight([]byte(line), "\r\n")
	if annotate.IsBlankLine(b) {
		return
	}
	r, err := annotate.ParseLine(b)
	var out string
	if err == nil {
		out, err = f.t.tag(ctx, r)
	}
	if err != nil {
		dead(deadLetter(ctx, string(b), err))
		return
	}
	emit(out)
}

// tagFileFn tags plain-text files, each one document whose id is its path.
type tagFileFn struct {
	Model  string `json:"model"`
	Format string `json:"format"`
	t      *tagger
}

// Setup loads the recognizer, once per DoFn instance.
func (f *tagFileFn) Setup(ctx context.Context) (err error) {
	f.t, err = newTagger(ctx, f.Model, f.Format)
	return err
}

// ProcessElement reads one file whole and tags it.
func (f *tagFileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit, dead func(string)) {
	path := file.Metadata.Path
	out, err := f.tagFile(ctx, file)
	if err != nil {
		dead(deadLetter(ctx, path, err))
		return
	}
	emit(out)
}

func (f *tagFileFn) tagFile(ctx context.Context, file fileio.ReadableFile) (string, error) {
	tooLarge := fmt.Errorf("%w: the file is over %d MiB; split it into articles, or give them as JSON lines", annotate.ErrBadInput, MaxFileBytes>>20)
	if file.Metadata.Size > MaxFileBytes {
		return "", tooLarge
	}
	rc, err := file.Open(ctx)
	if err != nil {
		return "", fmt.Errorf("opening the file: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxFileBytes+1)) // a compressed file may grow
	if err != nil {
		return "", fmt.Errorf("reading the file: %w", err)
	}
	if len(data) > MaxFileBytes {
		return "", tooLarge
	}
	id, err := marshal(file.Metadata.Path, false)
	if err != nil {
		return "", err
	}
	return f.t.tag(ctx, annotate.Record{ID: id, Text: string(data)})
}

// tagger tags records as the DoFns' options say, and counts what it finds.
type tagger struct {
	rec    annotate.Recognizer
	format string
}

// newTagger loads the recognizer model names (a model file is read
// through the Beam file systems, so gs:// and the like work on workers).
func newTagger(ctx context.Context, model, format string) (*tagger, error) {
	rec, err := choose.RecognizerFrom(model, func(name string) ([]byte, error) { return ReadFile(ctx, name) })
	if err != nil {
		return nil, err
	}
	return &tagger{rec: rec, format: format}, nil
}

// tag tags one record and returns its output line: the line
// `glossa annotate --jsonl` writes for it, or its W3C collection.
func (t *tagger) tag(ctx context.Context, r annotate.Record) (string, error) {
	d, err := r.Tag(t.rec)
	if err != nil {
		return "", err
	}
	var line []byte
	nClaims := 0
	if t.format == FormatW3C {
		coll := claims.Collection(d, t.rec.Name(), annotate.NewID, time.Now())
		nClaims = coll.Total - len(d.Entities)
		// As glossa annotate FILE: <, > and & escaped, for <script>.
		line, err = marshal(coll, true)
	} else {
		line, err = annotate.TaggedLine(r.ID, d, func(d *annotate.Document) any {
			found := claims.JSONL(d)
			if cs, ok := found.([]claims.Claim); ok {
				nClaims = len(cs)
			}
			return found
		})
	}
	if err != nil {
		return "", err
	}
	documents.Inc(ctx, 1)
	tokens.Inc(ctx, int64(len(news.Tokenize(d.Text.String()))))
	entities.Inc(ctx, int64(len(d.Entities)))
	claimCount.Inc(ctx, int64(nClaims))
	return string(line), nil
}

// DeadLetter is one line of the dead-letter output.
type DeadLetter struct {
	// Input is the bad input line (its line end cut), or the path of the
	// bad file.
	Input string `json:"input"`
	// Error says what is wrong with it.
	Error string `json:"error"`
}

// deadLetter counts a bad record and returns its dead-letter line.
func deadLetter(ctx context.Context, input string, err error) string {
	badRecords.Inc(ctx, 1)
	line, _ := marshal(DeadLetter{Input: input, Error: err.Error()}, false) // strings always encode
	return string(line)
}

// marshal encodes v as one line of compact JSON, without its line end,
// with markup characters escaped or not.
func marshal(v any, escapeHTML bool) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding an output line: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// ReadFile reads a whole file from any file system the Beam SDK has
// (local, gs://, s3://, …).
func ReadFile(ctx context.Context, name string) ([]byte, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}

// CounterNames are the pipeline's counters, in the order a summary lists
// them.
var CounterNames = []string{CounterDocuments, CounterTokens, CounterEntities, CounterClaims, CounterBadRecords}

// Counts returns the pipeline's counters from a run's metrics, by name
// (committed values where the runner has them, else attempted).
func Counts(m metrics.Results) map[string]int64 {
	counts := make(map[string]int64)
	for _, c := range m.AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			counts[c.Name()] += c.Result()
		}
	}
	return counts
}
