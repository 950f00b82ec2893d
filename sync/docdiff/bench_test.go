package docdiff

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// BenchmarkCompare diffs and renders the real page between the meetings
// of 10 Dec 2013 and 7 Jan 2014 (about 10 kB of Markdown a side).
func BenchmarkCompare(b *testing.B) {
	ar, err := txtar.ParseFile("testdata/golden/fixture-2014-01-07.txtar")
	if err != nil {
		b.Fatal(err)
	}
	old, new := section(ar, "old.md"), section(ar, "new.md")
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Compare(docOf(old), docOf(new)).HTML(Options{Context: 2})
	}
}

// BenchmarkCompareSynthetic diffs a clearly synthetic 400-paragraph page
// against itself with every tenth paragraph edited and two moved.
func BenchmarkCompareSynthetic(b *testing.B) {
	var old, new strings.Builder
	for i := range 400 {
		p := "Synthetic paragraph number " + strings.Repeat("word ", i%17+3) + "end.\n\n"
		old.WriteString(p)
		switch {
		case i%10 == 0:
			new.WriteString(strings.Replace(p, "word", "changed", 1))
		case i == 5 || i == 6:
		default:
			new.WriteString(p)
		}
		if i == 300 {
			new.WriteString("Synthetic paragraph number " + strings.Repeat("word ", 5%17+3) + "end.\n\n")
		}
	}
	b.SetBytes(int64(old.Len() + new.Len()))
	for b.Loop() {
		Compare(docOf(old.String()), docOf(new.String())).HTML(Options{Context: 2})
	}
}
