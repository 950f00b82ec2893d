package worddiff

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

// TestGolden diffs each testdata/golden/*.txtar's "old" and "new" and
// compares the line blocks, the word spans and the class with its
// "lines", "words" and "class" sections; -update rewrites them.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		old, new := golden.Section(ar, "old"), golden.Section(ar, "new")
		var lines strings.Builder
		for i, b := range Lines(old, new) {
			fmt.Fprintf(&lines, "%d %s", i, b.Kind)
			if b.Partner >= 0 {
				fmt.Fprintf(&lines, " partner=%d", b.Partner)
			}
			fmt.Fprintf(&lines, ": %s\n", spansText(b.Spans))
		}
		return map[string]string{
			"lines": lines.String(),
			"words": spansText(Words(old, new)) + "\n",
			"class": Classify(old, new, nil).String() + "\n",
		}
	})
}

// spansText shows spans as text with [-deleted-] and {+inserted+}, as
// git diff --word-diff=plain does.
func spansText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Insert:
			b.WriteString("{+" + s.Text + "+}")
		case Delete:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return strings.ReplaceAll(b.String(), "\n", `\n`)
}
