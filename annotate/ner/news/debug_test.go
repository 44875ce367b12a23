package news

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugErrors(t *testing.T) {
	f2, _ := os.Open("/work/data/conll2003/valid.txt")
	dev, _ := ReadCoNLL(f2)
	data, _ := os.ReadFile("/tmp/news.model")
	m, _ := ParseModel(data)
	out, _ := os.Create("/tmp/errors.txt")
	defer out.Close()
	for _, doc := range dev {
		tags := m.Tag(prepare(doc, m), nil)
		for i, s := range doc {
			var pred []Mention
			for _, c := range chunks(tags[i]) {
				pred = append(pred, Mention{c.start, c.end, m.info.Types[c.typ]})
			}
			g := map[Mention]bool{}
			for _, e := range s.Entities { g[e] = true }
			p := map[Mention]bool{}
			for _, e := range pred { p[e] = true }
			for _, e := range s.Entities {
				if !p[e] { fmt.Fprintf(out, "MISS %s %q | %s\n", e.Type, strings.Join(s.Words[e.Start:e.End], " "), strings.Join(s.Words, " ")) }
			}
			for _, e := range pred {
				if !g[e] { fmt.Fprintf(out, "FP   %s %q | %s\n", e.Type, strings.Join(s.Words[e.Start:e.End], " "), strings.Join(s.Words, " ")) }
			}
		}
	}
}
