package worddiff

import (
	"reflect"
	"strings"
	"testing"
)

// shape is a block reduced to what the table tests compare.
type shape struct {
	Kind     Kind
	Old, New string
	Partner  int
}

func shapes(blocks []Block) []shape {
	out := make([]shape, len(blocks))
	for i, b := range blocks {
		out[i] = shape{b.Kind, b.Old, b.New, b.Partner}
	}
	return out
}

func TestLines(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []shape
	}{
		{"both empty", "", "", []shape{}},
		{"identical", "a\nb\n", "a\nb\n", []shape{{Same, "a\nb\n", "a\nb\n", -1}}},
		{"old empty", "", "a\n", []shape{{Added, "", "a\n", -1}}},
		{"new empty", "a\n", "", []shape{{Removed, "a\n", "", -1}}},
		{"added line", "a\nc\n", "a\nb\nc\n", []shape{
			{Same, "a\n", "a\n", -1}, {Added, "", "b\n", -1}, {Same, "c\n", "c\n", -1}}},
		{"removed line", "a\nb\nc\n", "a\nc\n", []shape{
			{Same, "a\n", "a\n", -1}, {Removed, "b\n", "", -1}, {Same, "c\n", "c\n", -1}}},
		{"changed line", "! Age\n| 35\n|-\n", "! Age\n| 36\n|-\n", []shape{
			{Same, "! Age\n", "! Age\n", -1}, {Changed, "| 35\n", "| 36\n", -1}, {Same, "|-\n", "|-\n", -1}}},
		{"heading level", "=== Goals ===\n* x\n", "==== Goals ====\n* x\n", []shape{
			{Changed, "=== Goals ===\n", "==== Goals ====\n", -1}, {Same, "* x\n", "* x\n", -1}}},
		{"no final newline", "a\nb", "a\nb\nc", []shape{
			{Same, "a\n", "a\n", -1}, {Changed, "b", "b\nc", -1}}},
		{"crlf", "a\r\nb\r\n", "a\nb\n", []shape{{Changed, "a\r\nb\r\n", "a\nb\n", -1}}},
		{"moved paragraph", "p1\np1b\n\nmid\n\nend\n", "mid\n\nend\n\np1\np1b\n", []shape{
			{Moved, "p1\np1b\n\n", "", 2},
			{Same, "mid\n\nend\n", "mid\n\nend\n", -1},
			{Moved, "", "\np1\np1b\n", 0}}},
		{"moved with other spacing", "x  y\nmid\n", "mid\nx y\n", []shape{
			{Moved, "x  y\n", "", 2}, {Same, "mid\n", "mid\n", -1}, {Moved, "", "x y\n", 0}}},
		{"blank lines do not move", "\na\n", "a\n\n", []shape{
			{Removed, "\n", "", -1}, {Same, "a\n", "a\n", -1}, {Added, "", "\n", -1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := Lines(tt.old, tt.new)
			if got := shapes(blocks); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lines(%q, %q)\n got %+v\nwant %+v", tt.old, tt.new, got, tt.want)
			}
			mustBlocks(t, tt.old, tt.new, blocks)
		})
	}
}

func TestLinesChangedSpans(t *testing.T) {
	blocks := Lines("! Age\n| 35\n", "! Age\n| 36\n")
	want := []Span{{Equal, "| "}, {Delete, "35"}, {Insert, "36"}, {Equal, "\n"}}
	if len(blocks) != 2 || !reflect.DeepEqual(blocks[1].Spans, want) {
		t.Fatalf("blocks = %+v, want the second to have spans %q", blocks, want)
	}
}

// mustBlocks checks that blocks are a diff from old to new: their Old and New
// texts and their spans spell both texts, and moves are paired.
func mustBlocks(tb testing.TB, old, new string, blocks []Block) {
	tb.Helper()
	var o, n strings.Builder
	for i, b := range blocks {
		so, sn := Texts(b.Spans)
		if so != b.Old || sn != b.New {
			tb.Errorf("block %d (%s): spans spell %q/%q, want %q/%q", i, b.Kind, so, sn, b.Old, b.New)
		}
		if b.Kind == Same && b.Old != b.New {
			tb.Errorf("block %d is same but %q != %q", i, b.Old, b.New)
		}
		mustPartner(tb, blocks, i)
		o.WriteString(b.Old)
		n.WriteString(b.New)
	}
	if o.String() != old || n.String() != new {
		tb.Fatalf("blocks spell %q/%q, want %q/%q", o.String(), n.String(), old, new)
	}
}

func mustPartner(tb testing.TB, blocks []Block, i int) {
	tb.Helper()
	b := blocks[i]
	if b.Kind != Moved {
		if b.Partner != -1 {
			tb.Errorf("block %d (%s) has partner %d", i, b.Kind, b.Partner)
		}
		return
	}
	if b.Partner < 0 || b.Partner >= len(blocks) || blocks[b.Partner].Partner != i {
		tb.Fatalf("moved block %d has partner %d, which does not point back", i, b.Partner)
	}
	p := blocks[b.Partner]
	if squash(b.Old+b.New) != squash(p.Old+p.New) || (b.Old == "") == (p.Old == "") {
		tb.Errorf("moved blocks %d and %d are not one text leaving and arriving: %+v / %+v", i, b.Partner, b, p)
	}
}
