package normalize

import (
	"html/template"
	"strings"
	"testing"
)

// TestDiffHTMLIsThePartials renders diffs both ways, through diffHTML and
// through layouts/_partials/diff-blocks.html itself (with Go's
// html/template, whose escaping Hugo's copy keeps), and wants the same
// bytes: the history pages show the first, the meeting pages the second.
func TestDiffHTMLIsThePartials(t *testing.T) {
	partial, err := template.ParseFiles("../../layouts/_partials/diff-blocks.html")
	if err != nil {
		t.Fatal(err)
	}
	zero, one, three := 0, 1, 3
	tests := []struct {
		name   string
		blocks []block
	}{
		{"no change", nil},
		{"same, elided", []block{{Kind: "same", Spans: []span{{"eq", "Synthetic context.\n"}}}, {Kind: "same", Elided: 1}, {Kind: "same", Elided: 16}}},
		{"changed", []block{{Kind: "changed", Spans: []span{{"eq", "Synthetic "}, {"del", "old"}, {"ins", "new"}, {"eq", " words.\n"}}}}},
		{"added and removed", []block{{Kind: "added", Spans: []span{{"ins", "Synthetic added line.\n"}}}, {Kind: "removed", Spans: []span{{"del", "Synthetic removed line.\n"}}}}},
		{"moved both ways", []block{
			{Kind: "moved", MovedTo: &three, Spans: []span{{"eq", "Synthetic moved paragraph.\n"}}},
			{Kind: "same", Elided: 2},
			{Kind: "same", Spans: []span{{"eq", "Between.\n"}}},
			{Kind: "moved", MovedTo: &zero, Spans: []span{{"eq", "Synthetic moved paragraph.\n"}, {"ins", "x"}}},
			{Kind: "moved", MovedTo: &one},
		}},
		{"escapes", []block{{Kind: "changed", Spans: []span{{"eq", `<b> & "q" 'a' 1+1 ` + "\x00"}, {"ins", "<script>alert('x')</script>"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var maps []map[string]any
			for _, b := range tt.blocks {
				m := map[string]any{"kind": b.Kind}
				if b.MovedTo != nil {
					m["moved_to"] = *b.MovedTo
				}
				if b.Elided != 0 {
					m["elided"] = b.Elided
				}
				var spans []map[string]any
				for _, s := range b.Spans {
					spans = append(spans, map[string]any{"op": s.Op, "text": s.Text})
				}
				if spans != nil {
					m["spans"] = spans
				}
				maps = append(maps, m)
			}
			var want strings.Builder
			if err := partial.Execute(&want, map[string]any{"blocks": maps, "id": "r42"}); err != nil {
				t.Fatal(err)
			}
			got := diffHTML(tt.blocks, "r42")
			if len(tt.blocks) == 0 {
				// The layouts ask for the partial only when there are blocks.
				if got != "" {
					t.Errorf("diffHTML of no blocks = %q, want \"\"", got)
				}
				return
			}
			if got != want.String() {
				t.Errorf("diffHTML:\n%s\nthe partial:\n%s", got, want.String())
			}
		})
	}
}
