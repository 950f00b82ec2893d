package worddiff

import (
	"testing"
	"unicode/utf8"
)

// The seed corpora live in testdata/fuzz/FuzzWords and testdata/fuzz/FuzzLines;
// FuzzSameWords seeds itself.

func FuzzWords(f *testing.F) {
	f.Fuzz(func(t *testing.T, old, new string) {
		spans := Words(old, new)
		mustRebuild(t, old, new, spans)
		if utf8.ValidString(old) && utf8.ValidString(new) {
			mustValidSpans(t, spans)
		}
	})
}

func FuzzLines(f *testing.F) {
	f.Fuzz(func(t *testing.T, old, new string) {
		blocks := Lines(old, new)
		mustBlocks(t, old, new, blocks)
		if utf8.ValidString(old) && utf8.ValidString(new) {
			for _, b := range blocks {
				mustValidSpans(t, b.Spans)
			}
		}
	})
}

// FuzzSameWords checks the allocation-free comparison against the
// definition it replaces.
func FuzzSameWords(f *testing.F) {
	for _, s := range [][2]string{{"a b", "a  b"}, {"a b", "ab"}, {" a\n", "a"}, {"a\u00a0b", "a b"}, {"\xffa", "\xff a"}, {"", " "}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameWords(a, b), squash(a) == squash(b); got != want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

func mustValidSpans(tb testing.TB, spans []Span) {
	tb.Helper()
	for i, s := range spans {
		if !utf8.ValidString(s.Text) {
			tb.Errorf("span %d (%s) is not valid UTF-8: %q", i, s.Op, s.Text)
		}
	}
}
