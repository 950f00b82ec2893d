package normalize

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/personas"
)

// TestDocumentEntities: a configured second document, a made-up
// requirements page, gets one page per use case with its history across
// the meetings and credits, while the personas pages stay as they are
// without the rule.
func TestDocumentEntities(t *testing.T) {
	dir := mustCopyArchive(t)
	const title = "Synthetic/Requirements"
	v1 := "Synthetic requirements, made up for a test.\n\n== Use case 1: Register a widget ==\n=== Steps ===\n* fill in the form\n\n== Open questions ==\nNone.\n"
	v2 := "Synthetic requirements, made up for a test.\n\n== Use case 1: Register a widget ==\n=== Steps ===\n* fill in the long form\n\n== Use case 2: Retire a widget ==\n=== Steps ===\n* press the button\n"
	mustAddPage(t, dir, title, time.Date(2014, 1, 7, 12, 0, 0, 0, time.UTC), 900000, v1, v2)
	store := mustOpen(t, dir)
	cfg := mustConfig(t)
	cfg.Pages = append(cfg.Pages, title)

	plain := readTree(t, writeTo(t, cfg, store))
	cfg.Documents = []Document{{Page: title, Section: "use-cases",
		Rule: personas.Rule{Heading: regexp.MustCompile(`^Use case (\d+): (.*)$`), Level: 2}}}
	ruled := readTree(t, writeTo(t, cfg, store))

	for name, file := range plain {
		if ruled[name] != file {
			t.Errorf("%s changed when a documents rule was added", name)
		}
	}
	for name := range ruled {
		if _, ok := plain[name]; !ok && !strings.HasPrefix(name, "use-cases/") && !strings.HasPrefix(name, "authors/use-cases/") {
			t.Errorf("%s: written outside use-cases/ by the rule", name)
		}
	}
	list := mustDoc(t, ruled, "use-cases/_index.md")
	if got := get(t, list.fm, "url"); got != "/use-cases/" {
		t.Errorf("list url = %v", got)
	}
	if cards := table(t, list.fm, "params", "personas"); len(cards) != 2 || cards[1]["url"] != "/use-cases/retire-a-widget/" {
		t.Errorf("list cards = %v, want two, the second at /use-cases/retire-a-widget/", cards)
	}
	one := mustDoc(t, ruled, "use-cases/register-a-widget.md")
	if !strings.Contains(one.body, "long form") || get(t, one.fm, "title") != "Register a widget" {
		t.Errorf("use case 1: title %v, body %q", get(t, one.fm, "title"), one.body)
	}
	hist := table(t, one.fm, "params", "history")
	if len(hist) != 2 || hist[0]["event"] != "appeared" || hist[1]["event"] != "changed" {
		t.Errorf("use case 1 history = %v, want appeared at a meeting, then changed", hist)
	}
	if a := get(t, one.fm, "params", "source", "authors"); a == nil || get(t, one.fm, "params", "source", "authors_url") != "/use-cases/register-a-widget/authors/" {
		t.Errorf("use case 1 source = %v, want its authors and its authors view", get(t, one.fm, "params", "source"))
	}
	view := mustDoc(t, ruled, "authors/use-cases/register-a-widget.md")
	if get(t, view.fm, "url") != "/use-cases/register-a-widget/authors/" || get(t, view.fm, "params", "back") != "/use-cases/register-a-widget/" {
		t.Errorf("use case 1 authors view: url %v, back %v", get(t, view.fm, "url"), get(t, view.fm, "params", "back"))
	}
	two := mustDoc(t, ruled, "use-cases/retire-a-widget.md")
	if h := table(t, two.fm, "params", "history"); len(h) != 1 || h[0]["event"] != "appeared" || h[0]["meeting"] != "latest" {
		t.Errorf("use case 2 history = %v, want it to appear in the latest version", h)
	}
}

// writeTo runs Write into a new folder and returns it.
func writeTo(tb testing.TB, cfg Site, store *archive.Store) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "content")
	mustWrite(tb, cfg, store, dir)
	return dir
}

// TestEntityIntro: the text right under an entity's heading that is no
// card field (a list, a kept table) is on the entity's page, and a change
// to it alone is in the entity's history as the "Introduction".
func TestEntityIntro(t *testing.T) {
	const title = "Synthetic/Requirements"
	tests := []struct {
		name, v1, v2 string
		profile      bool
		body         string // on the entity's page
	}{
		{"list", "== Use case 1: Register a widget ==\n* fill in the form\n", "== Use case 1: Register a widget ==\n* fill in the long form\n", true, "- fill in the long form"},
		{"kept table", "== Use case 1: Register a widget ==\n{|\n| Priority || low\n|}\n", "== Use case 1: Register a widget ==\n{|\n| Priority || high\n|}\n", false, "high"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mustCopyArchive(t)
			// The first revision before the last meeting, the second after.
			mustAddPage(t, dir, title, time.Date(2014, 1, 6, 18, 0, 0, 0, time.UTC), 900000, "Synthetic requirements.\n\n"+tt.v1, "Synthetic requirements.\n\n"+tt.v2)
			cfg := mustConfig(t)
			cfg.Pages = append(cfg.Pages, title)
			cfg.Documents = []Document{{Page: title, Section: "use-cases",
				Rule: personas.Rule{Heading: regexp.MustCompile(`^Use case (\d+): (.*)$`), Level: 2, NoProfile: !tt.profile}}}
			tree := readTree(t, writeTo(t, cfg, mustOpen(t, dir)))
			one := mustDoc(t, tree, "use-cases/register-a-widget.md")
			if !strings.Contains(one.body, tt.body) {
				t.Errorf("body %q lacks %q", one.body, tt.body)
			}
			hist := table(t, one.fm, "params", "history")
			if len(hist) != 2 || hist[1]["event"] != "changed" || fmt.Sprint(hist[1]["sections"]) != "[Introduction]" {
				t.Errorf("history = %v, want appeared, then changed in its Introduction", hist)
			}
		})
	}
}

// TestEntityNamedCompare: an entity whose slug would be "compare" takes
// "compare-2", leaving /<section>/compare/ to the document's compare pages.
func TestEntityNamedCompare(t *testing.T) {
	const title = "Synthetic/Requirements"
	dir := mustCopyArchive(t)
	mustAddPage(t, dir, title, time.Date(2014, 1, 6, 18, 0, 0, 0, time.UTC), 900000, "Synthetic requirements.\n\n== Use case 1: Compare ==\n* compare two widgets\n")
	cfg := mustConfig(t)
	cfg.Pages = append(cfg.Pages, title)
	cfg.Documents = []Document{{Page: title, Section: "use-cases",
		Rule: personas.Rule{Heading: regexp.MustCompile(`^Use case (\d+): (.*)$`), Level: 2}}}
	tree := readTree(t, writeTo(t, cfg, mustOpen(t, dir)))
	if got := get(t, mustDoc(t, tree, "use-cases/compare-2.md").fm, "url"); got != "/use-cases/compare-2/" {
		t.Errorf("entity url = %v", got)
	}
	if got := get(t, mustDoc(t, tree, "use-cases/compare/_index.md").fm, "url"); got != "/use-cases/compare/" {
		t.Errorf("compare index url = %v", got)
	}
	if _, ok := tree["use-cases/compare.md"]; ok {
		t.Error("use-cases/compare.md written: the entity took the compare folder's URL")
	}
}
