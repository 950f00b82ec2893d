package authorship

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"testing"
)

// TestRestore: a history stopped after some revisions, encoded, decoded
// and restored attributes the next revisions exactly as one never stopped.
func TestRestore(t *testing.T) {
	g := newGenerator(7)
	docs := []doc{g.first(6)}
	for len(docs) < 60 {
		docs = append(docs, g.next()...)
	}
	whole := New()
	var want []string
	for i, d := range docs {
		want = append(want, attributed(whole.Add(Revision{ID: int64(i), Text: d.render()})))
	}
	for _, cut := range []int{1, 10, 30} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			h := New()
			for i, d := range docs[:cut] {
				h.Add(Revision{ID: int64(i), Text: d.render()})
			}
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(h.State()); err != nil {
				t.Fatal(err)
			}
			var s State
			if err := gob.NewDecoder(&buf).Decode(&s); err != nil {
				t.Fatal(err)
			}
			r, ok := Restore(s)
			if !ok {
				t.Fatal("Restore refused a state State returned")
			}
			if r.Len() != cut {
				t.Fatalf("restored Len = %d, want %d", r.Len(), cut)
			}
			for i := cut; i < len(docs); i++ {
				if got := attributed(r.Add(Revision{ID: int64(i), Text: docs[i].render()})); got != want[i] {
					t.Fatalf("revision %d after restoring at %d:\ngot  %s\nwant %s", i, cut, got, want[i])
				}
			}
		})
	}
	if _, ok := Restore(State{PrevText: []string{"a"}}); ok {
		t.Error("Restore accepted texts without origins")
	}
	if _, ok := Restore(State{PrevParas: map[string][]int{"a": {3}}}); ok {
		t.Error("Restore accepted a paragraph outside the previous revision")
	}
}
