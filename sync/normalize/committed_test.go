package normalize

import (
	"path/filepath"
	"sort"
	"testing"
)

// TestCommittedContentIsCurrent checks that the repository's content/ is
// what Write makes of the committed archive and config.toml, so a change
// to the converter or the schema cannot land with stale content.
func TestCommittedContentIsCurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	want, got := readTree(t, dir), readTree(t, "../../content")
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	stale := 0
	for _, name := range names {
		if want[name] != got[name] {
			stale++
			if stale <= 5 {
				t.Errorf("content/%s is stale", name)
			}
		}
	}
	if stale > 0 {
		t.Errorf("%d files of content/ differ from a fresh build: run `go run ./cmd/wikisite build` and commit content/", stale)
	}
}
