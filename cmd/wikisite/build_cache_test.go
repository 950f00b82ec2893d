package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mustRunBuildCache runs `wikisite build` on the committed archive like
// mustRunBuild, with --cache cache.
func mustRunBuildCache(tb testing.TB, out, cache string) {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	args := []string{"build",
		"--config", filepath.Join(repoRoot, "config.toml"),
		"--archive", filepath.Join(repoRoot, "archive"),
		"--content", filepath.Join(out, "content"),
		"--destination", filepath.Join(out, "public"),
		"--cache", cache,
	}
	if code := run(context.Background(), args, &stdout, &stderr); code != exitOK {
		tb.Fatalf("wikisite %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
}

// TestBuildCacheKeepsOutput builds with an empty cache, with the cache the
// first build left, and with --cache off: content and site must not
// change.
func TestBuildCacheKeepsOutput(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	cold, warm, off := t.TempDir(), t.TempDir(), t.TempDir()
	mustRunBuildCache(t, cold, cache)
	if _, err := os.Stat(filepath.Join(cache, "normalize.pack")); err != nil {
		t.Fatalf("the build left no cache: %v", err)
	}
	mustRunBuildCache(t, warm, cache)
	mustRunBuildCache(t, off, "off")
	for _, dir := range []string{"content", "public"} {
		want := mustTree(t, filepath.Join(cold, dir))
		if len(want) == 0 {
			t.Fatalf("the build wrote nothing into %s", dir)
		}
		for name, other := range map[string]string{"warm cache": warm, "--cache off": off} {
			got := mustTree(t, filepath.Join(other, dir))
			for f, data := range want {
				if !bytes.Equal(data, got[f]) {
					t.Errorf("%s: %s/%s differs from the cold build", name, dir, f)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d files in %s, cold build %d", name, len(got), dir, len(want))
			}
		}
	}
}
