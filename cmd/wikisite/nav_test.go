package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/sitecopy"
	"github.com/wikisite/wikisite/sync/archive"
)

// TestNavHistoryIsTheDocuments builds the committed archive after a
// template the page uses was edited later than the page itself, and checks
// that every page's main navigation still links the document's history:
// the link once followed whichever page was edited last, so one template
// edit changed every page of the site.
func TestNavHistoryIsTheDocuments(t *testing.T) {
	dir := t.TempDir()
	sitecopy.Into(t, repoRoot, dir)
	archiveDir := filepath.Join(dir, "archive")
	if err := os.CopyFS(archiveDir, os.DirFS(filepath.Join(repoRoot, "archive"))); err != nil {
		t.Fatal(err)
	}
	store, err := archive.Open(archiveDir)
	if err != nil {
		t.Fatal(err)
	}
	main, err := store.Page("Server/Personas")
	if err != nil {
		t.Fatal(err)
	}
	mustAddRevision(t, store, "Template:Admon/note", main.Last().Timestamp.AddDate(1, 0, 0), "<!-- a later synthetic edit, made up for a test -->")

	public := filepath.Join(dir, "public")
	if code, out, errOut := mustRun(t, "build", "--config", filepath.Join(dir, "config.toml"), "--archive", archiveDir,
		"--content", filepath.Join(dir, "content"), "--destination", public, "--cache", "off", "--pagefind", "off"); code != exitOK {
		t.Fatalf("build: exit %d: %s%s", code, out, errOut)
	}
	link := regexp.MustCompile(`<a href="([^"]*)"[^>]*>History</a>`)
	pages := 0
	err = filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		html := mustReadFile(t, path)
		nav, _, ok := strings.Cut(html, "</nav>")
		if !ok || !strings.Contains(nav, `aria-label="Main"`) {
			return nil // the 404 page and redirects have no header
		}
		pages++
		m := link.FindStringSubmatch(nav)
		if m == nil {
			t.Errorf("%s: the main navigation has no History link", path)
		} else if m[1] != "/history/Server/Personas/" {
			t.Errorf("%s: History links %s, want the document's /history/Server/Personas/", path, m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Fatalf("found %d pages with a main navigation; the check reached too few", pages)
	}
}

// mustAddRevision appends a revision to title's history at at, its text
// the last one's plus a line, as a sync that found one edit commits it.
func mustAddRevision(tb testing.TB, store *archive.Store, title string, at time.Time, line string) {
	tb.Helper()
	lock, err := store.Lock()
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Unlock()
	page, err := store.Page(title)
	if err != nil {
		tb.Fatal(err)
	}
	last := page.Last()
	prev, err := store.Text(title, last.ID)
	if err != nil {
		tb.Fatal(err)
	}
	text := string(prev) + "\n" + line + "\n"
	rev := archive.Revision{ID: last.ID + 1000000, ParentID: last.ID, Timestamp: at,
		User: "Synthetic user", Comment: "synthetic edit", Size: len(text), SHA1: archive.SHA1([]byte(text))}
	tx, err := store.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	if err := tx.PutText(title, rev, []byte(text)); err != nil {
		tb.Fatal(err)
	}
	page.Add(rev)
	tx.PutPage(page)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}
