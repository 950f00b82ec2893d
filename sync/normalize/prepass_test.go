package normalize

import (
	"context"
	"reflect"
	"testing"
)

// TestPrepassMatchesSerial checks that every diff the prepass computes
// for the committed archive's histories is the one the serial code
// computes, and that the prepass covers every pair (no cache folder, so
// nothing is cached).
func TestPrepassMatchesSerial(t *testing.T) {
	opts := Options{Config: mustConfig(t), Store: mustOpen(t, repoArchive)}
	b, err := newBuilder(context.Background(), opts, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range b.titles {
		t.Run(title, func(t *testing.T) {
			p := b.pages[title]
			if err := b.prepareHistory(p); err != nil {
				t.Fatal(err)
			}
			pre := b.pre
			b.pre = prepass{}
			_, diffs, err := b.historyKey(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(pre.diffs) == 0 || len(pre.diffs) > len(diffs) {
				t.Fatalf("prepass computed %d diffs, want 1..%d", len(pre.diffs), len(diffs))
			}
			var prevText string
			prevAt := timeOf(nil)
			for i := range p.Revisions {
				r := &p.Revisions[i]
				if r.TextHidden {
					continue
				}
				text := mustText(t, b, title, i)
				k := b.conv.keys.diff(prevText, text, prevAt, r.Timestamp)
				pd, ok := pre.diffs[k]
				if !ok {
					t.Fatalf("revision %d: no prepass diff", r.ID)
				}
				want, _, err := b.computeDiff(k, prevText, text, prevAt, r.Timestamp)
				if err != nil {
					t.Fatal(err)
				}
				if got := className(pd.class); got != want.class {
					t.Errorf("revision %d: class %s, serial %s", r.ID, got, want.class)
				}
				if !reflect.DeepEqual(pd.blocks, want.blocks) {
					t.Errorf("revision %d: prepass blocks differ from serial ones", r.ID)
				}
				prevText, prevAt = text, r.Timestamp
			}
		})
	}
}

func mustText(tb testing.TB, b *builder, title string, i int) string {
	tb.Helper()
	s, err := b.text(title, &b.pages[title].Revisions[i])
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
