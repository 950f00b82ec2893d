package conformance

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// repoRoot holds the committed archive/, config.toml, layouts/ and static/.
const repoRoot = "../.."

// fixtureXML is the shared fixture's export, as internal/mwtest keeps it.
const fixtureXML = "../../testdata/fedora-server-personas.xml"

// fixturePage is the page whose archived revisions are in the corpus.
const fixturePage = "Server/Personas"

// extensions are the ones a wiki such as Fedora's runs and whose tags the
// converter knows. Math is left out: in 1.39 it cannot render without
// Wikimedia's REST service, so the oracle would show an error message.
var extensions = []string{"Cite", "ParserFunctions", "SyntaxHighlight_GeSHi"}

// tcase is one page of the corpus and what became of it.
type tcase struct {
	id        string // file-name safe: gen-0007, fixture-361683, synthetic-long
	construct string
	kind      string // "generated", "fixture" or "synthetic"
	title     string
	text      string

	rev      wikitext.Revision // as saved on the wiki, for the magic words
	wikiHTML string            // action=parse
	md       string            // the converter's Markdown
	siteHTML string            // Hugo's page
	peerHTML string            // pandoc's

	text1, structure1    score // wikisite
	peerText, peerStruct score
}

type score struct {
	sim      float64
	ref, got []string
	equal    bool
}

func (c *tcase) exact() bool { return c.text1.sim == 1 && c.structure1.equal }

// mustCorpus is n generated cases, the fixture's revisions and the
// synthetic pages.
func mustCorpus(tb testing.TB, n int) []*tcase {
	tb.Helper()
	var cases []*tcase
	for i := range n {
		k, text := generated(i)
		cases = append(cases, &tcase{
			id: fmt.Sprintf("gen-%04d", i), construct: k.name, kind: "generated",
			title: fmt.Sprintf("Help:Case %d/Bravo/Charlie", i), text: text,
		})
	}
	cases = append(cases, mustFixtureCases(tb)...)
	return append(cases, synthetic()...)
}

// mustFixtureCases reads every archived revision of the fixture page.
func mustFixtureCases(tb testing.TB) []*tcase {
	tb.Helper()
	store, err := archive.Open(filepath.Join(repoRoot, "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	p, err := store.Page(fixturePage)
	if err != nil {
		tb.Fatal(err)
	}
	var out []*tcase
	for _, r := range p.Revisions {
		if r.TextHidden {
			continue
		}
		data, err := store.Text(p.Title, r.ID)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, &tcase{
			id: fmt.Sprintf("fixture-%d", r.ID), construct: "fixture revision", kind: "fixture",
			title: p.Title, text: string(data),
			rev: wikitext.Revision{ID: r.ID, Timestamp: r.Timestamp, User: r.User},
		})
	}
	if len(out) == 0 {
		tb.Fatalf("page %q: no revision with text in the archive", fixturePage)
	}
	return out
}

// mustFixtureTemplates is the latest archived text of each template the
// fixture export brings, as the wiki has it after the import.
func mustFixtureTemplates(tb testing.TB) map[string]string {
	tb.Helper()
	store, err := archive.Open(filepath.Join(repoRoot, "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	titles, err := store.Titles()
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, t := range titles {
		if !strings.HasPrefix(t, "Template:") {
			continue
		}
		p, err := store.Page(t)
		if err != nil {
			tb.Fatal(err)
		}
		data, err := store.Text(t, p.Last().ID)
		if err != nil {
			tb.Fatal(err)
		}
		out[t] = string(data)
	}
	return out
}

// synthetic pages are clearly made up: a long page of every construct
// and a page of deep nesting.
func synthetic() []*tcase {
	var long strings.Builder
	for i := range 3 * len(constructs) {
		k, text := generated(100000 + i)
		if k.name == "displaytitle/toc" {
			continue // one DISPLAYTITLE a page
		}
		long.WriteString(text + "\n\n")
	}
	var deep strings.Builder
	for i := range 6 {
		deep.WriteString(strings.Repeat("*", i+1) + " level " + fmt.Sprint(i+1) + " {{Box|{{Pair|a|{{Greet|name=n" + fmt.Sprint(i) + "}}}}}}\n")
	}
	deep.WriteString("{|\n| {{Tablebox|x|y}}\n|}\n")
	return []*tcase{
		{id: "synthetic-long", construct: "synthetic page", kind: "synthetic", title: "Synthetic/Long", text: long.String()},
		{id: "synthetic-deep", construct: "synthetic page", kind: "synthetic", title: "Synthetic/Deep", text: deep.String()},
	}
}

// mustWiki starts the oracle: a MediaWiki with the extensions, the
// grammar's templates and the fixture export.
func mustWiki(tb testing.TB) *mwtest.Wiki {
	tb.Helper()
	w := mwtest.Start(tb)
	w.LoadExtensions(tb, extensions)
	w.Import(tb, fixtureXML)
	for title, text := range templates {
		w.Edit(tb, title, text, "conformance template", "")
	}
	return w
}

// mustRender fills in MediaWiki's HTML of every case: generated and
// synthetic ones are saved as a revision first, so the revision's magic
// words have values; fixture revisions come from the import, matched by
// timestamp as importDump.php renumbers them.
func mustRender(tb testing.TB, w *mwtest.Wiki, cases []*tcase) {
	tb.Helper()
	imported := map[time.Time]int64{}
	for _, r := range w.Revisions(tb, fixturePage) {
		imported[r.Timestamp.UTC()] = r.ID
	}
	for _, c := range cases {
		if c.kind == "fixture" {
			id, ok := imported[c.rev.Timestamp.UTC()]
			if !ok {
				tb.Fatalf("page %q revision %d: not on the test wiki after importing %s", c.title, c.rev.ID, fixtureXML)
			}
			c.wikiHTML = w.Parse(tb, id)
			continue
		}
		id := w.Edit(tb, c.title, c.text, "conformance case", "")
		revs := w.Revisions(tb, c.title)
		last := revs[len(revs)-1]
		c.rev = wikitext.Revision{ID: id, Timestamp: last.Timestamp, User: last.User}
		c.wikiHTML = w.Parse(tb, id)
	}
}
