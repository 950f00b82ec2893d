package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"testing"
	"time"

	"github.com/wikisite/wikisite/bench"
	"github.com/wikisite/wikisite/sync/archive"
)

// BenchmarkOneRevision measures issue 11's one-shot target: `wikisite
// build` after sync has committed one new revision, against a cold build
// of the same project, both in one run. Each iteration builds cold
// (content/, public/ and resources/ removed), commits one revision to the
// archive the way sync would, and builds again; it reports the medians
// of both and their ratio. The project is a copy of -profile-project
// (made by TestScaleProject), which it leaves as it was:
//
//	go test ./bench -run TestScaleProject -args -scale-project /tmp/p -pages 20 -revs 100
//	go test ./cmd/wikisite -run '^$' -bench OneRevision -benchtime 5x -args -profile-project /tmp/p
//
// The builds run under the pprof label build=cold or build=onerev, so
// one -cpuprofile shows either alone (go tool pprof -tagfocus build=onerev).
// The sync's own part (two requests, bench/README.md) is not in it.
func BenchmarkOneRevision(b *testing.B) {
	if *profileProject == "" {
		b.Skip("needs -profile-project (see bench/README.md)")
	}
	dir := filepath.Join(b.TempDir(), "project")
	if err := os.CopyFS(dir, os.DirFS(*profileProject)); err != nil {
		b.Fatal(err)
	}
	b.Chdir(dir)
	store, err := archive.Open(filepath.Join(dir, "archive"))
	if err != nil {
		b.Fatal(err)
	}
	titles := mustSyntheticTitles(b, store)
	build := func(label string) time.Duration {
		start := time.Now()
		var code int
		pprof.Do(context.Background(), pprof.Labels("build", label), func(ctx context.Context) {
			code = run(ctx, []string{"build", "--pagefind", "off"}, io.Discard, os.Stderr)
		})
		if code != exitOK {
			b.Fatalf("wikisite build (%s) in %s: exit %d", label, dir, code)
		}
		return time.Since(start)
	}
	var cold, warm []time.Duration
	i := 0
	for b.Loop() {
		mustRemove(b, dir, "content", "public", "resources")
		cold = append(cold, build("cold"))
		mustCommitRevision(b, store, titles[i%len(titles)], fmt.Sprintf("Synthetic one-shot marker %d.", i))
		warm = append(warm, build("onerev"))
		i++
	}
	b.Logf("cold: %v", cold)
	b.Logf("after one new revision: %v", warm)
	mc, mw := median(cold), median(warm)
	b.ReportMetric(mc.Seconds(), "cold-s")
	b.ReportMetric(mw.Seconds(), "onerev-s")
	b.ReportMetric(mw.Seconds()/mc.Seconds(), "onerev/cold")
}

func mustRemove(tb testing.TB, dir string, names ...string) {
	tb.Helper()
	for _, d := range names {
		if err := os.RemoveAll(filepath.Join(dir, d)); err != nil {
			tb.Fatal(err)
		}
	}
}

// mustSyntheticTitles lists the archive's synthetic pages (not the
// template they call).
func mustSyntheticTitles(tb testing.TB, store *archive.Store) []string {
	tb.Helper()
	all, err := store.Titles()
	if err != nil {
		tb.Fatal(err)
	}
	var titles []string
	for _, t := range all {
		if t != archive.Canonical(bench.TemplateTitle) {
			titles = append(titles, t)
		}
	}
	if len(titles) == 0 {
		tb.Fatalf("archive %s holds no synthetic pages", store.Dir())
	}
	return titles
}

// mustCommitRevision adds one revision to the page, after its last, as
// a sync that found one edit commits it.
func mustCommitRevision(tb testing.TB, store *archive.Store, title, marker string) {
	tb.Helper()
	var maxID int64
	for _, t := range mustSyntheticTitles(tb, store) {
		p, err := store.Page(t)
		if err != nil {
			tb.Fatal(err)
		}
		maxID = max(maxID, p.Last().ID)
	}
	mustAddRevision(tb, store, title, marker, func(last *archive.Revision) archive.Revision {
		return archive.Revision{ID: maxID + 1, Timestamp: last.Timestamp.Add(time.Hour), User: "Synthetic user 5", Comment: "synthetic edit"}
	})
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
