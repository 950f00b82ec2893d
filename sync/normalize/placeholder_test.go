package normalize

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPlaceholderRevisionIsNotLinked follows the fixture's README: revision
// 364907 is a placeholder id, so nothing may link it to the wiki, neither as
// a revision nor as either side of a wiki diff.
func TestPlaceholderRevisionIsNotLinked(t *testing.T) {
	cfg := mustConfig(t)
	if !slices.Contains(cfg.Wiki.PlaceholderRevisions, 364907) {
		t.Fatal("config.toml does not name 364907 a placeholder revision")
	}
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, cfg, mustOpen(t, repoArchive), dir)
	tree := readTree(t, dir)
	for name, text := range tree {
		if strings.Contains(text, "oldid=364907") || strings.Contains(text, "diff=364907") {
			t.Errorf("%s links the placeholder revision 364907 to the wiki", name)
		}
	}
	history := mustDoc(t, tree, "history/"+fileName("Server/Personas"))
	linked := 0
	for _, r := range table(t, history.fm, "params", "revisions") {
		if r["url"] != "" {
			linked++
		}
	}
	if linked != 14 {
		t.Errorf("%d of 15 revisions link to the wiki, want 14 (all but the placeholder)", linked)
	}
	meeting := mustDoc(t, tree, "meetings/2013-12-17.md")
	if src := get(t, meeting.fm, "params", "source", "wiki_url"); src != "" {
		t.Errorf("the 2013-12-17 meeting shows revision 364907 and links it: %v", src)
	}
	if page := get(t, meeting.fm, "params", "source", "page_url"); page != "https://fedoraproject.org/wiki/Server/Personas" {
		t.Errorf("page_url = %v, want the page on the wiki", page)
	}
}
