package fidelity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/internal/visible"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// page is the fixture page every revision of which is scored.
const page = "Server/Personas"

// target is the goal: the lowest acceptable score of a revision.
const target = 0.98

// row is one revision's scores against MediaWiki's rendering.
type row struct {
	rev              int64
	wikisite, pandoc float64
	ref, site        []string // words, kept for the diff of the worst row
}

// TestFidelity scores every archived revision of the fixture page.
//
// Reference: MediaWiki 1.39 (internal/mwtest) loaded with the fixture
// export, action=parse of each revision; its table of contents (#toc,
// .toc) and "[edit]" links (.mw-editsection) are chrome and not compared.
// wikisite: the revision's wikitext through sync/wikitext with
// normalize's options, built once by sync/site with the repository's
// config.toml and layouts/, the visible text of the page's <article>
// without our header, category list, conversion notes and screen-reader
// labels. Peer: `pandoc -f mediawiki -t html` on the same wikitext.
//
// Visible text is every text node outside script and style, with a space
// at each non-inline element's edges; words are its white-space separated
// runs, case and punctuation kept. The score is
// 1 − Levenshtein(reference words, words) / max(len of both).
// The table goes to the test log and, when FIDELITY_REPORT names a file,
// there as Markdown.
func TestFidelity(t *testing.T) {
	pandoc := mustPandoc(t)
	cfg, store, p := mustArchive(t)
	texts := mustTexts(t, store, p)
	rows := mustScore(t, pandoc, cfg, store, p, texts)
	report := table(rows)
	t.Log("\n" + report)
	if out := os.Getenv("FIDELITY_REPORT"); out != "" {
		if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
			t.Errorf("FIDELITY_REPORT %s: %v", out, err)
		}
	}
	worst := rows[0]
	for _, r := range rows {
		if r.wikisite < worst.wikisite {
			worst = r
		}
		if r.wikisite < target {
			t.Errorf("page %q revision %d: wikisite scores %.4f, below the target %.2f", page, r.rev, r.wikisite, target)
		}
		if r.wikisite <= r.pandoc {
			t.Errorf("page %q revision %d: wikisite scores %.4f, not above pandoc's %.4f", page, r.rev, r.wikisite, r.pandoc)
		}
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("word diff of the lowest-scoring revision %d (-MediaWiki +wikisite):\n%s",
			worst.rev, wordDiff(worst.ref, worst.site))
	}
}

// mustScore renders every revision in texts three ways and scores
// wikisite's and pandoc's words against MediaWiki's, oldest first.
func mustScore(tb testing.TB, pandoc string, cfg *config.Config, store *archive.Store, p *archive.Page, texts map[int64]string) []row {
	tb.Helper()
	wikiHTML := mustWikiHTML(tb, p.Title, p.Revisions)
	var ids []int64
	for _, r := range p.Revisions {
		if _, ok := texts[r.ID]; ok {
			ids = append(ids, r.ID)
		}
	}
	siteWords := mustSiteWords(tb, mustSiteProject(tb, cfg, store, p, texts), ids)
	rows := make([]row, 0, len(ids))
	for _, id := range ids {
		ref := mustWikiWords(tb, id, wikiHTML[id])
		if len(ref) == 0 {
			tb.Fatalf("page %q revision %d: MediaWiki's rendering has no words", p.Title, id)
		}
		peer := mustPandocWords(tb, pandoc, id, texts[id])
		rows = append(rows, row{rev: id, wikisite: visible.Score(ref, siteWords[id]), pandoc: visible.Score(ref, peer),
			ref: ref, site: siteWords[id]})
	}
	if len(rows) == 0 {
		tb.Fatalf("page %q: no revision with visible text to score", p.Title)
	}
	return rows
}

// mustArchive opens the committed config.toml and archive/ and reads the
// fixture page's metadata.
func mustArchive(tb testing.TB) (*config.Config, *archive.Store, *archive.Page) {
	tb.Helper()
	cfg, err := config.Load(filepath.Join(repoRoot, "config.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	store, err := archive.Open(filepath.Join(repoRoot, "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	p, err := store.Page(page)
	if err != nil {
		tb.Fatal(err)
	}
	if len(p.Revisions) == 0 {
		tb.Fatalf("page %q: no revisions in %s", page, store.Dir())
	}
	return cfg, store, p
}

// mustTexts reads every revision's wikitext; hidden texts cannot be
// compared and are left out, with a note.
func mustTexts(tb testing.TB, store *archive.Store, p *archive.Page) map[int64]string {
	tb.Helper()
	texts := map[int64]string{}
	for _, r := range p.Revisions {
		if r.TextHidden {
			tb.Logf("page %q revision %d: text hidden, not scored", p.Title, r.ID)
			continue
		}
		data, err := store.Text(p.Title, r.ID)
		if err != nil {
			tb.Fatal(err)
		}
		texts[r.ID] = string(data)
	}
	return texts
}

// table formats the rows as a Markdown table with the minimum last.
func table(rows []row) string {
	var b strings.Builder
	b.WriteString("| page | revision | wikisite | pandoc |\n| --- | ---: | ---: | ---: |\n")
	minSite, minPeer := 1.0, 1.0
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.4f | %.4f |\n", page, r.rev, r.wikisite, r.pandoc)
		minSite, minPeer = min(minSite, r.wikisite), min(minPeer, r.pandoc)
	}
	fmt.Fprintf(&b, "| **minimum** | | **%.4f** | **%.4f** |\n", minSite, minPeer)
	return b.String()
}

// wordDiff shows what changed between two word lists, one changed run a
// line, with a few words of context.
func wordDiff(ref, x []string) string {
	var b strings.Builder
	for _, s := range worddiff.Words(strings.Join(ref, " "), strings.Join(x, " ")) {
		switch s.Op {
		case worddiff.Delete:
			fmt.Fprintf(&b, "- %q\n", s.Text)
		case worddiff.Insert:
			fmt.Fprintf(&b, "+ %q\n", s.Text)
		default:
			fmt.Fprintf(&b, "  %s\n", elide(s.Text, 5))
		}
	}
	return b.String()
}

// elide shortens s to its first and last n words.
func elide(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= 2*n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " … " + strings.Join(w[len(w)-n:], " ")
}
