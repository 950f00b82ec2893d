package normalize

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wikisite/wikisite/sync/archive"
)

// mustWriteCached is mustWrite with a cache folder.
func mustWriteCached(tb testing.TB, cfg Site, store *archive.Store, dir, cache string) Report {
	tb.Helper()
	rep, err := Write(context.Background(), Options{Site: cfg, Store: store, ContentDir: dir, CacheDir: cache})
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

// mustSameOutput checks that two Writes gave the same files and the same
// report, apart from the work counts.
func mustSameOutput(tb testing.TB, wantDir, gotDir string, want, got Report) {
	tb.Helper()
	if diff := cmp.Diff(readTree(tb, wantDir), readTree(tb, gotDir)); diff != "" {
		tb.Errorf("content differs (-uncached +cached):\n%s", diff)
	}
	want.Work, got.Work = Work{}, Work{}
	if diff := cmp.Diff(want, got); diff != "" {
		tb.Errorf("report differs (-uncached +cached):\n%s", diff)
	}
}

// corruptions damage the cache pack in the ways a crash, a full disk or a
// stray tool might.
// A flipped byte damages one record, which this run may not read (a
// diff kept for a history read whole), so it need not cause any work.
var corruptions = []struct {
	name  string
	lossy bool // the run must recompute something
	do    func(tb testing.TB, path string)
}{
	{"truncated", true, func(tb testing.TB, path string) { mustRewrite(tb, path, func(b []byte) []byte { return b[:len(b)/2] }) }},
	{"flipped byte", false, func(tb testing.TB, path string) {
		mustRewrite(tb, path, func(b []byte) []byte { b[len(b)/2] ^= 0x20; return b })
	}},
	{"empty", true, func(tb testing.TB, path string) { mustRewrite(tb, path, func([]byte) []byte { return nil }) }},
	{"garbage", true, func(tb testing.TB, path string) {
		mustRewrite(tb, path, func([]byte) []byte { return []byte("synthetic garbage, not a cache pack") })
	}},
	{"directory", true, func(tb testing.TB, path string) {
		if err := os.Remove(path); err != nil {
			tb.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(path, "synthetic"), 0o755); err != nil {
			tb.Fatal(err)
		}
	}},
}

func mustRewrite(tb testing.TB, path string, f func([]byte) []byte) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, f(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func mustCopyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// allCached fails unless w computed nothing and read something.
func allCached(tb testing.TB, when string, w Work) {
	tb.Helper()
	if w.Conversions != 0 || w.PlainTexts != 0 || w.Diffs != 0 || w.RenderedDiffs != 0 || w.CacheHits == 0 {
		tb.Errorf("%s: %+v, want everything from the cache", when, w)
	}
}

// TestCacheKeepsOutput writes the committed archive without a cache, then
// with a cold, a warm and a damaged cache: every run must give the same
// files and report, and the warm run must compute nothing.
func TestCacheKeepsOutput(t *testing.T) {
	cfg, store, tmp := mustConfig(t), mustOpen(t, repoArchive), t.TempDir()
	plain := filepath.Join(tmp, "plain", "content")
	want := mustWrite(t, cfg, store, plain)
	cache := filepath.Join(tmp, "cache")

	cold := mustWriteCached(t, cfg, store, filepath.Join(tmp, "cold", "content"), cache)
	mustSameOutput(t, plain, filepath.Join(tmp, "cold", "content"), want, cold)
	// A cold run computes what an uncached one does, except that a diff
	// repeated within the run is read back from the cache.
	if w := cold.Work; w.Conversions != want.Work.Conversions || w.PlainTexts != want.Work.PlainTexts ||
		w.Diffs+w.CacheHits != want.Work.Diffs || w.Diffs == 0 || w.RenderedDiffs != want.Work.RenderedDiffs || w.RenderedDiffs == 0 {
		t.Errorf("cold run did %+v, uncached %+v", w, want.Work)
	}

	warm := mustWriteCached(t, cfg, store, filepath.Join(tmp, "warm", "content"), cache)
	mustSameOutput(t, plain, filepath.Join(tmp, "warm", "content"), want, warm)
	allCached(t, "warm run", warm.Work)

	pack := filepath.Join(cache, "normalize.pack")
	for _, c := range corruptions {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cache")
			mustCopyFile(t, pack, filepath.Join(dir, "normalize.pack"))
			c.do(t, filepath.Join(dir, "normalize.pack"))
			content := filepath.Join(t.TempDir(), "content")
			damaged := mustWriteCached(t, cfg, store, content, dir)
			mustSameOutput(t, plain, content, want, damaged)
			if w := damaged.Work; c.lossy && w.Conversions+w.PlainTexts+w.Diffs == 0 {
				t.Errorf("damaged cache: %+v, want the damaged entries recomputed", w)
			}
			// The damaged entries were rewritten.
			allCached(t, "after repair", mustWriteCached(t, cfg, store, content, dir).Work)
		})
	}
}

// TestCacheOneNewRevision adds one synthetic revision to the personas page
// and checks that a warm rebuild computes only that revision's diff and
// conversions, and writes what an uncached build writes.
func TestCacheOneNewRevision(t *testing.T) {
	cfg, dir, tmp := mustConfig(t), mustCopyArchive(t), t.TempDir()
	cache := filepath.Join(tmp, "cache")
	mustWriteCached(t, cfg, mustOpen(t, dir), filepath.Join(tmp, "before"), cache)
	// A warm run in between must keep what the next revision needs.
	allCached(t, "warm run", mustWriteCached(t, cfg, mustOpen(t, dir), filepath.Join(tmp, "before"), cache).Work)

	// The new revision appends a paragraph to the end of the page.
	store := mustOpen(t, dir)
	title := archive.Canonical(cfg.Pages[0])
	p, err := store.Page(title)
	if err != nil {
		t.Fatal(err)
	}
	last := p.Last()
	text, err := store.Text(title, last.ID)
	if err != nil {
		t.Fatal(err)
	}
	mustAppendRevision(t, dir, title, string(text)+"\nSynthetic test paragraph, not real persona text.\n")

	store = mustOpen(t, dir)
	want := mustWrite(t, cfg, store, filepath.Join(tmp, "plain"))
	got := mustWriteCached(t, cfg, store, filepath.Join(tmp, "after"), cache)
	mustSameOutput(t, filepath.Join(tmp, "plain"), filepath.Join(tmp, "after"), want, got)
	// One history diff, for which the new text and its parent are
	// converted to Markdown and to plain text (the conversions behind
	// diffs are not kept, as the diffs are).
	if w := got.Work; w.Diffs != 1 || w.Conversions != 2 || w.PlainTexts != 2 {
		t.Errorf("rebuild after one revision: %+v, want 1 diff, 2 conversions, 2 plain texts", w)
	}
	// Only the diffs with the latest version are rendered again: the
	// meeting page's changes since the last meeting, and the compare
	// pages of each version with the latest.
	if w := got.Work; w.RenderedDiffs == 0 || w.RenderedDiffs*2 > want.Work.RenderedDiffs {
		t.Errorf("rebuild after one revision rendered %d document diffs, uncached %d: want some, at most half",
			w.RenderedDiffs, want.Work.RenderedDiffs)
	}
	t.Logf("document diffs rendered: uncached %d, after one revision %d", want.Work.RenderedDiffs, got.Work.RenderedDiffs)
	if want.Work.Diffs < 10 {
		t.Errorf("uncached build computed only %d diffs: the test archive is too small to tell", want.Work.Diffs)
	}
}

// mustAppendRevision adds a revision with text to the end of title's
// history in the archive in dir, a day after its newest.
func mustAppendRevision(tb testing.TB, dir, title, text string) {
	tb.Helper()
	store := mustOpen(tb, dir)
	lock, err := store.Lock()
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Unlock()
	p, err := store.Page(title)
	if err != nil {
		tb.Fatal(err)
	}
	last := p.Last()
	r := archive.Revision{ID: last.ID + 1000, ParentID: last.ID, Timestamp: last.Timestamp.Add(24 * time.Hour),
		User: "SyntheticUser", Comment: "synthetic test edit", Size: len(text), SHA1: archive.SHA1([]byte(text))}
	tx, err := store.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.PutText(title, r, []byte(text)); err != nil {
		tb.Fatal(err)
	}
	p.Add(r)
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// TestDiffEntryRoundTrip stores diffs in a cache folder and reads them
// back: gob drops zero values and flattens pointers, so a moved_to of 0
// is the case that would go wrong unnoticed.
func TestDiffEntryRoundTrip(t *testing.T) {
	zero, two := 0, 2
	moved := "Synthetic moved paragraph with enough words to be recognised as a move.\n"
	tests := []struct {
		name string
		d    textDiff
	}{
		{"empty", textDiff{class: "identical"}},
		{"moved to 0", textDiff{class: "substantive", blocks: []block{
			{Kind: "moved", Spans: []span{{Op: "eq", Text: "synthetic"}}},
			{Kind: "same", Elided: 4},
			{Kind: "moved", MovedTo: &zero, Spans: []span{{Op: "eq", Text: ""}, {Op: "ins", Text: "x"}}},
			{Kind: "moved", MovedTo: &two},
		}, missing: []string{"synthetic diagnostic"}}},
		{"computed", textDiff{class: "substantive",
			blocks: diffBlocks(md("Synthetic line one.\n"+moved+"Synthetic line two.\n"), md("Synthetic line one.\nSynthetic line two.\n"+moved))}},
	}
	dir := t.TempDir()
	c := newDiskCache(dir)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := newKey([]byte{byte(i)})
			c.put(k, entryOfDiff(tt.d))
			if err := c.save(); err != nil {
				t.Fatal(err)
			}
			c = newDiskCache(dir)
			var e diffEntry
			if !c.get(k, &e) {
				t.Fatal("entry not read back")
			}
			if diff := cmp.Diff(tt.d, e.textDiff(), cmp.AllowUnexported(textDiff{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("round trip (-stored +read):\n%s", diff)
			}
		})
	}
}

// TestDiskCacheCarriesRecords follows records through three Writes' caches:
// those read back or kept go into the next pack from the loaded one, those
// put from the spill file; the rest are dropped, and no spill file is left.
func TestDiskCacheCarriesRecords(t *testing.T) {
	dir := t.TempDir()
	key := func(s string) cacheKey { return newKey([]byte(s)) }
	mustGet := func(c *diskCache, name string, want bool) {
		t.Helper()
		var got string
		if ok := c.get(key(name), &got); ok != want || ok && got != "synthetic "+name {
			t.Errorf("get %s = %q, %v; want found %v", name, got, ok, want)
		}
	}
	stale := filepath.Join(dir, spillPattern+"crashed")
	if err := os.WriteFile(stale, []byte("synthetic leftover of a crashed build"), 0o644); err != nil {
		t.Fatal(err)
	}

	c := newDiskCache(dir)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a crashed build's spill file is still there: %v", err)
	}
	for _, name := range []string{"read", "kept", "dropped"} {
		c.put(key(name), "synthetic "+name)
	}
	mustSave(t, c, dir)

	c = newDiskCache(dir)
	mustGet(c, "read", true)
	c.keep(key("kept"))
	c.put(key("new"), "synthetic new")
	mustSave(t, c, dir)

	c = newDiskCache(dir)
	for name, want := range map[string]bool{"read": true, "kept": true, "new": true, "dropped": false} {
		mustGet(c, name, want)
	}
	c.close()
}

// mustSave saves c and checks that its spill file is gone.
func mustSave(tb testing.TB, c *diskCache, dir string) {
	tb.Helper()
	if err := c.save(); err != nil {
		tb.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, spillPattern+"*")); len(left) > 0 {
		tb.Errorf("spill files left after save: %q", left)
	}
}

// TestCodeVersionHashesTheBinary: a test binary carries no commit, so the
// code version is the hash of its bytes, the same however often it is
// asked for (and across rebuilds of the same code).
func TestCodeVersionHashesTheBinary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	v := codeVersion()
	if want := fmt.Sprintf("%x", sha256.Sum256(data)); !strings.HasSuffix(v, " "+want) || !strings.HasPrefix(v, cacheFormat+" ") {
		t.Errorf("codeVersion() = %q, want %q … %s", v, cacheFormat, want)
	}
	if again := codeVersion(); again != v {
		t.Errorf("codeVersion() changed within a run: %q, then %q", v, again)
	}
}
