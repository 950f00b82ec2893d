package personas

import (
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

// TestGolden splits each testdata/golden/*.txtar's "in.wiki" (synthetic
// pages in the shapes the real one uses) and compares the Document, as
// indented JSON, with its "document.json"; -update rewrites it.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		src := golden.Section(ar, "in.wiki")
		doc, ok := Split(src)
		mustCover(t, src, doc)
		return map[string]string{"document.json": golden.JSON(t, struct {
			Split bool
			Document
		}{ok, doc})}
	})
}
