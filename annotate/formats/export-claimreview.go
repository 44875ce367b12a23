package formats

import (
	"io"
	"time"

	"glossa/annotate"
)

// ClaimReview is a schema.org ClaimReview (https://schema.org/ClaimReview)
// of one claim note that has a verdict.
type ClaimReview struct {
	Type          string   `json:"@type"` // "ClaimReview"
	ID            string   `json:"@id"`   // the note's id
	ClaimReviewed string   `json:"claimReviewed"`
	DatePublished string   `json:"datePublished"` // the note's Modified day, YYYY-MM-DD
	Author        crThing  `json:"author"`        // the reader
	ReviewRating  crRating `json:"reviewRating"`
	ItemReviewed  crClaim  `json:"itemReviewed"`
	ReviewBody    string   `json:"reviewBody,omitempty"` // the comment
	Citation      string   `json:"citation,omitempty"`   // the evidence URL
	Keywords      []string `json:"keywords,omitempty"`   // the tags
}

type crThing struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

type crRating struct {
	Type          string `json:"@type"` // "Rating"
	AlternateName string `json:"alternateName"`
}

type crClaim struct {
	Type       string        `json:"@type"` // "Claim"
	Author     *crThing      `json:"author,omitempty"`
	Appearance *crAppearance `json:"appearance,omitempty"`
}

type crAppearance struct {
	Type     string `json:"@type"` // "CreativeWork"
	URL      string `json:"url,omitempty"`
	Name     string `json:"name,omitempty"`
	Headline string `json:"headline,omitempty"`
}

// ExportClaimReview writes the bundle's claims that have a verdict as
// schema.org ClaimReview JSON-LD: {"@context": "https://schema.org",
// "@graph": [ClaimReview, …]}, by article then in document order. Each
// review has claimReviewed (the quoted claim), reviewRating {"@type":
// "Rating", "alternateName": the verdict}, itemReviewed {"@type": "Claim",
// "author": the speaker, "appearance": the article}, the reader as author,
// and the comment, evidence and tags as reviewBody, citation and keywords.
// The speaker is a Person when it is a PERSON note or a typed name, an
// Organization for an ORG note, else a Thing; the appearance is a
// CreativeWork whose url is the article's source when that is an http(s)
// URL (annotate.CanonicalURL, in canonical form; else its name), headlined
// by the title. Claims without a verdict are left out: a review needs a
// rating.
func ExportClaimReview(b Bundle, w io.Writer) error {
	arts, err := articles(b, "claimreview")
	if err != nil {
		return err
	}
	graph := []ClaimReview{}
	for _, a := range arts {
		for _, n := range a.Notes {
			if n.Label != annotate.Claim || n.Verdict == annotate.Unverified {
				continue
			}
			graph = append(graph, claimReview(a, n))
		}
	}
	return encodeJSON(w, struct {
		Context string        `json:"@context"`
		Graph   []ClaimReview `json:"@graph"`
	}{"https://schema.org", graph}, "  ")
}

func claimReview(a article, n annotate.Note) ClaimReview {
	r := ClaimReview{
		Type:          "ClaimReview",
		ID:            n.ID,
		ClaimReviewed: a.doc.Text.Slice(n.Span.Start, n.Span.End),
		DatePublished: n.Modified.UTC().Format(time.DateOnly),
		Author:        crThing{Type: "Person", Name: n.Creator.Name, URL: n.Creator.ID},
		ReviewRating:  crRating{Type: "Rating", AlternateName: n.Verdict.String()},
		ItemReviewed:  crClaim{Type: "Claim"},
		ReviewBody:    n.Comment,
		Citation:      n.Evidence,
		Keywords:      n.Tags,
	}
	if name := speakerName(a, n); name != "" {
		typ := "Person"
		for _, o := range a.Notes {
			if o.ID == n.Speaker.AnnotationID {
				switch o.Label {
				case annotate.Person:
				case annotate.Org:
					typ = "Organization"
				default:
					typ = "Thing"
				}
			}
		}
		r.ItemReviewed.Author = &crThing{Type: typ, Name: name}
	}
	app := &crAppearance{Type: "CreativeWork", Headline: a.title}
	if u, err := annotate.CanonicalURL(a.Meta.Source); err == nil {
		app.URL = u
	} else if a.Meta.Source != "" {
		app.Name = a.Meta.Source
	}
	r.ItemReviewed.Appearance = app
	return r
}
