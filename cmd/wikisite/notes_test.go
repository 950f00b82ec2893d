package main

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// notesDump is a synthetic page whose template the archive lacks, so its
// conversion has a note.
const notesDump = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <page>
    <title>Synthetic notes page</title>
    <ns>0</ns>
    <id>20</id>
    <revision>
      <id>201</id>
      <timestamp>2001-01-01T00:00:00Z</timestamp>
      <contributor><username>Synthetic user</username><id>1</id></contributor>
      <comment>synthetic</comment>
      <text xml:space="preserve">Synthetic text {{Synthetic missing}} after; see {{TALKPAGENAME}}, revision {{REVISIONID}} by {{REVISIONUSER}}.</text>
    </revision>
  </page>
</mediawiki>
`

// TestConversionNotesForEditors builds the repository's site with one
// more, synthetic page that uses a missing template and magic words: the
// reader's page shows the template as MediaWiki does (a link to
// Template:…), the magic words' values and no note; the note is on /conversion-notes.html, which no page links to,
// and in the build's output.
func TestConversionNotesForEditors(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"archive", "layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			t.Fatal(err)
		}
	}
	cfg := mustReadFile(t, filepath.Join(repoRoot, "config.toml"))
	pages := regexp.MustCompile(`(?m)^pages = \[.*\]$`)
	if !pages.MatchString(cfg) {
		t.Fatal("config.toml: no pages = [...] line")
	}
	cfg = pages.ReplaceAllString(cfg, `pages = ["Server/Personas", "Synthetic notes page"]`)
	mustWriteFile(t, filepath.Join(dir, "config.toml"), cfg)
	mustWriteFile(t, filepath.Join(dir, "dump.xml"), notesDump)
	conf := filepath.Join(dir, "config.toml")
	mustSucceed(t, "import", "--config", conf, "--archive", filepath.Join(dir, "archive"), filepath.Join(dir, "dump.xml"))
	stderr := mustSucceed(t, append([]string{"build", "--config", conf, "--archive", filepath.Join(dir, "archive"),
		"--content", filepath.Join(dir, "content"), "--destination", filepath.Join(dir, "public")}, pagefindFlag(t)...)...)

	const note = `template "Template:Synthetic missing" is not available`
	page := mustReadFile(t, filepath.Join(dir, "public", "wiki", "Synthetic_notes_page", "index.html"))
	if !strings.Contains(page, `Template:Synthetic missing</a>`) {
		t.Errorf("the reader's page lacks the link to the missing template:\n%s", page)
	}
	if want := "see Talk:Synthetic notes page, revision 201 by Synthetic user."; !strings.Contains(page, want) {
		t.Errorf("the magic words do not follow from the page and revision: no %q in\n%s", want, page)
	}
	if strings.Contains(page, "is not available") || strings.Contains(page, "Conversion notes") {
		t.Errorf("the reader's page shows a conversion note:\n%s", page)
	}
	notes := html.UnescapeString(mustReadFile(t, filepath.Join(dir, "public", "conversion-notes.html")))
	if !strings.Contains(notes, note) || !strings.Contains(notes, "Synthetic notes page") {
		t.Errorf("conversion-notes.html lacks the page's note %q:\n%s", note, notes)
	}
	if !strings.Contains(stderr, note) {
		t.Errorf("the build's output lacks the note %q:\n%s", note, stderr)
	}
	for name, data := range mustTree(t, filepath.Join(dir, "public")) {
		if bytes.Contains(data, []byte("conversion-notes")) && name != "conversion-notes.html" {
			t.Errorf("%s links to the editors' notes page; it should be in no navigation", name)
		}
	}
}

// mustSucceed runs wikisite with args, which must succeed, and returns
// its standard error (where notes and warnings go).
func mustSucceed(tb testing.TB, args ...string) string {
	tb.Helper()
	code, stdout, stderr := mustRun(tb, args...)
	if code != exitOK {
		tb.Fatalf("wikisite %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stderr
}

func mustWriteFile(tb testing.TB, name, data string) {
	tb.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}
