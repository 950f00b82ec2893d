package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/internal/sitecopy"
	"github.com/wikisite/wikisite/sync/archive"
)

// TestNavHistoryIsTheDocuments builds the committed archive after a
// template the page uses was edited later than the page itself, and checks
// that every page's main navigation still links the document's history:
// the link once followed whichever page was edited last, so one template
// edit changed every page of the site.
func TestNavHistoryIsTheDocuments(t *testing.T) {
	dir, store := mustSiteWithArchive(t)
	main, err := store.Page("Server/Personas")
	if err != nil {
		t.Fatal(err)
	}
	later := main.Last().Timestamp.AddDate(1, 0, 0)
	mustAddRevision(t, store, "Template:Admon/note", "<!-- a later synthetic edit, made up for a test -->",
		func(last *archive.Revision) archive.Revision {
			return archive.Revision{ID: last.ID + 1000000, Timestamp: later, User: "Synthetic user", Comment: "synthetic edit"}
		})
	public := mustBuildSite(t, dir)
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

// mustSiteWithArchive lays out a project of the repository's site files
// and a copy of its archive, to add revisions to, and opens the copy.
func mustSiteWithArchive(tb testing.TB) (dir string, store *archive.Store) {
	tb.Helper()
	dir = tb.TempDir()
	sitecopy.Into(tb, repoRoot, dir)
	archiveDir := filepath.Join(dir, "archive")
	if err := os.CopyFS(archiveDir, os.DirFS(filepath.Join(repoRoot, "archive"))); err != nil {
		tb.Fatal(err)
	}
	store, err := archive.Open(archiveDir)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, store
}

// mustBuildSite builds the project in dir, uncached and without search,
// and returns its public folder.
func mustBuildSite(tb testing.TB, dir string) string {
	tb.Helper()
	public := filepath.Join(dir, "public")
	if code, out, errOut := mustRun(tb, "build", "--config", filepath.Join(dir, "config.toml"), "--archive", filepath.Join(dir, "archive"),
		"--content", filepath.Join(dir, "content"), "--destination", public, "--cache", "off", "--pagefind", "off"); code != exitOK {
		tb.Fatalf("build: exit %d: %s%s", code, out, errOut)
	}
	return public
}

// mustAddRevision appends a revision to title's history, its text the
// last one's plus line, as a sync that found one edit commits it; next
// gives its id, time, user and comment from the last revision.
func mustAddRevision(tb testing.TB, store *archive.Store, title, line string, next func(last *archive.Revision) archive.Revision) {
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
	rev := next(last)
	rev.ParentID, rev.Size, rev.SHA1 = last.ID, len(text), archive.SHA1([]byte(text))
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
