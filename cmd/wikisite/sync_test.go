package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/internal/mwtest"
)

// TestSyncAndStatus runs `wikisite sync` and `wikisite status` against a
// real MediaWiki loaded with the fixture, through the CLI's own run.
func TestSyncAndStatus(t *testing.T) {
	w := mwtest.Start(t)
	w.Import(t, "../../testdata/fedora-server-personas.xml")
	dir := filepath.Join(t.TempDir(), "archive")
	flags := []string{"--config", repoConfig, "--archive", dir, "--api", w.API}

	requests := w.Requests(t)
	code, out, errOut := mustRun(t, append([]string{"status"}, flags...)...)
	if code != exitPending || !regexp.MustCompile(`(?m)^Server/Personas: new revisions \(archive r0, wiki r\d+\)$`).MatchString(out) ||
		!strings.Contains(out, "Server/Personas/FAQ: missing on the wiki\n") {
		t.Errorf("status before sync: exit %d\n%s%s", code, out, errOut)
	}
	if cost := w.Requests(t) - requests; cost != 1 {
		t.Errorf("status cost %d requests, want 1", cost)
	}
	code, out, errOut = mustRun(t, append([]string{"status", "--count"}, flags...)...)
	if code != exitPending || !regexp.MustCompile(`(?m)^Server/Personas: 15 new revisions \(archive r0, wiki r\d+\)$`).MatchString(out) {
		t.Errorf("status --count before sync: exit %d\n%s%s", code, out, errOut)
	}

	// The newest change, Latest, the page and two templates, and one
	// imageinfo for the two photos the history shows (not on this wiki).
	code, out, errOut = mustRun(t, append([]string{"sync"}, flags...)...)
	if code != exitOK || !regexp.MustCompile(`^synced 4 pages: 17 new revisions, 6 requests, \d+\.\d kB\n$`).MatchString(out) ||
		!strings.Contains(errOut, `warning: page "Server/Personas/FAQ" is missing on the wiki`) ||
		!strings.Contains(errOut, "placeholder): File:Serverwg-persona-appdev.jpg, File:Serverwg-persona-smallbiz.jpg\n") {
		t.Errorf("sync: exit %d\n%s%s", code, out, errOut)
	}

	code, out, errOut = mustRun(t, append([]string{"sync"}, flags...)...)
	if code != exitOK || !strings.HasPrefix(out, "synced 4 pages: 0 new revisions, 1 request, ") {
		t.Errorf("second sync: exit %d\n%s%s", code, out, errOut)
	}

	requests = w.Requests(t)
	code, out, errOut = mustRun(t, append([]string{"status"}, flags...)...)
	if code != exitOK || !regexp.MustCompile(`(?m)^Server/Personas: up to date \(r\d+\)$`).MatchString(out) {
		t.Errorf("status after sync: exit %d\n%s%s", code, out, errOut)
	}
	if cost := w.Requests(t) - requests; cost != 1 {
		t.Errorf("status after sync cost %d requests, want 1 (the recent changes)", cost)
	}
}

func TestSyncUnreachableWiki(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	// Port 9 (discard) on loopback refuses connections on test machines;
	// the retries back off for about 10 seconds before giving up.
	code, _, errOut := mustRun(t, "sync", "--config", repoConfig, "--archive", dir,
		"--api", "http://127.0.0.1:9/api.php", "--timeout", "1s")
	if code != exitError || !strings.Contains(errOut, "\nwikisite: sync: ") || !strings.Contains(errOut, "gave up after 5 tries") ||
		!strings.Contains(errOut, "\nhint: ") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}
