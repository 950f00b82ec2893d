package normalize

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTranscludedPage checks that a page outside the Template namespace
// is transcluded as it stood at the revision's time, though the template
// sets hold only Template: pages (see templateSets): before the page
// existed the transclusion is missing, and after each of its edits it
// shows that edit's text.
func TestTranscludedPage(t *testing.T) {
	dir := t.TempDir()
	day := func(n int) time.Time { return time.Date(2020, 1, n, 12, 0, 0, 0, time.UTC) }
	// Synthetic text only: revisions of the host on days 1–4, of the
	// transcluded page on days 2 and 3.
	mustAddPage(t, dir, "Synthetic host", day(1), 100,
		"Host says: {{:Synthetic shared}}", "Host says: {{:Synthetic shared}}.",
		"Host says: {{:Synthetic shared}}!", "Host says: {{:Synthetic shared}}?")
	mustAddPage(t, dir, "Synthetic shared", day(2).Add(-time.Hour), 200, "first shared words", "second shared words")
	site := Site{Pages: []string{"Synthetic host", "Synthetic shared"}, Wiki: Wiki{API: "https://wiki.invalid/w/api.php"}}
	store := mustOpen(t, dir)
	c, err := readCorpus(store, site.Pages)
	if err != nil {
		t.Fatal(err)
	}
	conv := newConverter(c, newWikiLinks(site.Wiki), site.Wiki, "", &Report{})
	host := c.page("Synthetic host")
	for i, want := range []string{"", "first shared words", "second shared words", "second shared words"} {
		r := &host.Revisions[i]
		text, err := c.text(host.Title, r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := conv.get(markdownKind, text, r.Timestamp, false)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case want == "" && len(got.missing) == 0:
			t.Errorf("revision %d, before the page existed: no missing page reported; got %q", r.ID, got.Markdown)
		case want != "" && !strings.Contains(got.Markdown, want):
			t.Errorf("revision %d: got %q, want it to hold %q", r.ID, got.Markdown, want)
		case want != "" && len(got.missing) > 0:
			t.Errorf("revision %d: missing %v, want none", r.ID, got.missing)
		}
		if !got.uncacheable {
			t.Errorf("revision %d: a conversion that read a page outside Template: must not be cached", r.ID)
		}
	}
	// The whole build shows the same.
	out := filepath.Join(t.TempDir(), "content")
	mustWrite(t, site, store, out)
	tree := readTree(t, out)
	if page := tree["wiki/Synthetic_host.md"]; !strings.Contains(page, "second shared words") {
		t.Errorf("wiki/Synthetic_host.md does not show the transcluded page's newest text:\n%s", page)
	}
}
