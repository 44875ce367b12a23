package formats

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"glossa/annotate"
	"glossa/annotate/w3c"
)

// CSVHeader is the header row of ExportCSV.
var CSVHeader = []string{"document", "label", "quote", "start", "end", "comment", "tags", "speaker", "verdict", "evidence", "created", "creator"}

// ExportCSV writes one row per note for spreadsheets, after CSVHeader:
// the article's title, the label, the quoted text, start and end (code
// points, end exclusive), the comment, the tags joined by "; ", the
// claim's speaker (the typed name, or the text of the speaker's note),
// its verdict ("unverified" for a claim without one, empty for entities),
// its evidence URL, the creation time (RFC 3339, UTC) and the creator's
// name (empty for an unsigned note, see Unsigned: Glossa invents none). Rows go by
// article, then in document order. The file is RFC 4180: UTF-8 without a
// byte-order mark, CRLF row ends, fields with commas, quotes or line
// breaks quoted (encoding/csv).
//
// Against CSV formula injection (OWASP), a text cell that starts with =,
// +, -, @, a tab or a carriage return gets a leading apostrophe, so a
// spreadsheet shows it as text instead of running it: a quote "-5 %"
// reads "'-5 %". Orphans are not written: they have no place in the text.
func ExportCSV(b Bundle, w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	arts, err := articles(b, "csv")
	if err != nil {
		return err
	}
	for _, a := range arts {
		for _, n := range a.Notes {
			verdict := ""
			if n.Label == annotate.Claim {
				verdict = n.Verdict.String()
			}
			row := []string{
				cell(a.title), cell(string(n.Label)), cell(a.doc.Text.Slice(n.Span.Start, n.Span.End)),
				strconv.Itoa(n.Span.Start), strconv.Itoa(n.Span.End),
				cell(n.Comment), cell(strings.Join(n.Tags, "; ")), cell(speakerName(a, n)),
				verdict, cell(n.Evidence), w3c.Timestamp(n.Created), cell(creatorName(n.Creator)),
			}
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("export csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// cell guards a text cell against formula injection.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// speakerName returns a claim's speaker as text: the typed name, or the
// quote of the speaker's note.
func speakerName(a article, n annotate.Note) string {
	if n.Speaker.Name != "" {
		return n.Speaker.Name
	}
	for _, o := range a.Notes {
		if o.ID == n.Speaker.AnnotationID && n.Speaker.AnnotationID != "" {
			return a.doc.Text.Slice(o.Span.Start, o.Span.End)
		}
	}
	return ""
}
