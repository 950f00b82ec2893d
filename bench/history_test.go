package bench

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/mwxml"
	"github.com/wikisite/wikisite/sync/worddiff"
)

func TestHistoryShape(t *testing.T) {
	pages := History(3, 120)
	for _, p := range pages {
		for i, r := range p.Revisions {
			if n := len(r.Text); n < 8000 || n > 15000 {
				t.Errorf("%s revision %d: %d bytes, want 8–15 KB", p.Title, i, n)
			}
			if !strings.Contains(r.Text, "{{Synthetic note|Synthetic benchmark page") {
				t.Errorf("%s revision %d: does not say it is synthetic", p.Title, i)
			}
			if i == 0 {
				continue
			}
			prev := p.Revisions[i-1]
			if !r.Time.After(prev.Time) {
				t.Errorf("%s revision %d: time %v not after %v", p.Title, i, r.Time, prev.Time)
			}
			if changed := changedLines(prev.Text, r.Text); changed < 1 || changed > 6 {
				t.Errorf("%s revision %d: %d lines changed, want a few", p.Title, i, changed)
			}
		}
	}
	if again := History(3, 120); again[2].Revisions[119].Text != pages[2].Revisions[119].Text {
		t.Error("History is not deterministic")
	}
	if next := NextText(1, 120, "MARK"); changedLines(pages[1].Revisions[119].Text, next) > 8 || !strings.HasSuffix(next, "MARK\n") {
		t.Errorf("NextText is not a small edit of the last revision plus the marker")
	}
}

// changedLines counts inserted and deleted lines between two texts.
func changedLines(a, b string) int {
	n := 0
	for _, blk := range worddiff.Lines(a, b) {
		if blk.Kind != worddiff.Same {
			n += max(strings.Count(blk.Old, "\n"), strings.Count(blk.New, "\n"))
		}
	}
	return n
}

func TestDumpReadsBack(t *testing.T) {
	pages := History(2, 3)
	var buf bytes.Buffer
	if err := WriteDump(&buf, pages); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := mwxml.Read(&buf, func(p *mwxml.Page, r *mwxml.Revision) error {
		got = append(got, p.Title+"|"+r.Contributor.Username+"|"+r.Comment+"|"+string(r.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{TemplateTitle + "|Synthetic user 0|Synthetic template|" + templateText}
	for _, p := range pages {
		for _, r := range p.Revisions {
			want = append(want, p.Title+"|"+r.User+"|"+r.Comment+"|"+r.Text)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("read %d revisions back, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("revision %d read back differs:\n got %.120q\nwant %.120q", i, got[i], want[i])
		}
	}
}
