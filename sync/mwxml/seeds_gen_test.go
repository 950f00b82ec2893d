package mwxml

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestWriteFuzzSeeds rewrites the checked-in FuzzRead seed corpus with
// go test -run WriteFuzzSeeds -update.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz/FuzzRead")
	}
	valid := synthDump("0.10", synthPage("Synthetic", synthRevision(1, "synthetic text"), synthRevision(2, "synthetic & <text>\n")))
	seeds := map[string]string{
		"valid-0.10":           valid,
		"valid-0.11":           dump011,
		"truncated-in-text":    valid[:len(valid)/2],
		"truncated-in-tag":     valid[:len(valid)-5],
		"truncated-after-page": valid[:len(valid)-13],
		"sha1-mismatch":        synthDump("0.10", synthPage("Synthetic", `<revision><id>3</id><timestamp>2001-01-01T00:00:00Z</timestamp><text bytes="1">x</text><sha1>phoiac9h4m842xq45sp7s6u21eteeq1</sha1></revision>`)),
		"hostile-title":        synthDump("0.10", synthPage("Synthetic/../../x", synthRevision(4, "x"))),
		"hidden-text":          synthDump("0.11", synthPage("Synthetic", `<revision><id>5</id><timestamp>2001-01-01T00:00:00Z</timestamp><contributor deleted="deleted"/><text deleted="deleted"/><sha1/></revision>`)),
		"wrong-root":           `<html xmlns="http://www.mediawiki.org/xml/export-0.10/"><page/></html>`,
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzRead")
	for name, data := range seeds {
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(data) + ")\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
