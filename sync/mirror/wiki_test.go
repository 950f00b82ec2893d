package mirror

// Integration tests against a real MediaWiki (internal/mwtest), loaded with
// the real Server/Personas fixture. They skip when MediaWiki is absent,
// unless CI=true.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
	"github.com/wikisite/wikisite/sync/mwxml"
)

const (
	fixture  = "../../testdata/fedora-server-personas.xml"
	personas = "Server/Personas"
	faq      = "Server/Personas/FAQ" // configured but not on the wiki
)

var fixturePages = []string{personas, faq}

// mustWiki starts a wiki with the fixture imported.
func mustWiki(tb testing.TB) *mwtest.Wiki {
	tb.Helper()
	w := mwtest.Start(tb)
	w.Import(tb, fixture)
	return w
}

func mustClient(tb testing.TB, api string, timeout time.Duration) *mw.Client {
	tb.Helper()
	c, err := mw.New(mw.Options{API: api, UserAgent: "wikisite-test/0 (integration test)",
		Timeout: timeout, Backoff: 20 * time.Millisecond, MaxRetries: 3})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// fixtureTexts maps each fixture revision's timestamp to its text, by page:
// importDump renumbers revisions, timestamps survive.
func fixtureTexts(tb testing.TB) map[string]map[time.Time][]byte {
	tb.Helper()
	f, err := os.Open(fixture)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[time.Time][]byte{}
	err = mwxml.Read(f, func(p *mwxml.Page, r *mwxml.Revision) error {
		if out[p.Title] == nil {
			out[p.Title] = map[time.Time][]byte{}
		}
		out[p.Title][r.Timestamp.UTC()] = r.Text
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// mustMatchWiki checks that the archive holds exactly the wiki's revisions
// of title: same ids, sha1s and hidden flags, and texts hashing to them.
func mustMatchWiki(tb testing.TB, s *archive.Store, w *mwtest.Wiki, title string) *archive.Page {
	tb.Helper()
	p, err := s.Page(title)
	if err != nil {
		tb.Fatalf("archive: %v", err)
	}
	want := w.Revisions(tb, title)
	if len(p.Revisions) != len(want) {
		tb.Fatalf("page %q: archive holds %d revisions, the wiki %d", title, len(p.Revisions), len(want))
	}
	for i, r := range want {
		got := p.Revisions[i]
		if got.ID != r.ID || got.ParentID != r.ParentID || got.SHA1 != r.SHA1 || got.TextHidden != r.TextHidden ||
			got.UserHidden != r.UserHidden || got.User != r.User || !got.Timestamp.Equal(r.Timestamp) {
			tb.Errorf("page %q revision %d:\narchived %+v\n    wiki %+v", title, r.ID, got, r)
		}
		if r.TextHidden {
			continue
		}
		text, err := s.Text(title, r.ID)
		if err != nil || archive.SHA1(text) != r.SHA1 {
			tb.Errorf("page %q revision %d: archived text hashes to %s (%v), the wiki says %s", title, r.ID, archive.SHA1(text), err, r.SHA1)
		}
	}
	return p
}

func mustSyncWiki(tb testing.TB, c *mw.Client, s *archive.Store) Summary {
	tb.Helper()
	sum, err := Sync(context.Background(), c, s, Options{Pages: fixturePages})
	if err != nil {
		tb.Fatalf("sync: %v", err)
	}
	return sum
}

// requests runs fn and returns how many requests the wiki's server saw.
func requests(tb testing.TB, w *mwtest.Wiki, fn func()) int {
	tb.Helper()
	before := w.Requests(tb)
	fn()
	return w.Requests(tb) - before
}

func TestWikiSync(t *testing.T) {
	w := mustWiki(t)
	c := mustClient(t, w.API, 30*time.Second)
	s := mustStore(t)

	t.Run("full sync reproduces the fixture", func(t *testing.T) {
		sum := mustSyncWiki(t, c, s)
		texts := fixtureTexts(t)
		for _, title := range []string{personas, "Template:Admon/note", "Template:Admon/warning"} {
			p := mustMatchWiki(t, s, w, title)
			if len(p.Revisions) != len(texts[title]) {
				t.Errorf("page %q: %d revisions archived, the fixture has %d", title, len(p.Revisions), len(texts[title]))
			}
			for _, r := range p.Revisions {
				got, err := s.Text(title, r.ID)
				if want, ok := texts[title][r.Timestamp]; err != nil || !ok || !bytes.Equal(got, want) {
					t.Errorf("page %q revision %d (%s): text differs from the fixture (%v)", title, r.ID, r.Timestamp, err)
				}
			}
		}
		if sum.NewRevisions != 17 || sum.Pages != 4 {
			t.Errorf("summary %+v, want 17 revisions of 4 pages (FAQ is missing)", sum)
		}
		if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], `"Server/Personas/FAQ" is missing on the wiki`) {
			t.Errorf("warnings %q, want one about the missing FAQ", sum.Warnings)
		}
	})

	t.Run("no-op costs one request", func(t *testing.T) {
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncWiki(t, c, s) })
		if n != 1 || sum.Requests != 1 || sum.NewRevisions != 0 {
			t.Errorf("server saw %d requests, summary %+v; want 1 request, no revisions", n, sum)
		}
	})

	t.Run("one edit costs two requests", func(t *testing.T) {
		last := w.Revisions(t, personas)
		text := w.Content(t, last[len(last)-1].ID) + "\n<!-- synthetic test edit -->\n"
		w.Edit(t, personas, text, "synthetic test edit", "")
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncWiki(t, c, s) })
		if n != 2 || sum.Requests != 2 || sum.NewRevisions != 1 {
			t.Errorf("server saw %d requests, summary %+v; want 2 requests, 1 revision", n, sum)
		}
		mustMatchWiki(t, s, w, personas)
	})

	t.Run("hidden revision", func(t *testing.T) {
		id := w.Edit(t, personas, "Synthetic text to be hidden.\n", "synthetic", "SyntheticHiddenUser")
		// MediaWiki hides the text of a page's current revision only
		// once a newer one exists.
		w.Edit(t, personas, "Synthetic text after the hidden one.\n", "synthetic", "")
		w.HideRevision(t, personas, id, true, true)
		mustSyncWiki(t, c, s)
		p := mustMatchWiki(t, s, w, personas)
		r, ok := p.Revision(id)
		if !ok || !r.TextHidden || !r.UserHidden || r.SHA1 != "" || r.User != "" {
			t.Fatalf("hidden revision archived as %+v", r)
		}
		if _, err := s.Text(personas, id); !errors.Is(err, archive.ErrHidden) {
			t.Errorf("reading the hidden text: %v, want ErrHidden", err)
		}
	})

	t.Run("rename keeps one history", func(t *testing.T) {
		before := mustMatchWiki(t, s, w, personas)
		w.Move(t, personas, "Server/Personas renamed", "synthetic move")
		mustSyncWiki(t, c, s)
		p := mustMatchWiki(t, s, w, "Server/Personas renamed")
		if len(p.Moves) != 1 || p.Moves[0].From != personas || p.PageID != before.PageID {
			t.Errorf("moves %+v, page id %d (was %d)", p.Moves, p.PageID, before.PageID)
		}
		if _, err := s.Page(personas); !errors.Is(err, archive.ErrNoPage) {
			t.Errorf("old title still archived: %v", err)
		}
		n := requests(t, w, func() { mustSyncWiki(t, c, s) })
		if n != 1 {
			t.Errorf("no-op after the rename cost %d requests, want 1", n)
		}
	})

	t.Run("deleted page keeps its history", func(t *testing.T) {
		// The configured title is now a redirect; deleting the moved page
		// leaves the redirect pointing nowhere and the page gone.
		w.Delete(t, "Server/Personas renamed", "synthetic delete")
		w.Delete(t, personas, "synthetic delete of the redirect")
		before, _ := s.Page("Server/Personas renamed")
		sum := mustSyncWiki(t, c, s)
		p, err := s.Page("Server/Personas renamed")
		if err != nil || !p.Missing || len(p.Revisions) != len(before.Revisions) {
			t.Fatalf("after deletion: %+v, %v; want missing with %d revisions", p, err, len(before.Revisions))
		}
		found := false
		for _, w := range sum.Warnings {
			found = found || strings.Contains(w, `"Server/Personas renamed" is missing on the wiki (deleted?)`)
		}
		if !found {
			t.Errorf("warnings %q lack the deletion", sum.Warnings)
		}
	})
}
