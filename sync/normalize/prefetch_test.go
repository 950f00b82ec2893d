package normalize

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wikisite/wikisite/sync/archive"
)

// TestPrefetchMatchesSerial checks that every diff prefetchHistory
// computes on every core is the one a differ with nothing computed ahead
// makes, and that the prefetch covers every revision (no cache folder, so
// nothing is cached), whether a history is prefetched whole or in windows
// whose edges fall between any two revisions.
func TestPrefetchMatchesSerial(t *testing.T) {
	synthSite, synthStore := mustSynthArchive(t)
	for _, tc := range []struct {
		name  string
		site  Site
		store *archive.Store
	}{
		{"committed", mustConfig(t), mustOpen(t, repoArchive)},
		{"synthetic", synthSite, synthStore},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := readCorpus(tc.store, tc.site.Pages)
			if err != nil {
				t.Fatal(err)
			}
			links := newWikiLinks(tc.site.Wiki)
			ahead := newDiffer(newConverter(c, links, tc.site.Wiki, "", &Report{}))
			serial := newDiffer(newConverter(c, links, tc.site.Wiki, "", &Report{}))
			for _, window := range []int{1 << 30, historyWindow, 3, 1} {
				for _, title := range c.titles {
					mustMatchSerial(t, c, c.pages[title], window, ahead, serial)
				}
			}
		})
	}
}

func mustMatchSerial(t *testing.T, c *corpus, p *archive.Page, window int, ahead, serial *differ) {
	t.Helper()
	defer ahead.forget()
	var prev *archive.Revision
	n := 0
	for i := range p.Revisions {
		if i%window == 0 {
			ahead.forget()
			if err := ahead.prefetchHistory(p, i, min(i+window, len(p.Revisions)), prev); err != nil {
				t.Fatal(err)
			}
		}
		r := &p.Revisions[i]
		if r.TextHidden {
			continue
		}
		oldText, _ := c.text(p.Title, prev)
		newText, err := c.text(p.Title, r)
		if err != nil {
			t.Fatal(err)
		}
		k := ahead.keys.diff(oldText, newText, timeOf(prev), r.Timestamp)
		got, ok := ahead.ahead[k]
		if !ok {
			t.Fatalf("%s revision %d, windows of %d: not computed ahead", p.Title, r.ID, window)
		}
		want, _, err := serial.computeDiff(k, oldText, newText, timeOf(prev), r.Timestamp)
		if err != nil {
			t.Fatal(err)
		}
		if got.class != want.class {
			t.Errorf("%s revision %d: class %s ahead, %s serial", p.Title, r.ID, got.class, want.class)
		}
		if diff := cmp.Diff(want.blocks, got.blocks); diff != "" {
			t.Errorf("%s revision %d: blocks (-serial +ahead):\n%s", p.Title, r.ID, diff)
		}
		prev = r
		n++
	}
	if n == 0 && len(p.Revisions) > 0 && !p.Revisions[0].TextHidden {
		t.Errorf("%s: no revision compared", p.Title)
	}
}
