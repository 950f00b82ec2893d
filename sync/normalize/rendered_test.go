package normalize

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// markdownMarkers is Markdown a reader of a rendered diff must never see:
// heading hashes, bold stars, link syntax, the converter's \--- and
// shortcodes, and entities escaped twice.
var markdownMarkers = regexp.MustCompile(`(^|\n)\s*#{1,6}\s|\*\*|\]\(|\\---|\{\{[<%]|&(lt|gt|amp|quot|#\d+);`)

// TestRenderedDiffs checks the committed archive's meeting and compare
// pages: every changed section with visible text has a rendered diff
// whose text carries no Markdown, and the compare pages exist exactly for
// the pairs the tables link to.
func TestRenderedDiffs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	tree := readTree(t, dir)

	m := mustDoc(t, tree, "meetings/2013-12-10.md")
	secs := table(t, m.fm, "params", "changes", "sections")
	if len(secs) == 0 {
		t.Fatal("2013-12-10 shows no changed section")
	}
	for _, s := range secs {
		h, _ := s["html"].(string)
		if h == "" {
			t.Errorf("2013-12-10 section %q (%v) has no rendered diff", s["title"], s["class"])
			continue
		}
		text := readerText(t, h)
		if markdownMarkers.MatchString(text) || strings.ContainsAny(text, "#*\\") {
			t.Errorf("2013-12-10 section %q reads with markup:\n%s", s["title"], text)
		}
		if !strings.Contains(h, "<ins>") && !strings.Contains(h, "<del>") {
			t.Errorf("2013-12-10 section %q: no inline marks:\n%s", s["title"], h)
		}
	}

	linked := map[string]bool{}
	for _, slug := range []string{"sandra-summers", "joe-franklin"} {
		p := mustDoc(t, tree, "personas/"+slug+".md")
		for _, row := range table(t, p.fm, "params", "compare", "rows") {
			for _, c := range row["cells"].([]map[string]any) {
				if u, _ := c["url"].(string); u != "" && u != "/compare/unchanged/" {
					linked[u] = true
				}
			}
		}
	}
	written := 0
	for name, file := range tree {
		if !strings.HasPrefix(name, "compare/") || !strings.Contains(name, "--") {
			continue
		}
		d := mustParse(t, name, file)
		if get(t, d.fm, "params", "persona") == nil {
			continue
		}
		written++
		if u := d.fm["url"].(string); !linked[u] {
			t.Errorf("%s (%s) is written but no persona table links to it", name, u)
		}
		if h, _ := get(t, d.fm, "params", "html").(string); h != "" && markdownMarkers.MatchString(readerText(t, h)) {
			t.Errorf("%s reads with markup", name)
		}
	}
	if written != len(linked) || written == 0 {
		t.Errorf("%d persona compare pages written, %d linked from the tables", written, len(linked))
	}
}

// readerText is the text a reader sees of a rendered diff, labels aside.
func readerText(tb testing.TB, s string) string {
	tb.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for _, a := range n.Attr {
			if a.Key == "class" && strings.Contains(a.Val, "visually-hidden") {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return sb.String()
}

// TestMoveBetweenSections: a goal that becomes a frustration between two
// meetings is shown once, in Frustrations, as moved from Goals; Goals
// says where it went.
func TestMoveBetweenSections(t *testing.T) {
	page := func(goals, frustrations string) string {
		return "Synthetic test page, not real persona text.\n\n" +
			"=== Persona #1 ===\n\n" +
			"<span style=\"font-size: 24px; font-weight: bold;\">\nAlice Example\n</span>\n\n" +
			"{|\n! Age\n| 30\n|}\n\n" +
			"==== Goals ====\n\n" + goals + "\n" +
			"==== Frustrations ====\n\n" + frustrations + "\n"
	}
	dir := filepath.Join(t.TempDir(), "archive")
	mustAddPage(t, dir, "Synthetic/Personas", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), 100,
		page("* Synthetic goal that stays put.\n* Synthetic goal that turns into a frustration.\n", "* Synthetic frustration one.\n"),
		page("* Synthetic goal that stays put.\n", "* Synthetic frustration one.\n* Synthetic goal that turns into a frustration.\n"))
	out := filepath.Join(t.TempDir(), "content")
	mustWrite(t, mustParseSite(t, synthConfig), mustOpen(t, dir), out)
	secs := table(t, mustDoc(t, readTree(t, out), "meetings/2020-01-10.md").fm, "params", "changes", "sections")
	html := map[string]string{}
	for _, s := range secs {
		html[s["title"].(string)], _ = s["html"].(string)
	}
	if h := html["Goals"]; !strings.Contains(h, "Moved to “Frustrations”:") || strings.Contains(h, "<del>") {
		t.Errorf("Goals does not say where its item went, or shows it again:\n%s", h)
	}
	if h := html["Frustrations"]; !strings.Contains(h, "Moved here from item 2 under “Goals”:") ||
		strings.Count(h, "turns into a frustration") != 1 {
		t.Errorf("Frustrations does not show the item once, as moved from Goals:\n%s", h)
	}
}
