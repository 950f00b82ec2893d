package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/wikisite/wikisite/internal/sitecopy"
)

// docsPages are made-up pages for [[params.documents]] rules, with their
// revisions' times: around the committed config's meetings, so the
// entities appear, change and go between versions.
var docsPages = []struct {
	title string
	revs  []synthEdit
}{
	{"Synthetic/Requirements", []synthEdit{
		{"2013-11-01T10:00:00Z", "Synthetic requirements, made up for a test.\n\n== Use case 1: Register a widget ==\n* fill in the form\n"},
		{"2013-11-20T10:00:00Z", "Synthetic requirements, made up for a test.\n\n== Use case 1: Register a widget ==\n* fill in the long form\n\n== Use case 2: Retire a widget ==\n* press the button\n"},
		{"2014-01-10T10:00:00Z", "Synthetic requirements, made up for a test.\n\n== Use case 1: Register a widget ==\n* fill in the long form\n\n== Use case 3: Archive a widget ==\n* press the other button\n"},
	}},
	{"Synthetic/Teams/Alpha", []synthEdit{
		{"2013-11-20T11:00:00Z", "Synthetic team page.\n\n== Member 1: Tester One ==\n* writes synthetic tests\n"},
		{"2014-01-10T11:00:00Z", "Synthetic team page.\n\n== Member 1: Tester One ==\n* writes synthetic tests daily\n\n== Member 2: Tester Two ==\n* reads them\n"},
	}},
}

// docsRules splits the pages above: one by page, one by prefix.
const docsRules = `
[[params.documents]]
page = "Synthetic/Requirements"
heading_level = 2
heading_pattern = '^Use case (\d+): (.*)$'
section = "use-cases"

[[params.documents]]
prefix = "Synthetic/Teams/"
heading_pattern = '^Member (\d+): (.*)$'
section = "teams"
`

type synthEdit struct{ at, text string }

// mustDocsProject lays out a project of the repository's config (plus
// the pages and rules above), layouts, static files and archive (plus the
// pages' revisions), and returns its config.toml.
func mustDocsProject(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	sitecopy.Into(tb, repoRoot, dir)
	if err := os.CopyFS(filepath.Join(dir, "archive"), os.DirFS(filepath.Join(repoRoot, "archive"))); err != nil {
		tb.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "config.toml")
	cfg := mustReadFile(tb, cfgPath)
	const pages = `pages = ["Server/Personas", "Server/Personas/FAQ"]`
	if !strings.Contains(cfg, pages) {
		tb.Fatalf("config.toml no longer says %s", pages)
	}
	var titles, dump strings.Builder
	dump.WriteString(`<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">`)
	for i, p := range docsPages {
		fmt.Fprintf(&titles, ", %q", p.title)
		var revs []string
		for j, r := range p.revs {
			revs = append(revs, synthRevAt(910000+100*i+j, r.at, r.text))
		}
		dump.WriteString(strings.Replace(synthPage(p.title, revs...), "<id>900</id>", fmt.Sprintf("<id>%d</id>", 910+i), 1))
	}
	dump.WriteString("</mediawiki>")
	cfg = strings.Replace(cfg, pages, strings.TrimSuffix(pages, "]")+titles.String()+"]", 1) + docsRules
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		tb.Fatal(err)
	}
	dumpPath := filepath.Join(dir, "synthetic.xml")
	if err := os.WriteFile(dumpPath, []byte(dump.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	if code, _, errOut := mustRun(tb, "import", "--config", cfgPath, "--archive", filepath.Join(dir, "archive"), dumpPath); code != exitOK {
		tb.Fatalf("import: exit %d: %s", code, errOut)
	}
	return cfgPath
}

// TestDocumentSiteLinks builds the site with two [[params.documents]]
// rules and follows every link and image of every page: each must reach
// a built file, and a link's #fragment an element of its page.
func TestDocumentSiteLinks(t *testing.T) {
	cfgPath := mustDocsProject(t)
	dir := filepath.Dir(cfgPath)
	public := filepath.Join(dir, "public")
	if code, out, errOut := mustRun(t, "build", "--config", cfgPath, "--archive", filepath.Join(dir, "archive"),
		"--content", filepath.Join(dir, "content"), "--destination", public, "--cache", "off", "--pagefind", "off"); code != exitOK {
		t.Fatalf("build: exit %d: %s%s", code, out, errOut)
	}
	for _, page := range []string{"use-cases/register-a-widget", "use-cases/compare", "teams/alpha/tester-one", "teams/alpha/compare"} {
		if _, err := os.Stat(filepath.Join(public, page, "index.html")); err != nil {
			t.Errorf("/%s/ was not built: %v", page, err)
		}
	}
	site := mustCrawl(t, public)
	broken := site.broken()
	for _, b := range broken {
		t.Error(b)
	}
	// The check is only as good as its reach: it must have followed the
	// entity pages' own links, compare tables included.
	for _, want := range []string{"/use-cases/compare/2013-11-05/latest/register-a-widget/", "/teams/alpha/compare/2014-01-07/latest/"} {
		if !site.linked[want] {
			t.Errorf("no page links %s", want)
		}
	}
	t.Logf("%d pages, %d links checked, %d broken", len(site.ids), site.links, len(broken))
}

// crawl is what a built site's pages hold: their ids, and their links.
type crawl struct {
	root   string
	ids    map[string]map[string]bool // page URL path → element ids
	refs   []siteRef
	linked map[string]bool // every link's path
	links  int
}

type siteRef struct{ from, attr, to string }

// mustCrawl reads every .html file under root.
func mustCrawl(tb testing.TB, root string) *crawl {
	tb.Helper()
	c := &crawl{root: root, ids: map[string]map[string]bool{}, linked: map[string]bool{}}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(root, p)
		page := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		c.ids[page] = map[string]bool{}
		c.walk(page, doc)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func (c *crawl) walk(page string, n *html.Node) {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			switch {
			case a.Key == "id" || a.Key == "name" && n.Data == "a":
				c.ids[page][a.Val] = true
			case a.Key == "href" && n.Data != "base" || a.Key == "src":
				c.refs = append(c.refs, siteRef{page, n.Data + " " + a.Key, a.Val})
			}
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(page, k)
	}
}

// broken lists every link within the site that reaches no built file,
// or no element of its page for a #fragment.
func (c *crawl) broken() []string {
	var out []string
	for _, r := range c.refs {
		u, err := url.Parse(r.to)
		if err != nil {
			out = append(out, fmt.Sprintf("%s: %s %q: %v", r.from, r.attr, r.to, err))
			continue
		}
		if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
			continue // another site's
		}
		target := (&url.URL{Path: r.from}).ResolveReference(u).Path
		c.links++
		c.linked[target] = true
		file := filepath.Join(c.root, filepath.FromSlash(target))
		if strings.HasSuffix(target, "/") {
			file = filepath.Join(file, "index.html")
		}
		if st, err := os.Stat(file); err != nil || st.IsDir() {
			out = append(out, fmt.Sprintf("%s: %s %s: no such file in public/", r.from, r.attr, r.to))
			continue
		}
		if ids, ok := c.ids[target]; ok && u.Fragment != "" && !ids[u.Fragment] {
			out = append(out, fmt.Sprintf("%s: %s %s: no id %q on %s", r.from, r.attr, r.to, u.Fragment, target))
		}
	}
	sort.Strings(out)
	return out
}

// synthRevAt is a revision of a synthetic page saved at a time (RFC 3339;
// import rejects any other).
func synthRevAt(id int, at, text string) string {
	return strings.Replace(synthRev(id, text), "2001-01-01T00:00:00Z", at, 1)
}

// TestCrawlBroken: the link check itself tells reachable links from
// broken ones.
func TestCrawlBroken(t *testing.T) {
	tests := []struct {
		name, href string
		broken     bool
	}{
		{"page", "/b/", false},
		{"page with its id", "/b/#here", false},
		{"relative", "../b/", false},
		{"own fragment", "#top", false},
		{"file", "/style.css", false},
		{"another site", "https://example.org/missing/", false},
		{"no page", "/c/", true},
		{"no such id", "/b/#gone", true},
		{"no such own id", "#gone", true},
		{"no file", "/missing.css", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, data := range map[string]string{
				"a/index.html": `<html><body id="top"><a href="` + tt.href + `">x</a></body></html>`,
				"b/index.html": `<html><body><h2 id="here">b</h2></body></html>`,
				"style.css":    "body{}",
			} {
				path := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := mustCrawl(t, root).broken(); (len(got) > 0) != tt.broken {
				t.Errorf("%s: broken = %q, want broken %v", tt.href, got, tt.broken)
			}
		})
	}
}
