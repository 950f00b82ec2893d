package normalize

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// repoArchive and repoConfig are the committed real data.
const (
	repoArchive = "../../archive"
	repoConfig  = "../../config.toml"
)

// mustConfig reads the committed config.toml.
func mustConfig(tb testing.TB) Site {
	tb.Helper()
	data, err := os.ReadFile(repoConfig)
	if err != nil {
		tb.Fatal(err)
	}
	return mustParseSite(tb, string(data))
}

// mustParseSite reads the Site a config.toml gives. The real reader,
// cmd/wikisite/config, imports this package, so its tests cannot use it;
// this one has only its defaults and none of its checks.
func mustParseSite(tb testing.TB, data string) Site {
	tb.Helper()
	var f struct {
		Title  string `toml:"title"`
		Params struct {
			Wiki struct {
				API         string            `toml:"api"`
				Pages       []string          `toml:"pages"`
				Shortcodes  map[string]string `toml:"shortcodes"`
				Placeholder []int64           `toml:"placeholder_revisions"`
			} `toml:"wiki"`
			Meetings []struct {
				Date    time.Time `toml:"date"`
				Title   string    `toml:"title"`
				Minutes string    `toml:"minutes"`
			} `toml:"meetings"`
		} `toml:"params"`
	}
	if _, err := toml.Decode(data, &f); err != nil {
		tb.Fatal(err)
	}
	w := f.Params.Wiki
	s := Site{Title: f.Title, Pages: w.Pages, Wiki: Wiki{API: w.API, Shortcodes: w.Shortcodes, PlaceholderRevisions: w.Placeholder}}
	if s.Wiki.API == "" {
		s.Wiki.API = "https://fedoraproject.org/w/api.php"
	}
	for _, m := range f.Params.Meetings {
		s.Meetings = append(s.Meetings, Meeting{Date: m.Date, Title: m.Title, Minutes: m.Minutes})
	}
	return s
}

func mustOpen(tb testing.TB, dir string) *archive.Store {
	tb.Helper()
	s, err := archive.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// mustCopyArchive copies the committed archive to a temporary folder that
// a test may change.
func mustCopyArchive(tb testing.TB) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), "archive")
	if err := os.CopyFS(dst, os.DirFS(repoArchive)); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// mustWrite runs Write into dir and fails the test on error.
func mustWrite(tb testing.TB, cfg Site, store *archive.Store, dir string) Report {
	tb.Helper()
	rep, err := Write(context.Background(), Options{Site: cfg, Store: store, ContentDir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

// readTree returns every file under dir by slash-separated relative path.
func readTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// doc is a content file taken apart the way Hugo does: front matter
// between the first two "+++" lines, the rest is the body.
type doc struct {
	fm   map[string]any
	body string
}

func mustParse(tb testing.TB, name, file string) doc {
	tb.Helper()
	rest, ok := strings.CutPrefix(file, "+++\n")
	if !ok {
		tb.Fatalf("%s: does not start with a +++ line", name)
	}
	fmText, body, ok := strings.Cut(rest, "\n+++\n")
	if !ok {
		tb.Fatalf("%s: front matter is not closed", name)
	}
	var fm map[string]any
	if _, err := toml.Decode(fmText, &fm); err != nil {
		tb.Fatalf("%s: front matter: %v", name, err)
	}
	return doc{fm: fm, body: body}
}

func mustDoc(tb testing.TB, tree map[string]string, name string) doc {
	tb.Helper()
	file, ok := tree[name]
	if !ok {
		tb.Fatalf("%s was not written; files: %v", name, sortedKeys(tree))
	}
	return mustParse(tb, name, file)
}

// get walks a decoded front matter: get(fm, "params", "changes", "none").
func get(tb testing.TB, v any, path ...string) any {
	tb.Helper()
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			tb.Fatalf("at %q in %v: not a table", k, path)
		}
		v = m[k]
	}
	return v
}

// table returns the array-of-tables at path, or nil when absent.
func table(tb testing.TB, v any, path ...string) []map[string]any {
	tb.Helper()
	x := get(tb, v, path...)
	if x == nil {
		return nil
	}
	t, ok := x.([]map[string]any)
	if !ok {
		tb.Fatalf("%v is %T, not an array of tables", path, x)
	}
	return t
}

// mustAddPage adds a page with the given revision texts (oldest first) to
// the archive in dir, one revision a day from start.
func mustAddPage(tb testing.TB, dir, title string, start time.Time, firstID int64, texts ...string) {
	tb.Helper()
	store := mustOpen(tb, dir)
	lock, err := store.Lock()
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Unlock()
	tx, err := store.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	p := &archive.Page{Title: title, PageID: firstID}
	for i, text := range texts {
		r := archive.Revision{ID: firstID + int64(i), Timestamp: start.Add(time.Duration(i) * 24 * time.Hour),
			User: "SyntheticUser", Comment: "synthetic test edit", Size: len(text), SHA1: archive.SHA1([]byte(text))}
		if i > 0 {
			r.ParentID = r.ID - 1
		}
		if err := tx.PutText(title, r, []byte(text)); err != nil {
			tb.Fatal(err)
		}
		p.Add(r)
	}
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// md is a conversion that gave s, with no shortcode lines.
func md(s string) wikitext.Result { return wikitext.Result{Markdown: s} }
