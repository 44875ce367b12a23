package claims_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/w3c"
	"glossa/annotate/w3ctest"
)

// TestCollectionPassesW3C adds the sample's claims to its entity
// collection: every annotation passes the W3C MUST assertions, claims link
// their speaker to its entity's annotation or name it, and each, once a
// reader accepts it, reads back as a claim note with that speaker.
func TestCollectionPassesW3C(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	d, ents, _ := sampleDoc(t)
	d.Entities = ents
	n := 0
	newID := func() string { n++; return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n) }
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	coll := w3c.EntityCollection(d, "test recognizer", newID, now)
	entityItems := len(coll.First.Items)
	found := claims.Find(d, ents)
	claims.AddToCollection(&coll, d, found, newID, now)
	if coll.Total != entityItems+len(found) || len(coll.First.Items) != coll.Total {
		t.Fatalf("total %d, %d items, for %d entities and %d claims", coll.Total, len(coll.First.Items), entityItems, len(found))
	}
	raw, err := json.Marshal(coll)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range suite.CheckCollection(raw) {
		t.Error(e)
	}
	byID := map[string]w3c.Annotation{}
	for _, a := range coll.First.Items {
		byID[a.ID] = a
	}
	linked := 0
	for i, a := range coll.First.Items[entityItems:] {
		c := found[i]
		if a.Creator == nil || a.Creator.Type != "Software" || a.Creator.Name != claims.Name {
			t.Errorf("claim %q: creator %+v, want the software %q", c.Text, a.Creator, claims.Name)
		}
		// Accepted: the reader creates it, the finder proposed it.
		a.Creator, a.ProposedBy, a.Context = annotate.Reader("me"), annotate.Software(claims.Name), w3c.Context{Glossa: true}
		note, err := w3c.NoteFromAnnotation(a, d)
		if err != nil {
			t.Errorf("claim %q does not read back as a note: %v", c.Text, err)
			continue
		}
		if note.Label != annotate.Claim || note.Span != c.Span {
			t.Errorf("claim %q reads back as %s at %+v", c.Text, note.Label, note.Span)
		}
		switch sp := note.Speaker; {
		case sp.AnnotationID != "":
			linked++
			e := byID[sp.AnnotationID]
			if c.Entity == nil || e.Target.Position.Start != c.Entity.Start || e.Body[0].Value != string(c.Entity.Label) {
				t.Errorf("claim %q links to %s, not to its entity %+v", c.Text, sp.AnnotationID, c.Entity)
			}
		case sp.Name != c.SpeakerName:
			t.Errorf("claim %q: speaker %q, want %q", c.Text, sp.Name, c.SpeakerName)
		}
	}
	if linked == 0 {
		t.Error("no claim links its speaker to an entity annotation")
	}
}

// TestCollection checks that Collection is the entity collection with the
// claims of its entities added.
func TestCollection(t *testing.T) {
	d, ents, _ := sampleDoc(t)
	d.Entities = ents
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ids := func() annotate.IDFunc {
		n := 0
		return func() string { n++; return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n) }
	}
	got := claims.Collection(d, "test recognizer", ids(), now)
	newID := ids()
	want := w3c.EntityCollection(d, "test recognizer", newID, now)
	claims.AddToCollection(&want, d, claims.Find(d, ents), newID, now)
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("Collection =\n%s\nwant\n%s", g, w)
	}
	if got.Total <= len(ents) {
		t.Errorf("total %d for %d entities: no claims added", got.Total, len(ents))
	}
}

// TestClaimJSON holds a claim's JSON to the shape of the batch mode's
// "claims" lists.
func TestClaimJSON(t *testing.T) {
	_, cs := find(t, `“We will win,” Anna Smith said. It was reported that the plan was dead.`)
	b, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	// front is 49 code points; “ is the 50th.
	want := `[{"start":50,"end":61,"text":"We will win","kind":"direct","cue":{"start":75,"end":79,"text":"said"},` +
		`"speaker":{"start":64,"end":74,"text":"Anna Smith"},"speaker_name":"Anna Smith"},` +
		`{"start":102,"end":119,"text":"the plan was dead","kind":"indirect","cue":{"start":88,"end":96,"text":"reported"},` +
		`"speaker":null,"speaker_name":""}]`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
	d := annotate.NewDocument(front + "No one said anything.")
	if b, _ := json.Marshal(claims.JSONL(d)); string(b) != "[]" {
		t.Errorf("JSONL of a text without claims: %s, want []", b)
	}
	if n := len([]rune(front)); n != 49 {
		t.Fatalf("front is %d code points, the offsets above count 49", n)
	}
}
