package dumpimport

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/archive"
)

const fixture = "../../testdata/fedora-server-personas.xml"

func mustImport(tb testing.TB, store *archive.Store, dump string) Summary {
	tb.Helper()
	sum, err := Import(tb.Context(), store, strings.NewReader(dump), Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

func TestImportFixtureThenAgain(t *testing.T) {
	dump, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	store, err := archive.Open(filepath.Join(t.TempDir(), "archive"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := mustImport(t, store, string(dump)), (Summary{Pages: 3, Revisions: 17, Added: 17}); !reflect.DeepEqual(got, want) {
		t.Errorf("first import = %+v, want %+v", got, want)
	}
	p, err := store.Page("Server/Personas")
	if err != nil || len(p.Revisions) != 15 || p.Last().ID != 370811 || p.Last().User != "Duffy" {
		t.Fatalf("Server/Personas after import: %+v, %v", p, err)
	}
	if got, want := mustImport(t, store, string(dump)), (Summary{Pages: 3, Revisions: 17}); !reflect.DeepEqual(got, want) {
		t.Errorf("second import = %+v, want %+v (nothing new)", got, want)
	}
}

// TestConflictLeavesArchiveUnchanged imports a synthetic page, then a dump
// that gives one of its revision ids another text.
func TestConflictLeavesArchiveUnchanged(t *testing.T) {
	store, err := archive.Open(filepath.Join(t.TempDir(), "archive"))
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, store, syntheticDump(7, "Synthetic text one."))
	_, err = Import(t.Context(), store, strings.NewReader(syntheticDump(7, "Another synthetic text.")), Options{})
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), `"Synthetic page" revision 7`) {
		t.Fatalf("conflicting import: %v, want ErrConflict naming page and revision", err)
	}
	text, err := store.Text("Synthetic page", 7)
	if err != nil || string(text) != "Synthetic text one." {
		t.Fatalf("text after a failed import: %q, %v", text, err)
	}
}

func syntheticDump(id int, text string) string {
	return `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <page>
    <title>Synthetic page</title>
    <ns>0</ns>
    <id>1</id>
    <revision>
      <id>` + strconv.Itoa(id) + `</id>
      <timestamp>2013-11-22T22:00:00Z</timestamp>
      <contributor><username>Synthetic</username><id>1</id></contributor>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text xml:space="preserve">` + text + `</text>
    </revision>
  </page>
</mediawiki>
`
}

// TestCheckRefusesBeforeCommit: Check sees the dump's pages after the
// whole dump was read, and its error leaves the archive untouched.
func TestCheckRefusesBeforeCommit(t *testing.T) {
	store, err := archive.Open(filepath.Join(t.TempDir(), "archive"))
	if err != nil {
		t.Fatal(err)
	}
	refuse := errors.New("synthetic refusal")
	var seen []PageRef
	_, err = Import(t.Context(), store, strings.NewReader(syntheticDump(7, "Synthetic text one.")), Options{
		Check: func(pages []PageRef) error { seen = pages; return refuse },
	})
	if !errors.Is(err, refuse) {
		t.Fatalf("import = %v, want the Check error", err)
	}
	if len(seen) != 1 || seen[0] != (PageRef{Title: "Synthetic page", Namespace: 0}) {
		t.Errorf("Check saw %+v, want the one synthetic page", seen)
	}
	if titles, err := store.Titles(); err != nil || len(titles) != 0 {
		t.Errorf("archive after a refused import: %q, %v; want empty", titles, err)
	}
}
