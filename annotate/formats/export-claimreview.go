package formats

import (
	"fmt"
	"io"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats/remote"
)

// ClaimReview is a schema.org ClaimReview (https://schema.org/ClaimReview)
// of one claim note that has a verdict, with the fields Google's
// fact-check documentation asks for
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
// url, claimReviewed, reviewRating, author, itemReviewed and
// datePublished.
type ClaimReview struct {
	Type          string   `json:"@type"` // "ClaimReview"
	ID            string   `json:"@id"`   // the note's id
	URL           string   `json:"url"`   // the article's review URL
	ClaimReviewed string   `json:"claimReviewed"`
	DatePublished string   `json:"datePublished"`    // the note's Modified day, YYYY-MM-DD
	Author        *crThing `json:"author,omitempty"` // the reader, when they said who they are
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
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
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

// ErrNoReviewURL marks a ClaimReview export of an article without a review
// URL (library.DocMeta.ReviewURL): every ClaimReview needs the URL of the
// page that publishes it.
var ErrNoReviewURL = remote.ErrNoReviewURL

// The rating scale of ExportClaimReview: 1 (worst) to 5 (best).
const (
	WorstRating = 1
	BestRating  = 5
)

// Ratings maps each verdict with a rating to its reviewRating: its
// ratingValue on the scale WorstRating to BestRating, and its
// alternateName, the verdict in words. 4 ("mostly true" on some fact
// checkers' scales) is not used: Glossa has no such verdict. An unverified
// claim has no rating and no review.
var Ratings = map[annotate.Verdict]struct {
	Value int
	Name  string
}{
	annotate.False:      {1, "False"},
	annotate.Misleading: {2, "Misleading"},
	annotate.Disputed:   {3, "Disputed"},
	annotate.Supported:  {5, "Supported"},
}

// ExportClaimReview writes the bundle's claims that have a verdict as
// schema.org ClaimReview JSON-LD: {"@context": "https://schema.org",
// "@graph": [ClaimReview, …]}, by article then in document order. Each
// review has:
//
//   - url: the article's review URL (library.DocMeta.ReviewURL), the page
//     where the reader publishes their fact check. An article with a
//     reviewed claim but no review URL is an error wrapping
//     ErrNoReviewURL that names the article and the fix;
//   - claimReviewed: the quoted claim;
//   - reviewRating: {"@type": "Rating", "ratingValue", "bestRating": 5,
//     "worstRating": 1, "alternateName"}, by Ratings;
//   - author: the reader (Bundle.Reader): an Organization named by their
//     organisation when they gave one, else a Person named by their name;
//     left out when they gave neither (ExportNotes says so): Glossa does
//     not invent one;
//   - itemReviewed: {"@type": "Claim", "author": the speaker,
//     "appearance": the article}. The speaker is a Person when it is a
//     PERSON note or a typed name, an Organization for an ORG note, else a
//     Thing; the appearance is a CreativeWork whose url is the article's
//     source when that is an http(s) URL (annotate.CanonicalURL, in
//     canonical form; else its name), headlined by the title;
//   - datePublished: the day the note was last changed (UTC);
//   - the comment, evidence and tags as reviewBody, citation and keywords.
//
// Claims without a verdict are left out: a review needs a rating. The
// output escapes <, > and & (see encodeJSON), so it can go into a <script
// type="application/ld+json"> element as it is.
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
			if a.Meta.ReviewURL == "" {
				return fmt.Errorf("export claimreview: %w for “%s”: set “Review URL for this article” in Settings to the page where your fact check is published, then export again", ErrNoReviewURL, a.title)
			}
			graph = append(graph, claimReview(a, n, b.Reader))
		}
	}
	return encodeJSON(w, struct {
		Context string        `json:"@context"`
		Graph   []ClaimReview `json:"@graph"`
	}{"https://schema.org", graph}, "  ")
}

// readerAuthor is the author of the reader's reviews: their organisation,
// else their name, else nil.
func readerAuthor(r Identity) *crThing {
	switch {
	case r.Org != "":
		return &crThing{Type: "Organization", Name: r.Org}
	case r.Name != "":
		return &crThing{Type: "Person", Name: r.Name}
	}
	return nil
}

func claimReview(a article, n annotate.Note, reader Identity) ClaimReview {
	rating := Ratings[n.Verdict]
	r := ClaimReview{
		Type:          "ClaimReview",
		ID:            n.ID,
		URL:           a.Meta.ReviewURL,
		ClaimReviewed: a.doc.Text.Slice(n.Span.Start, n.Span.End),
		DatePublished: n.Modified.UTC().Format(time.DateOnly),
		Author:        readerAuthor(reader),
		ReviewRating: crRating{Type: "Rating", RatingValue: rating.Value, BestRating: BestRating, WorstRating: WorstRating,
			AlternateName: rating.Name},
		ItemReviewed: crClaim{Type: "Claim"},
		ReviewBody:   n.Comment,
		Citation:     n.Evidence,
		Keywords:     n.Tags,
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
