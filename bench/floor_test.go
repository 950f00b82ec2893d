package bench

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
	"github.com/wikisite/wikisite/sync/mw"
)

// mustWiki starts a test wiki holding History(pages, revs) and the
// template the pages call.
func mustWiki(tb testing.TB, pages, revs int) (*mwtest.Wiki, []Page) {
	tb.Helper()
	w := mwtest.Start(tb)
	h := History(pages, revs)
	dump := filepath.Join(tb.TempDir(), "synthetic.xml")
	if err := WriteDumpFile(dump, h); err != nil {
		tb.Fatal(err)
	}
	w.Import(tb, dump)
	return w, h
}

// floorRequests is the fewest requests that fetch every revision of pages
// with text: one for the wiki's newest change (the next sync's change
// checkpoint), one to compare the latest revisions, then ⌈n/50⌉ per page
// (the API gives at most 50 texts per request), plus one for the
// single-revision template that the comparison names.
func floorRequests(pages, revs int) int {
	return 1 + 1 + pages*ceilDiv(revs, 50) + 1
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// TestRequestFloor checks, against a real MediaWiki, that the sync asks no
// more than the API floor: the counts are taken from the server's log, not
// from the client.
func TestRequestFloor(t *testing.T) {
	const pages, revs = 3, 60
	w, h := mustWiki(t, pages, revs)
	store, err := archive.Open(filepath.Join(t.TempDir(), "archive"))
	if err != nil {
		t.Fatal(err)
	}
	client, err := mw.New(mw.Options{API: w.API, UserAgent: "wikisite-bench/test"})
	if err != nil {
		t.Fatal(err)
	}
	titles := make([]string, len(h))
	for i, p := range h {
		titles[i] = p.Title
	}
	sync := func(name string) int {
		t.Helper()
		before := w.Requests(t)
		sum, err := mirror.Sync(context.Background(), client, store, mirror.Options{Pages: titles})
		if err != nil {
			t.Fatalf("%s sync: %v", name, err)
		}
		n := w.Requests(t) - before
		if sum.Requests != n {
			t.Errorf("%s sync: the client counted %d requests, the server %d", name, sum.Requests, n)
		}
		return n
	}
	if got, want := sync("full"), floorRequests(pages, revs); got != want {
		t.Errorf("full sync of %d pages × %d revisions: %d requests, want 1 + 1 + %d×⌈%d/50⌉ + 1 = %d", pages, revs, got, pages, revs, want)
	}
	if got := sync("no-op"); got != 1 {
		t.Errorf("no-op sync: %d requests, want 1", got)
	}
	w.Edit(t, h[1].Title, NextText(1, revs, "Synthetic edit for the request test."), "synthetic edit", "Synthetic user 3")
	if got := sync("one-edit"); got != 2 {
		t.Errorf("sync after one edit: %d requests, want 2 (the check, then the new revision)", got)
	}
	p, err := store.Page(h[1].Title)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Revisions) != revs+1 {
		t.Errorf("%s: %d revisions archived, want %d", h[1].Title, len(p.Revisions), revs+1)
	}
}
