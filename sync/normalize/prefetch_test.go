package normalize

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wikisite/wikisite/sync/archive"
)

// TestPrefetchMatchesSerial checks that every diff prefetchHistory
// computes on every core is the one a differ with nothing computed ahead
// makes, and that the prefetch covers every revision (no cache folder, so
// nothing is cached).
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
			for _, title := range c.titles {
				mustMatchSerial(t, c, c.pages[title], ahead, serial)
			}
		})
	}
}

func mustMatchSerial(t *testing.T, c *corpus, p *archive.Page, ahead, serial *differ) {
	t.Helper()
	if err := ahead.prefetchHistory(p); err != nil {
		t.Fatal(err)
	}
	defer ahead.forget()
	var prev *archive.Revision
	n := 0
	for i := range p.Revisions {
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
			t.Fatalf("%s revision %d: not computed ahead", p.Title, r.ID)
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
