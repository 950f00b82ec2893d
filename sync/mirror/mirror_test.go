package mirror

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/archive"
)

func mustStore(tb testing.TB) *archive.Store {
	tb.Helper()
	s, err := archive.Open(filepath.Join(tb.TempDir(), "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func mustSync(tb testing.TB, w *fakeWiki, s *archive.Store, pages ...string) Summary {
	tb.Helper()
	sum, err := Sync(context.Background(), w, s, Options{Pages: pages})
	if err != nil {
		tb.Fatalf("sync: %v", err)
	}
	return sum
}

// mustMatch checks that the archive holds exactly the wiki's revisions of
// title, with the same texts and hidden flags.
func mustMatch(tb testing.TB, s *archive.Store, w *fakeWiki, title string) {
	tb.Helper()
	p, err := s.Page(title)
	if err != nil {
		tb.Fatalf("archive: %v", err)
	}
	wp := w.pages[title]
	if len(p.Revisions) != len(wp.revs) {
		tb.Fatalf("page %q: archive has %d revisions, wiki %d", title, len(p.Revisions), len(wp.revs))
	}
	for i, r := range wp.revs {
		got := p.Revisions[i]
		if got.ID != r.ID || got.ParentID != r.ParentID || got.TextHidden != r.TextHidden || got.User != r.User {
			tb.Errorf("page %q revision %d: archived %+v", title, r.ID, got)
		}
		text, err := s.Text(title, r.ID)
		if r.TextHidden {
			if !errors.Is(err, archive.ErrHidden) {
				tb.Errorf("page %q revision %d: hidden text read gave %q, %v", title, r.ID, text, err)
			}
			continue
		}
		if err != nil || string(text) != string(r.Text) {
			tb.Errorf("page %q revision %d: text %q, %v; want %q", title, r.ID, text, err, r.Text)
		}
	}
	if p.PageID != wp.id || p.Namespace != wp.ns {
		tb.Errorf("page %q: archived id %d ns %d, wiki %d %d", title, p.PageID, p.Namespace, wp.id, wp.ns)
	}
}

// synthetic makes a wiki with page "Synthetic page" (n revisions, the
// first calling Template:Old, the rest Template:New) and the templates.
func synthetic(n int) *fakeWiki {
	w := newFakeWiki()
	w.edit("Template:Old", "synthetic old template {{{1}}}")
	w.edit("Template:New", "synthetic new template {{{1}}} {{nested}}")
	w.edit("Template:Nested", "synthetic nested template")
	for i := range n {
		tmpl := "{{new|x}}"
		if i == 0 {
			tmpl = "{{old|x}}"
		}
		w.edit("Synthetic page", "synthetic text "+strings.Repeat("x", i)+" "+tmpl+" {{PAGENAME}}")
	}
	return w
}

const page = "Synthetic page"

func TestSync(t *testing.T) {
	tests := []struct {
		name string
		wiki func() *fakeWiki
		// before runs a first sync and changes the wiki or archive
		// between the two syncs when not nil.
		before       func(tb testing.TB, w *fakeWiki, s *archive.Store)
		requests     int
		newRevisions int
		warning      string
		check        func(tb testing.TB, w *fakeWiki, s *archive.Store)
	}{
		{
			name: "fresh", wiki: func() *fakeWiki { return synthetic(3) },
			// The newest change (the next sync's checkpoint), Latest, the
			// page, then Old, New (current, from Latest's list) and Nested
			// (named by New's text), each fetched whole.
			requests: 6, newRevisions: 6,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				for _, title := range []string{page, "Template:Old", "Template:New", "Template:Nested"} {
					mustMatch(tb, s, w, title)
				}
				if _, err := s.Page("Template:PAGENAME"); !errors.Is(err, archive.ErrNoPage) {
					tb.Errorf("magic word archived as a template: %v", err)
				}
			},
		},
		{
			name: "no-op costs one request", wiki: func() *fakeWiki { return synthetic(3) },
			before:   func(tb testing.TB, w *fakeWiki, s *archive.Store) { mustSync(tb, w, s, page, page+"/FAQ") },
			requests: 1, newRevisions: 0,
		},
		{
			name: "one new revision costs two", wiki: func() *fakeWiki { return synthetic(3) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				w.edit(page, "synthetic edit {{new}}")
			},
			requests: 2, newRevisions: 1,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) { mustMatch(tb, s, w, page) },
		},
		{
			name: "120 new revisions commit in batches", wiki: func() *fakeWiki { return synthetic(1) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				for i := range 120 {
					w.edit(page, "synthetic bulk edit "+strings.Repeat("y", i))
				}
			},
			// 1 look at the recent changes + ⌈(120+1)/50⌉: the resume
			// revision rides in the first batch.
			requests: 4, newRevisions: 120,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) { mustMatch(tb, s, w, page) },
		},
		{
			name: "template edit is synced", wiki: func() *fakeWiki { return synthetic(2) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				w.edit("Template:Old", "synthetic old template, edited")
			},
			requests: 2, newRevisions: 1,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) { mustMatch(tb, s, w, "Template:Old") },
		},
		{
			name: "hidden revision", wiki: func() *fakeWiki {
				w := synthetic(3)
				r := &w.pages[page].revs[1]
				r.TextHidden, r.UserHidden, r.Text, r.SHA1, r.User = true, true, nil, "", ""
				return w
			},
			requests: 6, newRevisions: 6,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustMatch(tb, s, w, page)
				p, _ := s.Page(page)
				if !p.Revisions[1].UserHidden {
					tb.Errorf("user hidden not recorded: %+v", p.Revisions[1])
				}
			},
		},
		{
			name: "gap is backfilled", wiki: func() *fakeWiki { return synthetic(6) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				mustDropRevisions(tb, s, page, w.pages[page].revs[2].ID, w.pages[page].revs[3].ID)
			},
			requests: 2, newRevisions: 2,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) { mustMatch(tb, s, w, page) },
		},
		{
			name: "rename keeps one history", wiki: func() *fakeWiki { return synthetic(3) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				w.move(page, "Synthetic renamed")
			},
			// The recent changes show the move (1), so Latest (1) resolves
			// the set and the null revision is fetched (1).
			requests: 3, newRevisions: 1,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustMatch(tb, s, w, "Synthetic renamed")
				p, _ := s.Page("Synthetic renamed")
				if len(p.Moves) != 1 || p.Moves[0].From != page || p.Moves[0].To != "Synthetic renamed" {
					tb.Errorf("moves %+v", p.Moves)
				}
				if titles, _ := s.Titles(); slices.Contains(titles, page) {
					tb.Errorf("old title still archived: %v", titles)
				}
			},
		},
		{
			name: "deleted page keeps history", wiki: func() *fakeWiki { return synthetic(3) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page, page+"/FAQ")
				w.remove(page)
			},
			// The deletion log entry (1), then Latest (1).
			requests: 2, warning: `page "Synthetic page" is missing on the wiki (deleted?): its 3 archived revisions are kept`,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				p, err := s.Page(page)
				if err != nil || !p.Missing || len(p.Revisions) != 3 {
					tb.Errorf("page %+v, %v; want missing with 3 revisions", p, err)
				}
			},
		},
		{
			name: "never existing page", wiki: func() *fakeWiki { return synthetic(1) },
			before: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				mustSync(tb, w, s, page)
			},
			// A page added to the configuration: the set is resolved
			// afresh, the newest change (1) and Latest (1).
			requests: 2, warning: `page "Synthetic page/FAQ" is missing on the wiki: nothing to archive`,
			check: func(tb testing.TB, w *fakeWiki, s *archive.Store) {
				if _, err := s.Page(page + "/FAQ"); !errors.Is(err, archive.ErrNoPage) {
					tb.Errorf("missing page archived: %v", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, s := tt.wiki(), mustStore(t)
			if tt.before != nil {
				tt.before(t, w, s)
			}
			w.requests = 0
			sum := mustSync(t, w, s, page, page+"/FAQ")
			if sum.Requests != tt.requests || w.requests != tt.requests {
				t.Errorf("requests: summary %d, wiki %d; want %d", sum.Requests, w.requests, tt.requests)
			}
			if sum.NewRevisions != tt.newRevisions {
				t.Errorf("new revisions %d, want %d", sum.NewRevisions, tt.newRevisions)
			}
			if len(sum.Added) != sum.NewRevisions {
				t.Errorf("summary lists %d added revisions, counts %d", len(sum.Added), sum.NewRevisions)
			}
			for _, a := range sum.Added {
				if p, err := s.Page(a.Title); err != nil {
					t.Errorf("added revision %d of %q: %v", a.Revision.ID, a.Title, err)
				} else if _, ok := p.Revision(a.Revision.ID); !ok {
					t.Errorf("added revision %d is not in the archive's %q", a.Revision.ID, a.Title)
				}
			}
			if tt.warning != "" && !slices.ContainsFunc(sum.Warnings, func(w string) bool { return strings.HasPrefix(w, tt.warning) }) {
				t.Errorf("warnings %q lack %q", sum.Warnings, tt.warning)
			}
			if tt.check != nil {
				tt.check(t, w, s)
			}
		})
	}
}

// mustDropRevisions removes revisions from a page's metadata, as a partial
// import would leave it.
func mustDropRevisions(tb testing.TB, s *archive.Store, title string, ids ...int64) {
	tb.Helper()
	p, err := s.Page(title)
	if err != nil {
		tb.Fatal(err)
	}
	p.Revisions = slices.DeleteFunc(p.Revisions, func(r archive.Revision) bool { return slices.Contains(ids, r.ID) })
	tx, err := s.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func TestSyncInterruptedResumes(t *testing.T) {
	w, s := synthetic(130), mustStore(t)
	w.failAt = w.pages[page].revs[70].ID
	if _, err := Sync(context.Background(), w, s, Options{Pages: []string{page}}); err == nil || !strings.Contains(err.Error(), "synthetic connection reset") {
		t.Fatalf("sync error %v, want the synthetic reset", err)
	}
	p, err := s.Page(page)
	if err != nil || len(p.Revisions) != 70 {
		t.Fatalf("after the failure the archive holds %d revisions (%v); want the 70 before it", len(p.Revisions), err)
	}
	w.failAt = 0
	sum := mustSync(t, w, s, page)
	// 60 of the page, and the 3 templates the first run never reached.
	if sum.NewRevisions != 63 {
		t.Errorf("resume added %d revisions, want 63", sum.NewRevisions)
	}
	mustMatch(t, s, w, page)
}

func TestSyncSHA1Mismatch(t *testing.T) {
	w, s := synthetic(3), mustStore(t)
	w.pages[page].revs[2].Text = []byte("synthetic corrupted text")
	_, err := Sync(context.Background(), w, s, Options{Pages: []string{page}})
	if err == nil || !strings.Contains(err.Error(), "sha1 mismatch") {
		t.Fatalf("error %v, want a sha1 mismatch", err)
	}
	// The revisions before the bad one are sound and kept; the bad one
	// and everything after it are not archived.
	p, err := s.Page(page)
	if err != nil || len(p.Revisions) != 2 {
		t.Fatalf("archive after the mismatch: %+v, %v; want the 2 good revisions", p, err)
	}
	if _, err := s.Text(page, w.pages[page].revs[2].ID); err == nil {
		t.Errorf("the mismatched text was archived")
	}
}

func TestSyncLocked(t *testing.T) {
	w, s := synthetic(1), mustStore(t)
	lock, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	if _, err := Sync(context.Background(), w, s, Options{Pages: []string{page}}); !errors.Is(err, archive.ErrLocked) {
		t.Fatalf("error %v, want ErrLocked", err)
	}
	if w.requests != 0 {
		t.Errorf("a locked sync made %d requests", w.requests)
	}
}

func TestStatus(t *testing.T) {
	for _, count := range []bool{false, true} {
		t.Run(fmt.Sprintf("count=%v", count), func(t *testing.T) {
			w, s := synthetic(3), mustStore(t)
			mustSync(t, w, s, page)
			w.edit(page, "synthetic one")
			w.edit(page, "synthetic two")
			w.requests = 0
			got, err := Status(context.Background(), w, s, Options{Pages: []string{page, page + "/FAQ"}}, count)
			if err != nil {
				t.Fatal(err)
			}
			revs := w.pages[page].revs
			want := []PageStatus{
				{Title: page, Current: page, ArchiveRev: revs[2].ID, WikiRev: revs[4].ID, Behind: true},
				{Title: page + "/FAQ", Current: page + "/FAQ", Missing: true},
			}
			wantRequests := 1
			if count {
				want[0].New, wantRequests = 2, 2
			}
			if !slices.Equal(got, want) {
				t.Errorf("status\n got %+v\nwant %+v", got, want)
			}
			if w.requests != wantRequests {
				t.Errorf("status made %d requests, want %d", w.requests, wantRequests)
			}
			if got[0].UpToDate() || !got[1].UpToDate() {
				t.Errorf("UpToDate: behind page %v, missing page %v", got[0].UpToDate(), got[1].UpToDate())
			}
		})
	}
}

// TestSyncRemovesOrphans: texts a killed sync left without metadata are
// removed by the next sync, which says so, and are fetched again.
func TestSyncRemovesOrphans(t *testing.T) {
	w := newFakeWiki()
	w.edit("Synthetic page", "synthetic one")
	s := mustStore(t)
	mustSync(t, w, s, "Synthetic page")
	id := w.edit("Synthetic page", "synthetic two")
	// What a kill between moving the texts and writing page.toml leaves.
	orphan := filepath.Join(s.Dir(), "Synthetic_page", fmt.Sprintf("%d.wiki", id))
	if err := os.WriteFile(orphan, []byte("synthetic two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err := s.Orphans(); err != nil || len(o) != 1 {
		t.Fatalf("Orphans() = %q, %v; want the one text", o, err)
	}
	sum := mustSync(t, w, s, "Synthetic page")
	if len(sum.Orphans) != 1 || !strings.Contains(strings.Join(sum.Warnings, "\n"), "removed 1 revision text(s) that no page.toml lists") {
		t.Errorf("summary %+v: want the orphan removed and a warning", sum)
	}
	if o, err := s.Orphans(); err != nil || len(o) != 0 {
		t.Errorf("Orphans() after sync = %q, %v; want none", o, err)
	}
	mustMatch(t, s, w, "Synthetic page")
}
