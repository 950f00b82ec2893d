package normalize

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/archive"
)

// TestConverterMatchesWrite pins the promise of Converter: one revision
// converted alone reads exactly as Write renders it on the wiki/ page.
func TestConverterMatchesWrite(t *testing.T) {
	cfg, store := mustConfig(t), mustOpen(t, repoArchive)
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, cfg, store, dir)
	page := mustDoc(t, readTree(t, dir), "wiki/"+fileName("Server/Personas"))

	conv, err := NewConverter(Options{Site: cfg, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.Page("Server/Personas")
	if err != nil {
		t.Fatal(err)
	}
	res, err := conv.Revision("Server/Personas", p.Last().ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(res.Markdown) != strings.TrimSpace(page.body) {
		t.Errorf("Converter.Revision differs from the wiki page Write made:\n--- Revision\n%s\n--- Write\n%s", res.Markdown, page.body)
	}
	if _, err := conv.Revision("No such page", 1); !errors.Is(err, archive.ErrNoPage) {
		t.Errorf("Revision of a page not archived: %v, want ErrNoPage", err)
	}
	if _, err := conv.Revision("Server/Personas", 1); err == nil {
		t.Error("Revision of a revision not archived: no error")
	}
}
