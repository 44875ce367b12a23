package annotate

// Span is a half-open range [Start, End) of a document's text.
type Span struct {
	Start int `json:"start"` // code points, inclusive
	End   int `json:"end"`   // code points, exclusive
}

// Len returns the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }
