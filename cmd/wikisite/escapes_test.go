package main

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Markdown that a reader should never see in a diff: a backslash escape,
// strong emphasis, a link or image, a heading's hashes, a list dash, a
// table's pipes at the line's start, an entity for a brace.
var markdownMark = regexp.MustCompile(`\\[\\` + "`" + `*_{}\[\]()#+\-.!|<>~]|\*\*|__|\]\(|(?m)^#{1,6} |(?m)^\s*[-*+] |(?m)^\|.*\|$|&#12[35];`)

var diffBlock = regexp.MustCompile(`(?s)<div class="diff-block[^"]*"[^>]*>(.*?)</div>`)

// TestBuiltSiteShowsNoEscapes: no page or feed of the site built from the
// committed archive escapes a text twice ("&amp;lt;" shows "&lt;"), and no
// diff on a page shows Markdown marks: diffs show the text the page shows.
func TestBuiltSiteShowsNoEscapes(t *testing.T) {
	out := t.TempDir()
	mustRunBuild(t, out)
	tree := mustTree(t, filepath.Join(out, "public"))
	diffs := 0
	for name, data := range tree {
		page := string(data)
		for _, twice := range []string{"&amp;lt;", "&amp;gt;"} {
			if i := strings.Index(page, twice); i >= 0 {
				t.Errorf("%s holds %q: %q", name, twice, page[max(0, i-60):min(len(page), i+60)])
			}
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range diffBlock.FindAllStringSubmatch(page, -1) {
			diffs++
			text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], ""))
			if mark := markdownMark.FindString(text); mark != "" {
				i := strings.Index(text, mark)
				t.Errorf("%s: a diff shows the Markdown %q: %q", name, mark, text[max(0, i-60):min(len(text), i+60)])
			}
		}
	}
	if diffs < 10 {
		t.Fatalf("found %d diff blocks in the built site, want the history's many", diffs)
	}
	t.Logf("checked %d files, %d diff blocks", len(tree), diffs)
}
