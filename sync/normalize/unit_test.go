package normalize

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wikisite/wikisite/sync/worddiff"
)

func TestURLs(t *testing.T) {
	tests := []struct {
		name, api, title   string
		article, rev, diff string
		path, file         string
		id, parent         int64
	}{
		{name: "fedora", api: "https://fedoraproject.org/w/api.php", title: "Server/Personas", id: 370811, parent: 364907,
			article: "https://fedoraproject.org/wiki/Server/Personas",
			rev:     "https://fedoraproject.org/w/index.php?title=Server/Personas&oldid=370811",
			diff:    "https://fedoraproject.org/w/index.php?title=Server/Personas&diff=370811&oldid=364907",
			path:    "Server/Personas", file: "Server=2FPersonas.md"},
		{name: "root api, odd title", api: "http://127.0.0.1:8080/api.php", title: "Template:A b?c&d#e", id: 2,
			article: "http://127.0.0.1:8080/index.php?title=Template:A_b%3Fc%26d%23e",
			rev:     "http://127.0.0.1:8080/index.php?title=Template:A_b%3Fc%26d%23e&oldid=2",
			path:    "Template:A_b%3Fc&d%23e", file: "Template=3AA_b=3Fc=26d=23e.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newWikiLinks(Wiki{API: tt.api})
			got := []string{l.page(tt.title), l.revision(tt.title, tt.id),
				l.diff(tt.title, tt.id, tt.parent), sitePath(tt.title), fileName(tt.title)}
			want := []string{tt.article, tt.rev, tt.diff, tt.path, tt.file}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffBlocks(t *testing.T) {
	lines := func(from, to int) string {
		var sb strings.Builder
		for i := from; i <= to; i++ {
			sb.WriteString("line " + strings.Repeat("x", i) + "\n")
		}
		return sb.String()
	}
	old := lines(1, 20)
	changed := strings.Replace(old, "line xxxxxxxxxx\n", "line ten\n", 1)
	tests := []struct {
		name     string
		old, new string
		want     []string // kind/elided/text summary of each block
	}{
		{"identical", old, old, nil},
		{"one line in the middle", old, changed, []string{
			"same elided=6", "same " + lines(7, 9), "changed", "same " + lines(11, 13), "same elided=7"}},
		{"short runs kept", "a\nb\n", "a\nc\n", []string{"same a\n", "changed"}},
		{"added at end", lines(1, 5), lines(1, 6), []string{"same elided=2", "same " + lines(3, 5), "added"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range diffBlocks(md(tt.old), md(tt.new)) {
				switch {
				case b.Elided > 0:
					got = append(got, b.Kind+" elided="+strconv.Itoa(b.Elided))
				case b.Kind == "same":
					got = append(got, "same "+b.Spans[0].Text)
				default:
					got = append(got, b.Kind)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestMovedTo checks that moved_to points at the other half after trimming
// has renumbered the blocks.
func TestMovedTo(t *testing.T) {
	para := "A moved paragraph with several words in it.\n"
	filler := strings.Repeat("filler line\n", 10)
	old := para + filler + "end\n"
	cur := filler + para + "end\n"
	blocks := diffBlocks(md(old), md(cur))
	var moved []int
	for i, b := range blocks {
		if b.Kind == worddiff.Moved.String() {
			moved = append(moved, i)
		}
	}
	if len(moved) != 2 {
		t.Fatalf("want 2 moved blocks, got %+v", blocks)
	}
	a, b := blocks[moved[0]], blocks[moved[1]]
	if a.MovedTo == nil || *a.MovedTo != moved[1] || b.MovedTo == nil || *b.MovedTo != moved[0] {
		t.Errorf("moved_to = %v, %v; want %d, %d", a.MovedTo, b.MovedTo, moved[1], moved[0])
	}
}
