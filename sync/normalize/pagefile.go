package normalize

import (
	"path/filepath"

	"github.com/wikisite/wikisite/sync/archive"
)

// PageFile is the file, relative to the content folder, that Write gives
// the wiki page title. A caller can tell from it whether the content folder
// it is about to replace holds the page.
func PageFile(title string) string {
	return filepath.Join("wiki", fileName(archive.Canonical(title)))
}
