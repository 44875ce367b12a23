package annotate_test

import (
	"fmt"
	"reflect"
	"testing"
	"unicode"

	"glossa/annotate"
)

// steps applies n operations to w, cycling through create, comment, tag,
// relabel and delete, and returns every state: states[0] is w and
// states[i] the state after operation i.
func steps(t *testing.T, w annotate.Workspace, n int) []annotate.Workspace {
	t.Helper()
	var spans []annotate.Span // every run of non-space code points
	start := -1
	for p, r := range []rune(w.Doc.Text.String() + " ") {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			spans = append(spans, annotate.Span{Start: start, End: p})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = p
		}
	}
	states := []annotate.Workspace{w}
	made := 0 // notes made: id(100) to id(100+made-1), each on its own span
	for i := range n {
		var err error
		switch i % 5 {
		case 0, 1:
			w, err = w.Create(spans[made%len(spans)], annotate.AllLabels[made/len(spans)], id(100+made), nil, t0)
			made++
		case 2:
			w, err = w.SetComment(id(100+made-1), fmt.Sprintf("step %d", i), t1)
		case 3:
			w, err = w.SetTags(id(100+made-1), []string{fmt.Sprint("t", i)}, t1)
		case 4:
			w, err = w.Delete(id(100+made-2), t1)
		}
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		states = append(states, clone(w))
	}
	return states
}

func TestHistory(t *testing.T) {
	start := baseWorkspace()
	states := steps(t, start, 150)
	h := annotate.NewHistory(start)
	if h.CanUndo() || h.CanRedo() {
		t.Fatal("a new history can undo or redo")
	}
	for _, w := range states[1:] {
		h = h.Do(w)
	}
	t.Run("150 steps then 100 undos", func(t *testing.T) {
		u := h
		for i := range 100 {
			var ok bool
			if u, ok = u.Undo(); !ok {
				t.Fatalf("undo %d refused", i+1)
			}
		}
		if !reflect.DeepEqual(u.Current(), states[50]) {
			t.Fatal("100 undos after 150 steps do not give the state after step 50")
		}
		if !u.CanUndo() || !u.CanRedo() {
			t.Error("can't undo or redo in the middle")
		}
		r, ok := u.Redo()
		if !ok || !reflect.DeepEqual(r.Current(), states[51]) {
			t.Error("redo does not give the state after step 51")
		}
		if !reflect.DeepEqual(h.Current(), states[150]) {
			t.Error("undoing changed the history it started from")
		}
		for i := range 100 {
			var ok bool
			if r, ok = r.Redo(); !ok {
				if i != 99 {
					t.Fatalf("redo %d refused", i+2)
				}
			}
		}
		if !reflect.DeepEqual(r.Current(), states[150]) || r.CanRedo() {
			t.Error("redoing everything does not come back to the last state")
		}
	})
	t.Run("do after undo clears redo", func(t *testing.T) {
		u, _ := h.Undo()
		u, _ = u.Undo()
		w := must(u.Current().SetComment(id(101), "new branch", t1))
		n := u.Do(w)
		if n.CanRedo() {
			t.Error("redo still possible after a new step")
		}
		if _, ok := n.Redo(); ok {
			t.Error("Redo succeeded after a new step")
		}
		back, _ := n.Undo()
		if !reflect.DeepEqual(back.Current(), states[148]) {
			t.Error("undoing the new step does not give the state it branched from")
		}
		// The history u branched from is intact: another branch from it
		// must not see the first one.
		w2 := must(u.Current().SetComment(id(101), "other branch", t1))
		m := u.Do(w2)
		if c, _ := n.Current().Note(id(101)); c.Comment != "new branch" {
			t.Errorf("first branch now says %q", c.Comment)
		}
		mb, _ := m.Undo()
		nb, _ := n.Undo()
		if !reflect.DeepEqual(mb.Current(), nb.Current()) {
			t.Error("two branches from one history undo to different states")
		}
		if r, ok := u.Redo(); !ok || !reflect.DeepEqual(r.Current(), states[149]) {
			t.Error("the history both branched from lost its redo")
		}
	})
	t.Run("keeps the newest 200 steps", func(t *testing.T) {
		all := steps(t, start, 250)
		h := annotate.NewHistory(start)
		for _, w := range all[1:] {
			h = h.Do(w)
		}
		undos := 0
		for h.CanUndo() {
			h, _ = h.Undo()
			undos++
		}
		if undos != annotate.HistoryLimit || !reflect.DeepEqual(h.Current(), all[50]) {
			t.Errorf("%d undos, want %d back to the state after step 50", undos, annotate.HistoryLimit)
		}
		if _, ok := h.Undo(); ok {
			t.Error("Undo past the limit succeeded")
		}
	})
	t.Run("an unchanged workspace is not a step", func(t *testing.T) {
		w := h.Current()
		same, _ := w.Relabel(id(1), annotate.Person, t1) // already PERSON
		failed, err := w.Delete(id(9999), t1)
		if err == nil {
			t.Fatal("deleting a missing note succeeded")
		}
		n := h.Do(same).Do(failed).Do(w)
		u1, _ := n.Undo()
		u2, _ := h.Undo()
		if !reflect.DeepEqual(u1.Current(), u2.Current()) {
			t.Error("doing unchanged workspaces added undo steps")
		}
	})
	t.Run("undo and redo at the ends", func(t *testing.T) {
		h := annotate.NewHistory(start)
		if u, ok := h.Undo(); ok || !reflect.DeepEqual(u.Current(), start) {
			t.Error("Undo on a new history succeeded or changed it")
		}
		if r, ok := h.Redo(); ok || !reflect.DeepEqual(r.Current(), start) {
			t.Error("Redo on a new history succeeded or changed it")
		}
	})
}
