package authorship

import (
	"strings"
	"testing"
)

// FuzzAdd feeds three revisions made from the fuzzer's strings (the third
// restores the first, as a revert does) and checks the invariants of every
// revision: no panic, tokens spell the text, origins at or before it.
func FuzzAdd(f *testing.F) {
	f.Add("A cat sat.\n\nA dog ran.", "A dog ran.\n\nA cat sat on the mat.")
	f.Add("", "x")
	f.Add("one\ntwo\nthree", "three\ntwo")
	f.Add("\xff\xfe. .", "\u00a0\u2028é́")
	f.Fuzz(func(t *testing.T, a, b string) {
		h := New()
		for i, text := range []string{a, b, a, strings.ToUpper(b) + a} {
			mustInvariants(t, text, i, h.Add(Revision{ID: int64(i), Text: text}))
		}
	})
}
