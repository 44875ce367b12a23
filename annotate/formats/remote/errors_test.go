package remote

import (
	"errors"
	"fmt"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
)

// TestFaultKeepsWhatThePageExplains checks that an error sent as a Fault
// reads on the other side as it did: the same text, the same sentinels
// for errors.Is, the same limit for errors.As.
func TestFaultKeepsWhatThePageExplains(t *testing.T) {
	limit := &annotate.LimitError{What: "comment", Got: 20001, Limit: 20000, Unit: "code points"}
	cases := []error{
		fmt.Errorf("import a.jsonld: line 3: %w: \"target\" is missing", annotate.ErrBadInput),
		fmt.Errorf("export claimreview: %w", ErrNoReviewURL),
		fmt.Errorf("import x.txt: %w", ErrUnsupportedFormat),
		fmt.Errorf("saving: %w", fmt.Errorf("%w: QuotaExceededError", library.ErrQuota)),
		fmt.Errorf("import b.jsonld: note 2: %w", limit),
		fmt.Errorf("load: %w: %w", library.ErrCorrupt, annotate.ErrBadInput),
		errors.New("something else"),
	}
	for _, want := range cases {
		got := DecodeFault(EncodeFault(want))
		if got == nil || got.Error() != want.Error() {
			t.Errorf("%v came back as %v", want, got)
			continue
		}
		for _, k := range kinds {
			if errors.Is(got, k.err) != errors.Is(want, k.err) {
				t.Errorf("%v: errors.Is(%v) is %v after crossing", want, k.err, errors.Is(got, k.err))
			}
		}
		var gl, wl *annotate.LimitError
		if errors.As(got, &gl) != errors.As(want, &wl) || wl != nil && *gl != *wl {
			t.Errorf("%v: limit %+v after crossing, want %+v", want, gl, wl)
		}
	}
	if DecodeFault("") != nil || FaultOf(nil) != nil {
		t.Error("no error should cross as no error")
	}
	if err := DecodeFault("not json"); err == nil || err.Error() == "" {
		t.Errorf("a fault that cannot be read: %v", err)
	}
}
