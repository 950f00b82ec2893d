package docdiff

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

// TestGolden compares old.md with new.md in each testdata/golden file and
// checks the entries (entries.txt) and the HTML (out.html, all context);
// `go test -update` rewrites both.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		d := Compare(docOf(section(ar, "old.md")), docOf(section(ar, "new.md")))
		got := map[string]string{"entries.txt": summary(d), "out.html": d.HTML(Options{Context: -1})}
		checkHTML(t, got["out.html"])
		return got
	})
}

// summary is one line per entry: op, kind, text, then notes and origin.
func summary(d Diff) string {
	var sb strings.Builder
	for _, e := range d.Entries {
		b := e.New
		if b == nil {
			b = e.Old
		}
		fmt.Fprintf(&sb, "%s %s %q\n", e.Op, b.Kind, b.Text())
		for _, n := range e.Notes {
			fmt.Fprintf(&sb, "\tnote: %s\n", n)
		}
		for c, notes := range e.CellNotes {
			for _, n := range notes {
				fmt.Fprintf(&sb, "\tcell %d note: %s\n", c+1, n)
			}
		}
		if e.From != "" {
			fmt.Fprintf(&sb, "\tfrom: %s\n", e.From)
		}
	}
	return sb.String()
}

// section is a txtar section's text (bench and fuzz seeds read it too).
func section(ar *txtar.Archive, name string) string { return golden.Section(ar, name) }
