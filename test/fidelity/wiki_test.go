package fidelity

import (
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/internal/visible"
	"github.com/wikisite/wikisite/sync/archive"
)

// fixtureXML is the shared fixture's export, as internal/mwtest keeps it.
const fixtureXML = "../../testdata/fedora-server-personas.xml"

// mustWikiHTML starts a real MediaWiki, imports the fixture and returns
// action=parse's HTML of every archived revision of title, by archived id.
// importDump.php renumbers revisions, so they are matched by timestamp and
// sha1.
func mustWikiHTML(tb testing.TB, title string, revs []archive.Revision) map[int64]string {
	tb.Helper()
	w := mwtest.Start(tb)
	w.Import(tb, fixtureXML)
	type key struct {
		at   time.Time
		sha1 string
	}
	wikiID := map[key]int64{}
	for _, r := range w.Revisions(tb, title) {
		wikiID[key{r.Timestamp.UTC(), r.SHA1}] = r.ID
	}
	out := map[int64]string{}
	for _, r := range revs {
		id, ok := wikiID[key{r.Timestamp.UTC(), r.SHA1}]
		if !ok {
			tb.Fatalf("page %q revision %d (%s, sha1 %s): not on the test wiki after importing %s",
				title, r.ID, r.Timestamp.Format(time.RFC3339), r.SHA1, fixtureXML)
		}
		out[r.ID] = w.Parse(tb, id)
		if out[r.ID] == "" {
			tb.Fatalf("page %q revision %d: action=parse of wiki revision %d returned no HTML", title, r.ID, id)
		}
	}
	return out
}

// mustWikiWords is the visible words of MediaWiki's rendering.
func mustWikiWords(tb testing.TB, rev int64, src string) []string {
	tb.Helper()
	text, err := visible.Text(src, 0, visible.WikiChrome)
	if err != nil {
		tb.Fatalf("MediaWiki's rendering of revision %d: %v", rev, err)
	}
	return visible.Words(text)
}
