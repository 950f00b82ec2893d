package bench

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wikisite/wikisite/sync/normalize"
)

// BenchmarkNormalizeCache is BenchmarkNormalize with normalize's cache
// folder: "cold" starts every run from an empty cache (what a first build
// costs), "warm" from the cache the previous run left (a rebuild with no
// new revision; one new revision adds one conversion and one diff).
func BenchmarkNormalizeCache(b *testing.B) {
	store, cfg := mustNormalizeInput(b)
	for _, warm := range []bool{false, true} {
		name := map[bool]string{false: "cold", true: "warm"}[warm]
		b.Run(name, func(b *testing.B) {
			dir, cache := filepath.Join(b.TempDir(), "content"), filepath.Join(b.TempDir(), "cache")
			opts := normalize.Options{Site: cfg.NormalizeSite(), Store: store, ContentDir: dir, CacheDir: cache}
			if warm {
				mustNormalize(b, opts)
			}
			for b.Loop() {
				if !warm {
					b.StopTimer()
					opts.CacheDir = filepath.Join(b.TempDir(), "cache")
					b.StartTimer()
				}
				rep := mustNormalize(b, opts)
				if warm && rep.Work.Diffs != 0 {
					b.Fatalf("warm run computed %d diffs", rep.Work.Diffs)
				}
			}
		})
	}
}

func mustNormalize(b *testing.B, opts normalize.Options) normalize.Report {
	b.Helper()
	rep, err := normalize.Write(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	if rep.Pages == 0 {
		b.Fatal("normalize wrote no wiki pages")
	}
	return rep
}
