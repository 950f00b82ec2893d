package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
	"github.com/wikisite/wikisite/sync/mw"
)

// BenchmarkSyncFull is a full sync of -pages × -revs into a fresh archive,
// in process, so `-cpuprofile` shows where the client's time goes. The
// wiki (php) runs on the same cores and is not in the profile.
func BenchmarkSyncFull(b *testing.B) {
	w, h := mustWiki(b, *nPages, *nRevs)
	titles := make([]string, len(h))
	for i, p := range h {
		titles[i] = p.Title
	}
	client, err := mw.New(mw.Options{API: w.API, UserAgent: "wikisite-bench/benchmark"})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	n := 0
	b.ResetTimer()
	for b.Loop() {
		n++
		store, err := archive.Open(filepath.Join(dir, fmt.Sprint(n)))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := mirror.Sync(context.Background(), client, store, mirror.Options{Pages: titles})
		if err != nil {
			b.Fatal(err)
		}
		if sum.NewRevisions != len(h)*len(h[0].Revisions)+1 {
			b.Fatalf("synced %d revisions, want %d", sum.NewRevisions, len(h)*len(h[0].Revisions)+1)
		}
	}
}
