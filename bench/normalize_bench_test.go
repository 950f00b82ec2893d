package bench

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/normalize"
)

// mustArchive writes History(pages, revs) and the template straight into
// a fresh archive, with made-up revision ids, as a sync would leave it,
// and returns the pages' titles.
func mustArchive(tb testing.TB, pages, revs int) (*archive.Store, []string) {
	tb.Helper()
	store, err := archive.Open(filepath.Join(tb.TempDir(), "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	titles, _, _ := mustWriteArchive(tb, store, pages, revs)
	return store, titles
}

// mustWriteArchive streams the synthetic history into store one page at a
// time, so a 10,000-revision page never sits in memory whole. It returns
// the titles, the bytes of wikitext written and each page's last revision.
func mustWriteArchive(tb testing.TB, store *archive.Store, pages, revs int) ([]string, int64, []Revision) {
	tb.Helper()
	// Under the write lock, as sync writes: the store then knows every
	// page's folder after one scan. Without it each new page's folder was
	// looked for by reading every page.toml, which made 3,000 pages take
	// longer to write than to build.
	lock, err := store.Lock()
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Unlock()
	var id, textBytes int64
	// Pages share a transaction up to about batch revisions: a commit
	// flushes to disk, and one per page made 1,000 small pages take
	// minutes on a busy disk.
	const batch = 500
	var tx *archive.Tx
	staged := 0
	commit := func() {
		if tx != nil {
			if err := tx.Commit(); err != nil {
				tb.Fatal(err)
			}
			tx, staged = nil, 0
		}
	}
	put := func(n int, title string, each func(func(Revision))) {
		if tx == nil {
			var err error
			if tx, err = store.Begin(); err != nil {
				tb.Fatal(err)
			}
		}
		ap := &archive.Page{Title: title, PageID: int64(n + 1)}
		if n == 0 {
			ap.Namespace = 10
		}
		each(func(r Revision) {
			id++
			rev := archive.Revision{ID: id, Timestamp: r.Time, User: r.User, Comment: r.Comment,
				Size: len(r.Text), SHA1: archive.SHA1([]byte(r.Text))}
			if last := ap.Last(); last != nil {
				rev.ParentID = last.ID
			}
			if err := tx.PutText(title, rev, []byte(r.Text)); err != nil {
				tb.Fatal(err)
			}
			ap.Revisions = append(ap.Revisions, rev)
			textBytes += int64(len(r.Text))
		})
		tx.PutPage(ap)
		if staged += len(ap.Revisions); staged >= batch {
			commit()
		}
	}
	put(0, TemplateTitle, func(fn func(Revision)) {
		fn(Revision{Time: Start.Add(-24 * time.Hour), User: "Synthetic user 0", Comment: "Synthetic template", Text: templateText})
	})
	titles, last := make([]string, pages), make([]Revision, pages)
	for p := range pages {
		titles[p] = Title(p)
		put(p+1, titles[p], func(fn func(Revision)) {
			EachRevision(p, revs, func(r Revision) { last[p] = r; fn(r) })
		})
	}
	commit()
	return titles, textBytes, last
}

// BenchmarkNormalize rewrites content/ from a -pages × -revs archive: the
// part of `wikisite build` before Hugo, in process for `-cpuprofile`.
func BenchmarkNormalize(b *testing.B) {
	store, cfg := mustNormalizeInput(b)
	dir := filepath.Join(b.TempDir(), "content")
	for b.Loop() {
		rep, err := normalize.Write(context.Background(), normalize.Options{Site: cfg.NormalizeSite(), Store: store, ContentDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Pages == 0 {
			b.Fatal("normalize wrote no wiki pages")
		}
	}
}

// mustNormalizeInput makes the synthetic -pages × -revs archive and a
// configuration that mirrors its pages, for the normalize benchmarks.
func mustNormalizeInput(b *testing.B) (*archive.Store, *config.Config) {
	b.Helper()
	store, titles := mustArchive(b, *nPages, *nRevs)
	cfg, err := config.Parse("bench.toml", []byte(projectConfig("", "http://127.0.0.1:1/api.php", titles, *nRevs)))
	if err != nil {
		b.Fatal(err)
	}
	return store, cfg
}
