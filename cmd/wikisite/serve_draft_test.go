package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/internal/reloadtest"
	"github.com/wikisite/wikisite/sync/site"
)

// TestServeReloadsADraft: `wikisite serve --draft` shows the draft with its
// banner, and saving the file rebuilds and tells open pages to reload. The
// draft is the committed latest revision plus a synthetic persona; the
// repository's archive is only read.
func TestServeReloadsADraft(t *testing.T) {
	latest := mustLatestText(t, filepath.Join("..", "..", "archive", "Server%2FPersonas"))
	draftFile := filepath.Join(t.TempDir(), "draft.wiki")
	persona := func(name string) string {
		return latest + "\n\n=== Persona #3: " + name + " ===\n\n<span style=\"font-size: 24px; font-weight: bold;\">\n" + name +
			"\n</span>\n\n==== Frustrations ====\n\n* Synthetic frustration written only for the serve test.\n"
	}
	mustWriteFile(t, draftFile, persona("Test Persona (draft)"))

	port := mustFreePort(t)
	stdout := &lineWriter{lines: make(chan string, 8)}
	stderr := &lineWriter{lines: make(chan string, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, []string{"serve", "--config", repoConfig, "--archive", filepath.Join("..", "..", "archive"),
			"--port", port, "--pagefind", "off", "--cache", "off", "--draft", "Server/Personas=" + draftFile}, stdout, stderr)
	}()
	url := mustServing(t, port, stdout, stderr, exited)
	home := reloadtest.MustGet(t, url)
	for _, want := range []string{"Draft (not on the wiki)", "/personas/test-persona-draft/"} {
		if !strings.Contains(home, want) {
			t.Errorf("the served home page lacks %q", want)
		}
	}

	reload := reloadtest.Subscribe(t, strings.TrimSuffix(url, "/")+site.ReloadPath)
	mustWriteFile(t, draftFile, persona("Renamed Persona (draft)"))
	for event := range reload {
		if strings.HasPrefix(event, "reload") && strings.Contains(reloadtest.MustGet(t, url), "/personas/renamed-persona-draft/") {
			break
		}
	}
	if !strings.Contains(reloadtest.MustGet(t, url), "/personas/renamed-persona-draft/") {
		t.Fatalf("the reload stream ended before the edited draft was served; stderr:\n%s", stderr.buf.String())
	}
	cancel()
	if code := <-exited; code != exitOK {
		t.Errorf("serve exited %d after Ctrl-C; stderr:\n%s", code, stderr.buf.String())
	}
}

// mustLatestText is the text of the newest revision file in an archived
// page's folder.
func mustLatestText(tb testing.TB, dir string) string {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.wiki"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no revisions in %s: %v", dir, err)
	}
	newest := names[0]
	for _, n := range names {
		if len(n) > len(newest) || (len(n) == len(newest) && n > newest) {
			newest = n
		}
	}
	data, err := os.ReadFile(newest)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}
