package worddiff

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func mustRead(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// TestFedoraPersonas diffs the first and last fixture revisions of the
// Fedora Server WG's personas page, whose real edits are known.
func TestFedoraPersonas(t *testing.T) {
	old, new := mustRead(t, "personas-361683.wiki"), mustRead(t, "personas-370811.wiki")
	blocks := Lines(old, new)
	mustBlocks(t, old, new, blocks)

	changes := map[string]bool{}
	for _, b := range blocks {
		if b.Kind == Changed {
			for _, c := range edits(b.Spans) {
				changes[c] = true
			}
		}
	}
	for _, want := range []string{
		`"35" -> "36"`,
		`"" -> "SysAdmin "`,   // in front of "MacGyver", checked below
		`"," -> ";"`,          // her title line
		`"draft" -> "living"`, // the warning box became a note
	} {
		if !changes[want] {
			t.Errorf("no change %s among %q", want, keys(changes))
		}
	}
	for _, b := range blocks {
		if b.Kind == Changed && strings.Contains(b.Old, "| MacGyver") {
			want := []Span{{Equal, "| "}, {Insert, "SysAdmin "}, {Equal, "MacGyver\n"}}
			if len(b.Spans) != 3 || b.Spans[0] != want[0] || b.Spans[1] != want[1] || b.Spans[2] != want[2] {
				t.Errorf("profile name diff = %q, want %q", b.Spans, want)
			}
		}
	}
	if got := Classify(old, new, nil); got != Substantive {
		t.Errorf("Classify = %s, want substantive", got)
	}
}

// edits lists a diff's replacements as `"old" -> "new"`.
func edits(spans []Span) []string {
	var out []string
	for i := 0; i < len(spans); i++ {
		var del, ins string
		for ; i < len(spans) && spans[i].Op != Equal; i++ {
			if spans[i].Op == Delete {
				del += spans[i].Text
			} else {
				ins += spans[i].Text
			}
		}
		if del != "" || ins != "" {
			out = append(out, strconv.Quote(del)+" -> "+strconv.Quote(ins))
		}
	}
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
