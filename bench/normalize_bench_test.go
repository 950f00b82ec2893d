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
// a fresh archive, with made-up revision ids, as a sync would leave it.
func mustArchive(tb testing.TB, pages, revs int) (*archive.Store, []Page) {
	tb.Helper()
	store, err := archive.Open(filepath.Join(tb.TempDir(), "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	h := History(pages, revs)
	tpl := Page{Title: TemplateTitle, Revisions: []Revision{{Time: Start.Add(-24 * time.Hour), User: "Synthetic user 0", Comment: "Synthetic template", Text: templateText}}}
	id := int64(0)
	for n, p := range append([]Page{tpl}, h...) {
		tx, err := store.Begin()
		if err != nil {
			tb.Fatal(err)
		}
		ap := &archive.Page{Title: p.Title, PageID: int64(n + 1)}
		if n == 0 {
			ap.Namespace = 10
		}
		parent := int64(0)
		for _, r := range p.Revisions {
			id++
			rev := archive.Revision{ID: id, ParentID: parent, Timestamp: r.Time, User: r.User, Comment: r.Comment,
				Size: len(r.Text), SHA1: archive.SHA1([]byte(r.Text))}
			if err := tx.PutText(p.Title, rev, []byte(r.Text)); err != nil {
				tb.Fatal(err)
			}
			ap.Revisions = append(ap.Revisions, rev)
			parent = id
		}
		tx.PutPage(ap)
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
	return store, h
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
	store, h := mustArchive(b, *nPages, *nRevs)
	titles := make([]string, len(h))
	for i, p := range h {
		titles[i] = p.Title
	}
	cfg, err := config.Parse("bench.toml", []byte(projectConfig("", "http://127.0.0.1:1/api.php", titles, *nRevs)))
	if err != nil {
		b.Fatal(err)
	}
	return store, cfg
}
