package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBuild measures one whole build of the tiny synthetic site:
// Hugo's setup, rendering, the static copy and the swap.
func BenchmarkBuild(b *testing.B) {
	dir := mustProject(b, "tiny", nil)
	opts := Options{Dir: dir, Destination: b.TempDir()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex measures Pagefind alone on a synthetic site of 1,000
// persona-like pages in 10 versions of 100 (one bundle each), so that the
// cost of search on a large page set shows without the 1,000-page wiki.
// It reports the bytes of all bundles and of their index data (what is left
// without pagefind.js, its worker and wasm, which every bundle repeats).
func BenchmarkSearchIndex(b *testing.B) {
	bin := mustPagefind(b)
	site := b.TempDir()
	var indexes []SearchIndex
	for v := range 10 {
		name := fmt.Sprintf("v%02d", v)
		indexes = append(indexes, SearchIndex{Name: name, Pages: name})
		for p := range 100 {
			mustWrite(b, filepath.Join(site, name, fmt.Sprintf("p%03d", p), "index.html"), syntheticPage(v, p))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if err := os.RemoveAll(filepath.Join(site, SearchDir)); err != nil {
			b.Fatal(err)
		}
		if err := indexSearch(context.Background(), bin, site, indexes, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var all, data int64
	err := filepath.WalkDir(filepath.Join(site, SearchDir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		all += info.Size()
		if base := filepath.Base(path); !strings.HasPrefix(base, "pagefind.js") && !strings.HasPrefix(base, "pagefind-worker") && !strings.HasPrefix(base, "wasm.") {
			data += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(all), "bundle-bytes")
	b.ReportMetric(float64(data), "index-bytes")
}

// syntheticPage is a page of made-up words (no persona text), a few
// hundred of them, varying with the version and page number.
func syntheticPage(version, page int) string {
	words := []string{"synthetic", "server", "deploy", "console", "backup", "network", "storage", "monitor", "update", "cluster", "script", "policy"}
	var body strings.Builder
	for i := range 300 {
		body.WriteString(words[(i*7+page+version)%len(words)])
		fmt.Fprintf(&body, "%d ", (i*31+page)%97)
	}
	return fmt.Sprintf("<!doctype html><html lang=\"en\"><head><title>Synthetic %d/%d</title></head><body><article data-pagefind-body><h1>Synthetic persona %d</h1><p>%s</p></article></body></html>", version, page, page, body.String())
}
