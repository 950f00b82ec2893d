package mwxml

import (
	"os"
	"strings"
	"testing"
)

func TestBadDumps(t *testing.T) {
	good := synthRevision(5, "synthetic text")
	fixture, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dump string
		want []string // substrings of the error
	}{
		{"empty", "", []string{"empty dump"}},
		{"not XML", "hello", []string{"text before the <mediawiki>"}},
		{"wrong root", `<html><body/></html>`, []string{"root element is <html>"}},
		{"unknown schema", strings.Replace(synthDump("0.10"), "export-0.10", "export-0.9", 1), []string{"unknown export schema", "export-0.9"}},
		{"no namespace", `<mediawiki version="0.10"></mediawiki>`, []string{"unknown export schema"}},
		{"truncated in a revision", string(fixture[:len(fixture)/2]), []string{"truncated dump", `page "Server/Personas" revision 363063`, "dump line 800 (byte 25258)"}},
		{"truncated after a page", synthDump("0.10", synthPage("Synthetic", good))[:len(synthDump("0.10", synthPage("Synthetic", good)))-14], []string{"truncated dump", `page "Synthetic"`}},
		{"truncated inside a tag", synthDump("0.10", synthPage("Synthetic", good))[:300], []string{"truncated dump"}},
		{"malformed XML", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, "</timestamp>", "</timestam>", 1))), []string{"malformed XML", "dump line 4", `page "Synthetic" revision 5`}},
		{"bad entity", synthDump("0.10", rawPage("Synthetic &bogus; entity", good)), []string{"malformed XML", "dump line 3"}},
		{"sha1 mismatch", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, ">synthetic text<", ">synthetic texT<", 1))), []string{"sha1 mismatch", `page "Synthetic" revision 5`, "dump line 6"}},
		{"sha1 not base 36", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, "<sha1>", "<sha1>-", 1))), []string{"not a base-36 sha1", "revision 5"}},
		{"bytes disagree", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, `bytes="14"`, `bytes="15"`, 1))), []string{"text is 14 bytes, the dump says 15", "revision 5"}},
		{"revision without text", synthDump("0.10", synthPage("Synthetic", `<revision><id>9</id><timestamp>2001-01-01T00:00:00Z</timestamp><sha1/></revision>`)), []string{"revision without <text>", `page "Synthetic" revision 9`}},
		{"revision without id", synthDump("0.10", synthPage("Synthetic", `<revision><timestamp>2001-01-01T00:00:00Z</timestamp><text>x</text></revision>`)), []string{"revision without an <id>"}},
		{"revision without timestamp", synthDump("0.10", synthPage("Synthetic", `<revision><id>9</id><text>x</text></revision>`)), []string{"without a <timestamp>", "revision 9"}},
		{"bad timestamp", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, "2001-01-06T00:00:00Z", "yesterday", 1))), []string{`timestamp "yesterday"`, "revision 5"}},
		{"two texts", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, "<sha1>", "<text>again</text><sha1>", 1))), []string{"two <text>"}},
		{"element inside text", synthDump("0.10", synthPage("Synthetic", strings.Replace(good, ">synthetic text<", "><b>x</b><", 1))), []string{"unexpected <b> inside <text>"}},
		{"page without title", synthDump("0.10", "<page><ns>0</ns>"+good+"</page>"), []string{"page without <title>"}},
		{"empty title", synthDump("0.10", synthPage("", good)), []string{"empty title"}},
		{"title with a C0 control character", synthDump("0.10", rawPage("Synthetic&#x1b;[31m", good)), []string{"malformed XML", "U+001B"}},
		{"title with a C1 control character", synthDump("0.10", rawPage("Synthetic&#x85;", good)), []string{"control character U+0085"}},
		{"title ..", synthDump("0.10", synthPage("..", good)), []string{`".." as a path part`}},
		{"title with /../", synthDump("0.10", synthPage("Synthetic/../../etc/passwd", good)), []string{`".." as a path part`}},
		{"title with a leading /", synthDump("0.10", synthPage("/etc/passwd", good)), []string{"starts with /"}},
		{"title over 255 bytes", synthDump("0.10", synthPage(strings.Repeat("S", 256), good)), []string{"256 bytes"}},
		{"title not UTF-8", synthDump("0.10", synthPage("Synthetic \xff", good)), []string{"malformed XML", "invalid UTF-8"}},
		{"bad page id", synthDump("0.10", "<page><title>Synthetic</title><id>seven</id></page>"), []string{`page id "seven" is not a number`}},
		{"content after the root", synthDump("0.10") + "<mediawiki/>", []string{"after </mediawiki>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(t, tt.dump)
			if err == nil {
				t.Fatalf("no error; read %d revisions", len(got))
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "dump line ") {
				t.Errorf("error %q does not start with its dump line", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not say %q", msg, w)
				}
			}
		})
	}
}

// TestErrorsAreSticky: after an error, the Reader does not resume in the
// middle of the broken input.
func TestErrorsAreSticky(t *testing.T) {
	rd := NewReader(strings.NewReader(synthDump("0.10", synthPage("..", synthRevision(1, "x")), synthPage("Synthetic", synthRevision(2, "y")))))
	_, err1 := rd.Next()
	_, err2 := rd.Next()
	_, err3 := rd.NextRevision()
	if err1 == nil || err2 != err1 || err3 != err1 {
		t.Fatalf("errors %v, %v, %v; want the first one three times", err1, err2, err3)
	}
}
