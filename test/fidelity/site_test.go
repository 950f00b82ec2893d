package fidelity

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html/atom"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/config"
	"github.com/wikisite/wikisite/sync/site"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// repoRoot holds the committed archive/, config.toml, layouts/ and static/.
const repoRoot = "../.."

// converterOptions are the wikitext.Options sync/normalize uses for a
// revision saved at at: shortcodes from config.toml, templates as they
// stood at that time, our own URL for archived pages and the wiki's
// article URL for the rest. normalize keeps this unexported (convert.go,
// urls.go), so it is restated here; keep the two in step.
func converterOptions(cfg *config.Config, store *archive.Store, at time.Time) wikitext.Options {
	return wikitext.Options{
		Shortcodes: cfg.Wiki.Shortcodes,
		Templates:  templatesAt{store, at},
		Link: func(title string) string {
			if _, err := store.Page(archive.Canonical(title)); err != nil {
				return ""
			}
			return "/wiki/" + sitePath(archive.Canonical(title)) + "/"
		},
		WikiURL: articleBase(cfg.Wiki),
	}
}

// templatesAt serves archived pages as they stood at one time; a page not
// archived, not yet created or hidden is not found, as in normalize.
type templatesAt struct {
	store *archive.Store
	at    time.Time
}

func (ts templatesAt) Template(title string) (string, bool) {
	p, err := ts.store.Page(archive.Canonical(title))
	if err != nil {
		return "", false
	}
	r := p.At(ts.at)
	if r == nil || r.TextHidden {
		return "", false
	}
	text, err := ts.store.Text(p.Title, r.ID)
	return string(text), err == nil
}

// articleBase is normalize's: "https://host/w/api.php" gives
// "https://host/wiki/", any other api.php its index.php with "?title=".
func articleBase(w config.Wiki) string {
	if u, err := url.Parse(w.API); err == nil && strings.HasSuffix(u.Path, "/w/api.php") {
		u.Path = strings.TrimSuffix(u.Path, "w/api.php") + "wiki/"
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	return w.IndexURL() + "?title="
}

// sitePath is normalize's URL path for a title: "_" for spaces, "/" kept.
func sitePath(title string) string {
	parts := strings.Split(strings.ReplaceAll(title, " ", "_"), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// wikiPage is the front matter of a page of type "wiki", as normalize
// writes it (docs/content-schema.md), for one revision.
type wikiPage struct {
	Title  string    `toml:"title"`
	Type   string    `toml:"type"`
	URL    string    `toml:"url"`
	Date   time.Time `toml:"date"`
	Params struct {
		WikiTitle string    `toml:"wiki_title"`
		Revision  int64     `toml:"revision"`
		Timestamp time.Time `toml:"timestamp"`
		Author    string    `toml:"author"`
		Summary   string    `toml:"summary"`
	} `toml:"params"`
}

func revisionURL(id int64) string { return "/fidelity/" + strconv.FormatInt(id, 10) + "/" }

// mustSiteProject writes a Hugo project in a temporary folder: the
// repository's config.toml, layouts/ and static/, and one content page per
// revision, holding what the converter made of texts[id].
func mustSiteProject(tb testing.TB, cfg *config.Config, store *archive.Store, p *archive.Page, texts map[int64]string) string {
	tb.Helper()
	dir := tb.TempDir()
	mustCopy(tb, filepath.Join(repoRoot, "config.toml"), filepath.Join(dir, "config.toml"))
	for _, d := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			tb.Fatalf("copy %s: %v", d, err)
		}
	}
	content := filepath.Join(dir, "content", "fidelity")
	if err := os.MkdirAll(content, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, r := range p.Revisions {
		text, ok := texts[r.ID]
		if !ok {
			continue
		}
		md := wikitext.Convert(text, converterOptions(cfg, store, r.Timestamp)).Markdown
		var fm wikiPage
		fm.Title, fm.Type, fm.URL, fm.Date = p.Title, "wiki", revisionURL(r.ID), r.Timestamp
		fm.Params.WikiTitle, fm.Params.Revision, fm.Params.Timestamp = p.Title, r.ID, r.Timestamp
		fm.Params.Author, fm.Params.Summary = r.User, r.Comment
		var buf bytes.Buffer
		buf.WriteString("+++\n")
		if err := toml.NewEncoder(&buf).Encode(fm); err != nil {
			tb.Fatalf("revision %d: front matter: %v", r.ID, err)
		}
		buf.WriteString("+++\n\n" + md)
		name := filepath.Join(content, strconv.FormatInt(r.ID, 10)+".md")
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func mustCopy(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// mustSiteWords builds the project once with site.Build and returns the
// visible words of each revision page's <article>.
func mustSiteWords(tb testing.TB, dir string, ids []int64) map[int64][]string {
	tb.Helper()
	if _, err := site.Build(tb.Context(), site.Options{Dir: dir}); err != nil {
		tb.Fatalf("site.Build: %v", err)
	}
	out := map[int64][]string{}
	for _, id := range ids {
		file := filepath.Join(dir, site.DefaultDestination, filepath.FromSlash(revisionURL(id)), "index.html")
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatalf("revision %d: %v", id, err)
		}
		text, err := visibleText(string(data), atom.Article, siteChrome)
		if err != nil {
			tb.Fatalf("revision %d: %s: %v", id, file, err)
		}
		out[id] = words(text)
	}
	return out
}
