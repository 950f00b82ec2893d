package fidelity

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html/atom"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/internal/sitecopy"
	"github.com/wikisite/wikisite/internal/visible"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/normalize"
	"github.com/wikisite/wikisite/sync/site"
)

// repoRoot holds the committed archive/, config.toml, layouts/ and static/.
const repoRoot = "../.."

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
	conv, err := normalize.NewConverter(normalize.Options{Site: cfg.NormalizeSite(), Store: store})
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	sitecopy.Into(tb, repoRoot, dir)
	content := filepath.Join(dir, "content", "fidelity")
	if err := os.MkdirAll(content, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, r := range p.Revisions {
		if _, ok := texts[r.ID]; !ok {
			continue
		}
		res, err := conv.Revision(p.Title, r.ID)
		if err != nil {
			tb.Fatal(err)
		}
		md := res.Markdown
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
		text, err := visible.Text(string(data), atom.Article, visible.SiteChrome)
		if err != nil {
			tb.Fatalf("revision %d: %s: %v", id, file, err)
		}
		out[id] = visible.Words(text)
	}
	return out
}
