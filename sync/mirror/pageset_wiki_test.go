package mirror

// The page set against a real MediaWiki (internal/mwtest): a category
// with a subcategory and a prefix, a page joining and one leaving, and
// the request counts the README states, counted at the server. All page
// text is synthetic.

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// setOptions is the set under test: Category:Synthetic set and one level
// of its subcategories, and every page starting "Server/Synthetic".
var setOptions = Options{Categories: []string{"Synthetic set"}, CategoryDepth: 1, Prefixes: []string{"Server/Synthetic"}}

const (
	inCategory    = "Synthetic set member"
	inSubcategory = "Synthetic subcategory member"
	byPrefix      = "Server/Synthetic prefix page"
	outsider      = "Synthetic outsider"
	prefixEdits   = 51 // one more than a reply holds: two requests
)

func mustSyncSet(tb testing.TB, c *mw.Client, s *archive.Store) Summary {
	tb.Helper()
	sum, err := Sync(context.Background(), c, s, setOptions)
	if err != nil {
		tb.Fatalf("sync: %v", err)
	}
	return sum
}

// mustMembers waits until the wiki lists n members of category: MediaWiki
// updates category links after it has answered the edit.
func mustMembers(tb testing.TB, c *mw.Client, category string, n int) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		m, err := c.CategoryMembers(context.Background(), category)
		if err != nil {
			tb.Fatal(err)
		}
		if len(m) == n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("category %q lists %d members, want %d", category, len(m), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func mustMember(tb testing.TB, s *archive.Store, title string) archive.Member {
	tb.Helper()
	ps, err := s.PageSet()
	if err != nil {
		tb.Fatal(err)
	}
	var last archive.Member
	found := false
	for _, m := range ps.Members {
		if m.Title == title {
			last, found = m, true
		}
	}
	if !found {
		tb.Fatalf("page set record %+v lacks %q", ps.Members, title)
	}
	return last
}

func TestWikiPageSet(t *testing.T) {
	w := mwtest.Start(t)
	probe := mustClient(t, w.API, 30*time.Second) // waits for category links; not counted
	w.Edit(t, "Category:Synthetic set", "Synthetic category.", "synthetic", "")
	w.Edit(t, "Category:Synthetic sub", "Synthetic subcategory. [[Category:Synthetic set]]", "synthetic", "")
	photo := mustPNG(t, color.RGBA{10, 20, 30, 255})
	w.Upload(t, "Synthetic-set-photo.png", photo, time.Time{})
	w.Edit(t, inCategory, "Synthetic member text. [[File:Synthetic-set-photo.png|alt=Synthetic photo]] [[Category:Synthetic set]]", "synthetic", "")
	w.Edit(t, inSubcategory, "Synthetic member of the subcategory. [[Category:Synthetic sub]]", "synthetic", "")
	w.Edit(t, outsider, "Synthetic outsider text.", "synthetic", "")
	for i := range prefixEdits {
		w.Edit(t, byPrefix, fmt.Sprintf("Synthetic prefix page, edit %d.", i+1), "synthetic", "")
	}
	mustMembers(t, probe, "Category:Synthetic set", 2) // the member and the subcategory
	mustMembers(t, probe, "Category:Synthetic sub", 1)

	c := mustClient(t, w.API, 30*time.Second)
	s := mustStore(t)

	t.Run("full sync at the formula", func(t *testing.T) {
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncSet(t, c, s) })
		// 1 newest change + 3 listings (two categories, one prefix) +
		// ⌈3 titles/50⌉ Latest + ⌈1/50⌉ + ⌈1/50⌉ + ⌈51/50⌉ revisions +
		// ⌈1 file/50⌉ imageinfo + 1 download.
		if want := 1 + 3 + 1 + 1 + 1 + 2 + 1 + 1; n != want || sum.Requests != want {
			t.Errorf("server saw %d requests (client %d), want %d", n, sum.Requests, want)
		}
		if sum.NewRevisions != 2+prefixEdits || sum.Pages != 3 {
			t.Errorf("summary %+v, want %d revisions of 3 pages", sum, 2+prefixEdits)
		}
		for _, title := range []string{inCategory, inSubcategory, byPrefix} {
			mustMatchWiki(t, s, w, title)
			if m := mustMember(t, s, title); !m.In() || m.Joined.IsZero() {
				t.Errorf("member %+v: want in, with a join time", m)
			}
		}
		if _, err := s.Page(outsider); err == nil {
			t.Errorf("%q archived, but it is in no rule of the set", outsider)
		}
		if f := mustFile(t, s, "File:Synthetic-set-photo.png"); len(f.Versions) != 1 {
			t.Errorf("file record %+v, want the one upload", f)
		} else {
			mustBlob(t, s, f.Versions[0], photo)
		}
		if m := mustMember(t, s, inSubcategory); m.Via != "category:Synthetic sub" {
			t.Errorf("subcategory member came in via %q", m.Via)
		}
	})

	t.Run("no-op costs one request", func(t *testing.T) {
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncSet(t, c, s) })
		if n != 1 || sum.NewRevisions != 0 {
			t.Errorf("server saw %d requests, summary %+v; want 1 request, no revisions", n, sum)
		}
		n = requests(t, w, func() {
			st, err := Status(context.Background(), c, s, setOptions, false)
			if err != nil || len(st) != 3 || !st[0].UpToDate() || !st[1].UpToDate() || !st[2].UpToDate() {
				t.Errorf("status %+v, %v; want 3 pages up to date", st, err)
			}
		})
		if n != 1 {
			t.Errorf("status cost %d requests, want 1", n)
		}
	})

	t.Run("an edit outside the set costs two", func(t *testing.T) {
		w.Edit(t, outsider, "Synthetic outsider text, edited.", "synthetic", "")
		// The recent changes name an edit of a page outside the set; one
		// question tells it did not join a category of the set.
		if n := requests(t, w, func() { mustSyncSet(t, c, s) }); n != 2 {
			t.Errorf("server saw %d requests, want 2", n)
		}
	})

	t.Run("a page joins", func(t *testing.T) {
		w.Edit(t, outsider, "Synthetic outsider, now a member. [[Category:Synthetic set]]", "synthetic", "")
		mustMembers(t, probe, "Category:Synthetic set", 3)
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncSet(t, c, s) })
		// changes + membership question + 3 listings + Latest + the
		// joining page's history + imageinfo for the set's one file.
		if want := 1 + 1 + 3 + 1 + 1 + 1; n != want {
			t.Errorf("server saw %d requests, want %d", n, want)
		}
		if !slices.Equal(sum.Joined, []string{outsider}) || len(sum.Left) != 0 {
			t.Errorf("joined %q, left %q; want %q joined", sum.Joined, sum.Left, outsider)
		}
		mustMatchWiki(t, s, w, outsider)
		if m := mustMember(t, s, outsider); !m.In() || m.Via != "category:Synthetic set" {
			t.Errorf("member %+v", m)
		}
	})

	t.Run("a page leaves and keeps its history", func(t *testing.T) {
		w.Edit(t, inCategory, "Synthetic member text, taken out of the category.", "synthetic", "")
		mustMembers(t, probe, "Category:Synthetic set", 2)
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncSet(t, c, s) })
		// changes + membership question + 3 listings + Latest + the
		// leaving page's last edit + imageinfo for its file.
		if want := 1 + 1 + 3 + 1 + 1 + 1; n != want {
			t.Errorf("server saw %d requests, want %d", n, want)
		}
		if !slices.Equal(sum.Left, []string{inCategory}) || len(sum.Joined) != 0 {
			t.Errorf("joined %q, left %q; want %q left", sum.Joined, sum.Left, inCategory)
		}
		p := mustMatchWiki(t, s, w, inCategory) // the edit that took it out included
		if len(p.Revisions) != 2 {
			t.Errorf("%q keeps %d revisions, want 2", inCategory, len(p.Revisions))
		}
		if m := mustMember(t, s, inCategory); m.In() || m.Left.Before(m.Joined) {
			t.Errorf("member %+v: want left, after it joined", m)
		}
	})

	t.Run("an edit of a page that left is not fetched", func(t *testing.T) {
		w.Edit(t, inCategory, "Synthetic text after leaving.", "synthetic", "")
		before, _ := s.Page(inCategory)
		n := requests(t, w, func() { mustSyncSet(t, c, s) })
		after, _ := s.Page(inCategory)
		if n != 2 || len(after.Revisions) != len(before.Revisions) {
			t.Errorf("%d requests, %d revisions (was %d); want 2 requests, none fetched", n, len(after.Revisions), len(before.Revisions))
		}
		if n := requests(t, w, func() { mustSyncSet(t, c, s) }); n != 1 {
			t.Errorf("no-op after it cost %d requests, want 1", n)
		}
	})
}
