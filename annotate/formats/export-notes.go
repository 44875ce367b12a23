package formats

import (
	"fmt"
	"strings"

	"glossa/annotate"
)

// Unsigned reports whether a note's creator is the reader before they set
// a name: annotate.DefaultPersonName and no id. Exports do not pass that
// placeholder off as a name: the W3C export writes such a creator as a
// Person without a name, the CSV export an empty creator, and ExportNotes
// says how many notes are unsigned.
func Unsigned(a annotate.Agent) bool {
	return a.Name == annotate.DefaultPersonName && a.ID == ""
}

// creatorName is a creator's name as exports write it: "" when unsigned.
func creatorName(a annotate.Agent) string {
	if Unsigned(a) {
		return ""
	}
	return a.Name
}

// ExportNotes says, in sentences a reader understands, what an export of
// b in format f leaves out or lacks, and why: claims a training-data
// format has no place for, overlapping entities, claims without a verdict
// in ClaimReview, a review without an author, unsigned notes, orphans.
// Nothing when the export carries everything. The app shows them with the
// export's result, and `glossa export` prints them; they are not errors.
func (f Format) ExportNotes(b Bundle) []string {
	var claims, unverified, unsigned, orphans, overlapping int
	for _, d := range b.Docs {
		orphans += len(d.Orphans)
		for _, n := range d.Notes {
			if n.Label == annotate.Claim {
				claims++
				if n.Verdict == annotate.Unverified {
					unverified++
				}
			}
			if Unsigned(n.Creator) {
				unsigned++
			}
		}
		kept, all := NonOverlapping(d.Notes)
		overlapping += len(all) - len(kept)
	}
	var out []string
	switch f.Name {
	case FormatDoccano.Name, FormatSpacy.Name:
		if claims > 0 {
			tool := map[string]string{FormatDoccano.Name: "doccano", FormatSpacy.Name: "spaCy"}[f.Name]
			out = append(out, fmt.Sprintf("%s left out: %s NER training data holds entities only.", count(claims, "claim is", "claims are"), tool))
		}
		if overlapping > 0 && f.Name == FormatDoccano.Name {
			out = append(out, fmt.Sprintf("%s left out: doccano's labels cannot overlap, so where entities overlap the reader's own is kept over an accepted suggestion, then the longer, then the earlier.", count(overlapping, "overlapping entity is", "overlapping entities are")))
		}
		if overlapping > 0 && f.Name == FormatSpacy.Name {
			out = append(out, fmt.Sprintf("%s only in the span group %q, not in \"ents\": spaCy's entities cannot overlap, so the reader's own is kept over an accepted suggestion, then the longer, then the earlier.", count(overlapping, "overlapping entity is", "overlapping entities are"), SpacyGroup))
		}
	case FormatClaimReview.Name:
		if unverified > 0 {
			out = append(out, fmt.Sprintf("%s left out: a review needs a rating.", count(unverified, "claim without a verdict is", "claims without a verdict are")))
		}
		if claims > unverified && readerAuthor(b.Reader) == nil {
			out = append(out, "The reviews have no author: set your name or organisation in Settings.")
		}
	case FormatW3C.Name, FormatCSV.Name:
		if unsigned > 0 {
			out = append(out, fmt.Sprintf("%s unsigned (made before you set your name): the export names no creator for them.", count(unsigned, "annotation is", "annotations are")))
		}
	}
	if orphans > 0 && f.Name != FormatW3C.Name {
		out = append(out, fmt.Sprintf("%s left out: they have no place in the text (the W3C export keeps them).", count(orphans, "imported annotation that could not be placed is", "imported annotations that could not be placed are")))
	}
	return out
}

// count writes n with the singular or plural words: "1 claim is", "2
// claims are".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// JoinNotes joins export notes into one paragraph.
func JoinNotes(notes []string) string { return strings.Join(notes, " ") }
