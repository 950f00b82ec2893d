package conformance

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/visible"
)

var (
	flagN  = flag.Int("cases", 0, "run N generated cases instead of the fixed sample (mismatches are logged, and written to testdata/mismatch with -update)")
	update = flag.Bool("update", false, "rewrite testdata/mismatch from this run")
)

// sampleSize is the fixed sample of the normal test run: every construct
// ten times.
var sampleSize = 10 * len(constructs)

// Floors a run must reach. The goal is 0.99 of generated cases
// exact: the fixed sample measured 1.0 (200 of 200) and a run of 1000
// measured 0.990 when the floor was set (the rest: mostly bold that
// MediaWiki closes and reopens around a template or link, one list item
// whose apostrophes it resolves differently; see the -cases log), so the floor is the goal and holds for
// both. Every fixture revision must score 0.99 or more (all score 1.0).
const (
	generatedExactFloor = 0.99
	fixtureFloor        = 0.99
)

// mismatchDir keeps every mismatch of the sample as a txtar case.
const mismatchDir = "testdata/mismatch"

// TestConformance renders the corpus with MediaWiki, wikisite and pandoc
// and compares them; see the package doc. The table goes to the test log
// and, when CONFORMANCE_REPORT names a file, there as Markdown.
func TestConformance(t *testing.T) {
	n := sampleSize
	if *flagN > 0 {
		n = *flagN
	}
	cases := mustCorpus(t, n)
	w := mustWiki(t)
	mustRender(t, w, cases)
	tpl := mapTemplates{}
	maps.Copy(tpl, templates)
	maps.Copy(tpl, mustFixtureTemplates(t))
	mustSite(t, cases, tpl)
	mustPeer(t, cases)
	for _, c := range cases {
		mustCompare(t, c)
	}
	report := table(cases)
	t.Log("\n" + report)
	if out := os.Getenv("CONFORMANCE_REPORT"); out != "" {
		if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
			t.Errorf("CONFORMANCE_REPORT %s: %v", out, err)
		}
	}
	checkFloors(t, cases)
	checkMismatches(t, cases, *flagN == 0)
}

// mustCompare scores wikisite and pandoc against MediaWiki on case c.
func mustCompare(tb testing.TB, c *tcase) {
	tb.Helper()
	none := func(*html.Node) bool { return false }
	refWords := mustWords(tb, c, "MediaWiki", c.wikiHTML, 0, visible.WikiChrome)
	refStruct := mustStructure(tb, c, "MediaWiki", c.wikiHTML, 0, visible.WikiChrome)
	c.text1 = compare(refWords, mustWords(tb, c, "wikisite", c.siteHTML, atom.Article, visible.SiteChrome))
	c.structure1 = compare(refStruct, mustStructure(tb, c, "wikisite", c.siteHTML, atom.Article, visible.SiteChrome))
	c.peerText = compare(refWords, mustWords(tb, c, "pandoc", c.peerHTML, 0, none))
	c.peerStruct = compare(refStruct, mustStructure(tb, c, "pandoc", c.peerHTML, 0, none))
}

func compare(ref, got []string) score {
	return score{sim: visible.Score(ref, got), ref: ref, got: got, equal: slices.Equal(ref, got)}
}

func mustWords(tb testing.TB, c *tcase, who, src string, root atom.Atom, skip visible.Chrome) []string {
	tb.Helper()
	text, err := visible.Text(src, root, skip)
	if err != nil {
		tb.Fatalf("case %s: %s's rendering: %v", c.id, who, err)
	}
	return visible.Words(text)
}

func mustStructure(tb testing.TB, c *tcase, who, src string, root atom.Atom, skip visible.Chrome) []string {
	tb.Helper()
	s, err := structure(src, root, skip)
	if err != nil {
		tb.Fatalf("case %s: %s's rendering: %v", c.id, who, err)
	}
	return s
}

// checkFloors asserts the sample's floors, naming the worst cases.
func checkFloors(t *testing.T, cases []*tcase) {
	t.Helper()
	var gen, exact int
	for _, c := range cases {
		switch c.kind {
		case "generated":
			gen++
			if c.exact() {
				exact++
			}
		case "fixture":
			if c.text1.sim < fixtureFloor {
				t.Errorf("page %q revision %d: wikisite scores %.4f, below the floor %.2f", c.title, c.rev.ID, c.text1.sim, fixtureFloor)
			}
		}
	}
	if gen > 0 && float64(exact)/float64(gen) < generatedExactFloor {
		t.Errorf("%d of %d generated cases exact (%.1f %%), below the floor of %.0f %%", exact, gen,
			100*float64(exact)/float64(gen), 100*generatedExactFloor)
	}
}

// checkMismatches keeps every mismatch as testdata/mismatch/ID.txtar. In
// the sample run, a mismatch without its file is a regression and a file
// without its mismatch is a fix: both fail until -update records them.
func checkMismatches(t *testing.T, cases []*tcase, sample bool) {
	t.Helper()
	var bad []*tcase
	for _, c := range cases {
		if !c.exact() {
			bad = append(bad, c)
		}
	}
	if *update {
		mustUpdateMismatches(t, bad, sample)
		return
	}
	for _, c := range bad {
		if testing.Verbose() || !sample {
			t.Logf("mismatch %s (%s):\n%s", c.id, c.construct, describe(c))
		}
	}
	if !sample {
		return
	}
	have, err := filepath.Glob(filepath.Join(mismatchDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]bool{}
	for _, f := range have {
		kept[strings.TrimSuffix(filepath.Base(f), ".txtar")] = true
	}
	for _, c := range bad {
		if !kept[c.id] {
			t.Errorf("case %s (%s): new mismatch, not in %s (run with -update to keep it):\n%s", c.id, c.construct, mismatchDir, describe(c))
		}
		delete(kept, c.id)
	}
	for _, id := range slices.Sorted(maps.Keys(kept)) {
		t.Errorf("case %s now matches MediaWiki: run with -update to drop %s/%s.txtar", id, mismatchDir, id)
	}
}

func mustUpdateMismatches(t *testing.T, bad []*tcase, sample bool) {
	t.Helper()
	if sample {
		if err := os.RemoveAll(mismatchDir); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(mismatchDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range bad {
		ar := &txtar.Archive{
			Comment: fmt.Appendf(nil, "%s: %s on %q; text similarity %.4f, structure equal %v.\n",
				c.id, c.construct, c.title, c.text1.sim, c.structure1.equal),
			Files: []txtar.File{
				{Name: "in.wiki", Data: []byte(c.text + "\n")},
				{Name: "out.md", Data: []byte(c.md)},
				{Name: "diff", Data: []byte(describe(c))},
			},
		}
		mustWrite(t, filepath.Join(mismatchDir, c.id+".txtar"), txtar.Format(ar))
	}
}

// describe shows a mismatch: the word and structure differences.
func describe(c *tcase) string {
	var b strings.Builder
	if !c.text1.equal {
		b.WriteString("words (-MediaWiki +wikisite):\n")
		b.WriteString(diffLines(c.text1.ref, c.text1.got))
	}
	if !c.structure1.equal {
		b.WriteString("structure (-MediaWiki +wikisite):\n")
		b.WriteString(diffLines(c.structure1.ref, c.structure1.got))
	}
	return b.String()
}

// diffLines is a small longest-common-subsequence diff, one item a line.
func diffLines(a, b []string) string {
	n, m := len(a), len(b)
	if n*m > 4_000_000 {
		return fmt.Sprintf("(too long to diff: %d and %d items)\n", n, m)
	}
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "+ %s\n", b[j])
			j++
		default:
			fmt.Fprintf(&out, "- %s\n", a[i])
			i++
		}
	}
	return out.String()
}
