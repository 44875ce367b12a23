package formats

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"glossa/annotate/w3c"
)

// Format is a file format Glossa exports, and for some also imports.
type Format struct {
	Name      string // as the CLI's -format flag takes it: "w3c", "doccano", …
	Ext       string // file name extension, with its dot: ".jsonld"
	MediaType string // for downloads
	// Import reports whether Import reads the format back.
	Import bool
}

// The formats. Their extensions differ, so a file name tells its format
// (see FormatForFile); the longest matching extension wins.
var (
	// FormatW3C is W3C Web Annotation JSON-LD, the default and the only
	// format that carries everything (see ExportW3C).
	FormatW3C = Format{Name: "w3c", Ext: ".jsonld", MediaType: w3c.MediaType, Import: true}
	// FormatDoccano is doccano's sequence-labelling JSONL (see ExportDoccano).
	FormatDoccano = Format{Name: "doccano", Ext: ".doccano.jsonl", MediaType: "application/jsonl", Import: true}
	// FormatSpacy is spaCy-style span JSONL (see ExportSpacy).
	FormatSpacy = Format{Name: "spacy", Ext: ".spacy.jsonl", MediaType: "application/jsonl", Import: true}
	// FormatBrat is brat standoff, zipped (see ExportBrat).
	FormatBrat = Format{Name: "brat", Ext: ".brat.zip", MediaType: "application/zip", Import: true}
	// FormatCSV is a spreadsheet of annotations (see ExportCSV).
	FormatCSV = Format{Name: "csv", Ext: ".csv", MediaType: "text/csv; charset=utf-8; header=present"}
	// FormatClaimReview is schema.org ClaimReview JSON-LD (see
	// ExportClaimReview).
	FormatClaimReview = Format{Name: "claimreview", Ext: ".claimreview.jsonld", MediaType: "application/ld+json"}
)

// Formats lists every format, the default first.
var Formats = []Format{FormatW3C, FormatDoccano, FormatSpacy, FormatBrat, FormatCSV, FormatClaimReview}

// extAliases are further extensions that name a format when reading a file
// name: what other tools call these files.
var extAliases = map[string]Format{
	".json":  FormatW3C,
	".jsonl": FormatDoccano,
	".zip":   FormatBrat,
	".ann":   FormatBrat,
}

// FormatByName returns the format with the given name (case-insensitive).
func FormatByName(name string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(f.Name, name) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return Format{}, fmt.Errorf("%w %q: want one of %s", ErrUnsupportedFormat, name, strings.Join(names, ", "))
}

// FormatForFile returns the format a file name's extension names, the
// longest matching one winning: "a.spacy.jsonl" is FormatSpacy,
// "a.jsonld" and "a.json" FormatW3C, "a.jsonl" FormatDoccano, "a.zip"
// and "a.ann" FormatBrat.
func FormatForFile(name string) (Format, error) {
	lower := strings.ToLower(name)
	best, found := Format{}, ""
	for _, f := range Formats {
		if strings.HasSuffix(lower, f.Ext) && len(f.Ext) > len(found) {
			best, found = f, f.Ext
		}
	}
	for ext, f := range extAliases {
		if strings.HasSuffix(lower, ext) && len(ext) > len(found) {
			best, found = f, ext
		}
	}
	if found == "" {
		return Format{}, fmt.Errorf("%w: %s: the extension names no format (want .jsonld, .doccano.jsonl, .spacy.jsonl, .brat.zip, .csv or .claimreview.jsonld)", ErrUnsupportedFormat, name)
	}
	return best, nil
}

// Export writes b in the format f.
func (f Format) Export(b Bundle, w io.Writer) error {
	switch f.Name {
	case FormatW3C.Name:
		return ExportW3C(b, w)
	case FormatDoccano.Name:
		return ExportDoccano(b, w)
	case FormatSpacy.Name:
		return ExportSpacy(b, w)
	case FormatBrat.Name:
		return ExportBrat(b, w)
	case FormatCSV.Name:
		return ExportCSV(b, w)
	case FormatClaimReview.Name:
		return ExportClaimReview(b, w)
	}
	return fmt.Errorf("export: %w %q", ErrUnsupportedFormat, f.Name)
}

// maxSlug is the longest title slug ExportFileName writes, in code points.
const maxSlug = 50

// ExportFileName returns the name for an export of the article (or library)
// titled title, made at now: the title's slug, the date of now in now's
// location, and the format's extension, as in
// "amid-concerns-of-russian-snooping-2026-11-27.jsonld". The slug is the
// title up to its first clause break (a comma, colon, semicolon, dash or
// bar) when that leaves a dozen characters or more, lower-cased, with every
// run of other than letters and digits turned into one hyphen, cut at a
// hyphen to at most 50 code points; "glossa" when nothing is left.
func ExportFileName(title string, format Format, now time.Time) string {
	return Slug(title) + "-" + now.Format(time.DateOnly) + format.Ext
}

// Slug turns a title into a file name part as ExportFileName describes.
func Slug(title string) string {
	if i := strings.IndexAny(title, ",:;|—–"); i >= 0 && utf8.RuneCountInString(title[:i]) >= 12 {
		title = title[:i]
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r): // combining marks stay with their letter
			if b.Len() > 0 && !dash {
				b.WriteRune(r)
			}
		case r == '\'' || r == '’': // "Britain's" is one word
		default:
			dash = true
		}
	}
	s := b.String()
	if utf8.RuneCountInString(s) > maxSlug {
		rs := []rune(s)[:maxSlug+1]
		cut := maxSlug
		for i := maxSlug; i > 0; i-- {
			if rs[i] == '-' {
				cut = i
				break
			}
		}
		s = string(rs[:cut])
	}
	if s == "" {
		return "glossa"
	}
	return s
}
