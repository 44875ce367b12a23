package corpus_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/ner/choose"
	"glossa/annotate/w3c"
	"glossa/annotate/w3ctest"
	"glossa/pipeline/corpus"
	"glossa/pipeline/internal/gen"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// run builds and runs the pipeline under the test's runner (prism unless
// --runner says otherwise), and returns its counters.
func run(t *testing.T, o corpus.Options) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := corpus.Build(s, o); err != nil {
		t.Fatal(err)
	}
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("the pipeline failed: %v", err)
	}
	return corpus.Counts(res.Metrics())
}

// writeFile writes a file of the input, gzipped if its name ends in .gz.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if strings.HasSuffix(path, ".gz") {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		data = b.Bytes()
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readShards returns the lines of all n shards of prefix, and fails the
// test unless exactly those n files exist.
func readShards(t *testing.T, prefix string, n int) []string {
	t.Helper()
	files, _ := filepath.Glob(prefix + "-?????-of-?????.jsonl")
	var want []string
	for i := range n {
		want = append(want, corpus.ShardName(prefix, i, n))
	}
	if !slices.Equal(files, want) {
		t.Fatalf("output files %q, want %q", files, want)
	}
	var lines []string
	for _, f := range files {
		lines = append(lines, readLines(t, f)...)
	}
	return lines
}

// readLines returns a file's lines; every line must end in "\n".
func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) == 0 {
		return nil
	}
	if data[len(data)-1] != '\n' {
		t.Fatalf("%s does not end in a line end", path)
	}
	return strings.Split(string(data[:len(data)-1]), "\n")
}

// byID sorts output lines by their "id" (ids are unique in these tests).
func byID(t *testing.T, lines []string) []string {
	t.Helper()
	key := func(l string) string {
		var v struct{ ID json.RawMessage }
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("output line is not JSON: %v: %s", err, l)
		}
		return string(v.ID)
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return lines
}

// TestPipelineIsAnnotateJSONL runs the pipeline on a generated corpus
// (JSON lines, one file gzipped, two plain-text files) with bad records
// among them, under the in-process runner: its output, merged and sorted
// by id, is line for line what `glossa annotate --jsonl` (TagJSONL, with
// the same recognizer and claim finder) writes for the same documents;
// each bad record is in the dead-letter output with its reason; the
// counters count them.
func TestPipelineIsAnnotateJSONL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	arts := gen.Articles(300, 1)
	var a, b bytes.Buffer
	gen.WriteJSONL(&a, arts[:200])
	gen.WriteJSONL(&b, arts[200:])
	const corrupt = `{"id":"doc-bad","text":"Ann in Par` // cut short
	const nul = `{"id":"doc-nul","text":"a\u0000b"}`
	partA := append(a.Bytes(), []byte(corrupt+"\n\n  \r\n"+nul+"\r\n")...)
	writeFile(t, filepath.Join(in, "a.jsonl"), partA)
	writeFile(t, filepath.Join(in, "b.ndjson.gz"), b.Bytes())
	texts := map[string]string{
		filepath.Join(in, "kaspersky.txt"): "UK Warns Agencies Off Kaspersky\r\n\r\nCiaran Martin said on Monday that Kaspersky Lab posed a risk. <b>&</b>",
		filepath.Join(in, "empty.txt"):     "",
	}
	for path, text := range texts {
		writeFile(t, path, []byte(text))
	}
	binary := filepath.Join(in, "binary.txt")
	writeFile(t, binary, []byte("GIF89a\x00\x01\xff"))

	// What glossa annotate --jsonl writes for the same documents.
	rec, err := choose.Recognizer("")
	if err != nil {
		t.Fatal(err)
	}
	var ref bytes.Buffer
	refIn := bytes.NewBuffer(slices.Clone(partA))
	refIn.Write(b.Bytes())
	for path, text := range texts {
		line, _ := json.Marshal(gen.Article{ID: path, Text: text})
		refIn.Write(append(line, '\n'))
	}
	failed, err := annotate.TagJSONL(refIn, &ref, new(bytes.Buffer), rec, claims.JSONL)
	if err != nil || failed != 2 {
		t.Fatalf("TagJSONL: %d failed, %v", failed, err)
	}
	want := byID(t, strings.Split(strings.TrimSuffix(ref.String(), "\n"), "\n"))

	out := filepath.Join(dir, "out", "tagged")
	os.Mkdir(filepath.Dir(out), 0o755)
	counts := run(t, corpus.Options{Input: filepath.Join(in, "*"), Output: out, Shards: 3})

	got := byID(t, readShards(t, out, 3))
	if len(got) != len(want) {
		t.Errorf("%d output lines, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("output line %d (sorted by id):\n%s\nwant (annotate --jsonl):\n%s", i+1, got[i], want[i])
		}
	}

	var dead []corpus.DeadLetter
	for _, l := range readLines(t, corpus.DeadLetterName(out)) {
		var d corpus.DeadLetter
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("dead letter %s: %v", l, err)
		}
		dead = append(dead, d)
	}
	slices.SortFunc(dead, func(a, b corpus.DeadLetter) int { return strings.Compare(a.Input, b.Input) })
	wantDead := []corpus.DeadLetter{
		{binary, `"text": not UTF-8 text: NUL byte at byte 6, this looks like binary data`},
		{corrupt, "bad input: not a JSON object: unexpected end of JSON input"},
		{nul, `"text": not UTF-8 text: NUL byte at byte 1, this looks like binary data`},
	}
	if !slices.Equal(dead, wantDead) {
		t.Errorf("dead letters\n%q\nwant\n%q", dead, wantDead)
	}

	var ents, cls int64
	for _, l := range want {
		var v struct{ Entities, Claims []json.RawMessage }
		json.Unmarshal([]byte(l), &v)
		ents += int64(len(v.Entities))
		cls += int64(len(v.Claims))
	}
	wantCounts := map[string]int64{
		corpus.CounterDocuments: int64(len(want)), corpus.CounterEntities: ents,
		corpus.CounterClaims: cls, corpus.CounterBadRecords: 3,
	}
	for name, n := range wantCounts {
		if counts[name] != n {
			t.Errorf("counter %s = %d, want %d", name, counts[name], n)
		}
	}
	if counts[corpus.CounterTokens] < 100*int64(len(want)) {
		t.Errorf("counter tokens = %d for %d documents", counts[corpus.CounterTokens], len(want))
	}
	if ents == 0 || cls == 0 {
		t.Errorf("the corpus has %d entities and %d claims: the test checks too little", ents, cls)
	}
}

// TestPipelineW3C writes one W3C collection per document, as glossa
// annotate FILE does: entities then claims, every annotation passing the
// W3C MUST assertions, markup escaped; the dead-letter file is written
// empty when nothing fails, and so is a shard no line falls in.
func TestPipelineW3C(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	arts := gen.Articles(3, 2)
	arts[0].Text += "\n\nAT&T <script> said so."
	var in bytes.Buffer
	gen.WriteJSONL(&in, arts)
	writeFile(t, filepath.Join(dir, "in.jsonl"), in.Bytes())
	out := filepath.Join(dir, "w3c")
	counts := run(t, corpus.Options{Input: filepath.Join(dir, "in.jsonl"), Output: out, Format: corpus.FormatW3C, Shards: 8})

	lines := readShards(t, out, 8)
	if len(lines) != len(arts) {
		t.Fatalf("%d collections for %d documents", len(lines), len(arts))
	}
	rec, _ := choose.Recognizer("")
	total := 0
	for _, l := range lines {
		if strings.ContainsAny(l, "<>&") {
			t.Errorf("markup is not escaped: %s", l)
		}
		for _, e := range suite.CheckCollection([]byte(l)) {
			t.Error(e)
		}
		var c w3c.Collection
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(arts, func(a gen.Article) bool {
			text, _ := annotate.NormalizeText([]byte(a.Text))
			return annotate.DocumentID(text) == c.First.Items[0].Target.Source
		})
		if i < 0 {
			t.Fatalf("collection %q is of no input document", c.Label)
		}
		d, err := annotate.Record{Text: arts[i].Text}.Tag(rec)
		if err != nil {
			t.Fatal(err)
		}
		n := len(d.Entities) + len(claims.Find(d, d.Entities))
		if c.Total != n || len(c.First.Items) != n || c.First.Items[0].Body[0].Value == string(annotate.Claim) {
			t.Errorf("collection of %s: %d items (total %d), want %d entities then claims", arts[i].ID, len(c.First.Items), c.Total, n)
		}
		total += n
	}
	if got := counts[corpus.CounterEntities] + counts[corpus.CounterClaims]; got != int64(total) {
		t.Errorf("counters: %d entities and claims, want %d", got, total)
	}
	if dead := readLines(t, corpus.DeadLetterName(out)); len(dead) != 0 {
		t.Errorf("dead letters %q for good input", dead)
	}
}

func TestBuildChecksOptions(t *testing.T) {
	good := corpus.Options{Input: "in/*.jsonl", Output: "out/tagged", Shards: 4}
	tests := []struct {
		name string
		edit func(*corpus.Options)
		want string // a part of the error; "" for none
	}{
		{"good", func(*corpus.Options) {}, ""},
		{"w3c", func(o *corpus.Options) { o.Format = corpus.FormatW3C }, ""},
		{"no input", func(o *corpus.Options) { o.Input = "" }, "--input=GLOB"},
		{"no output", func(o *corpus.Options) { o.Output = "" }, "--output=PREFIX"},
		{"bad format", func(o *corpus.Options) { o.Format = "csv" }, "give jsonl or w3c"},
		{"bad input format", func(o *corpus.Options) { o.InputFormat = "xml" }, "give auto, jsonl or text"},
		{"no shards", func(o *corpus.Options) { o.Shards = 0 }, "give 1 to 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := good
			tt.edit(&o)
			_, s := beam.NewPipelineWithRoot()
			err := corpus.Build(s, o)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Build: %v", err)
			case tt.want != "" && (err == nil || !errors.Is(err, corpus.ErrBadOptions) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Build error %v, want ErrBadOptions with %q", err, tt.want)
			}
		})
	}
}

func TestCheckModel(t *testing.T) {
	ctx := context.Background()
	if err := corpus.CheckModel(ctx, ""); err != nil {
		t.Errorf("the built-in model: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.model")
	os.WriteFile(bad, []byte("no model"), 0o644)
	if err := corpus.CheckModel(ctx, bad); err == nil || !strings.Contains(err.Error(), "--model "+bad) {
		t.Errorf("a bad model file: %v", err)
	}
	if err := corpus.CheckModel(ctx, bad+".none"); err == nil || !strings.Contains(err.Error(), "--model") {
		t.Errorf("a missing model file: %v", err)
	}
}

// TestPipelineDamagedGzip: a gzipped file that breaks off is a bad record,
// and the run still finishes.
func TestPipelineDamagedGzip(t *testing.T) {
	dir := t.TempDir()
	var in, z bytes.Buffer
	gen.WriteJSONL(&in, gen.Articles(20, 3))
	zw := gzip.NewWriter(&z)
	zw.Write(in.Bytes())
	zw.Close()
	damaged := filepath.Join(dir, "in.jsonl.gz")
	if err := os.WriteFile(damaged, z.Bytes()[:z.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	counts := run(t, corpus.Options{Input: damaged, Output: out, Shards: 1})
	dead := readLines(t, corpus.DeadLetterName(out))
	var d corpus.DeadLetter
	if len(dead) == 1 {
		json.Unmarshal([]byte(dead[0]), &d)
	}
	if d.Input != damaged || !strings.Contains(d.Error, "reading the file: unexpected EOF") {
		t.Errorf("dead letters %q, want the file's break alone (the line it broke off in is dropped)", dead)
	}
	if n := int64(len(readShards(t, out, 1))); n != counts[corpus.CounterDocuments] || n == 0 || n >= 20 {
		t.Errorf("%d lines written, %d documents counted, of 20 in a file broken halfway", n, counts[corpus.CounterDocuments])
	}
}
