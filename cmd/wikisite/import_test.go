package main

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/archive"
)

const (
	fixtureDump = "../../testdata/fedora-server-personas.xml"
	repoConfig  = "../../config.toml"
)

// mustRun runs wikisite in-process and returns its exit code and output.
func mustRun(tb testing.TB, args ...string) (code int, stdout, stderr string) {
	tb.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustImport imports dump into a fresh archive and returns its folder.
func mustImport(tb testing.TB, dump string) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "archive")
	code, out, errOut := mustRun(tb, "import", "--config", repoConfig, "--archive", dir, "--init", dump)
	if code != 0 {
		tb.Fatalf("import %s: exit %d: %s", dump, code, errOut)
	}
	if want := "imported 3 pages: 17 revisions (17 new)\n"; out != want {
		tb.Fatalf("import printed %q, want %q", out, want)
	}
	return dir
}

// hashTree fingerprints every file and folder under dir.
func hashTree(tb testing.TB, dir string) string {
	tb.Helper()
	sum, err := treeHash(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// treeHash hashes the names, modes and contents of everything under dir,
// dot files included.
func treeHash(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%s %v\n", rel, info.Mode())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%d %x\n", len(data), sha256.Sum256(data))
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

func TestImportFixture(t *testing.T) {
	dir := mustImport(t, fixtureDump)
	before := hashTree(t, dir)
	code, out, errOut := mustRun(t, "import", fixtureDump, "--config", repoConfig, "--archive", dir)
	if code != 0 || out != "imported 3 pages: 17 revisions (0 new)\n" {
		t.Fatalf("second import: exit %d, %q %q; want 0 new", code, out, errOut)
	}
	if hashTree(t, dir) != before {
		t.Fatal("importing the same dump again changed the archive")
	}
	meta, err := os.ReadFile(filepath.Join(dir, "Server%2FPersonas", "page.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id = 364907", `user = "Davidstrauss"`, `comment = "/* Goals */"`, "timestamp = 2014-02-25T16:09:00Z",
		`sha1 = "e97087e6418bd78e37c268c96c3a47b5abf4a006"`} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("page.toml lacks %q", want)
		}
	}
	if n := strings.Count(string(meta), "\n[[revision]]"); n != 15 {
		t.Errorf("page.toml holds %d revisions, want 15", n)
	}
}

// synthRev is a revision of a synthetic page, for the bad dumps below.
func synthRev(id int, text string) string {
	sum := sha1.Sum([]byte(text))
	return fmt.Sprintf(`<revision><id>%d</id><timestamp>2001-01-01T00:00:00Z</timestamp><contributor><username>Synthetic</username></contributor>`+
		`<text xml:space="preserve">%s</text><sha1>%s</sha1></revision>`, id, text, new(big.Int).SetBytes(sum[:]).Text(36))
}

func synthPage(title string, revs ...string) string {
	return "<page><title>" + title + "</title><ns>0</ns><id>900</id>" + strings.Join(revs, "") + "</page>\n"
}

// TestImportIsAllOrNothing imports bad dumps over an archive holding the
// fixture: each fails with one line naming the problem and leaves the
// archive byte for byte as it was, though valid revisions came before the
// fault and were staged.
func TestImportIsAllOrNothing(t *testing.T) {
	fixture, err := os.ReadFile(fixtureDump)
	if err != nil {
		t.Fatal(err)
	}
	good := string(fixture)
	const end = "</mediawiki>"
	newPage := synthPage("Synthetic new page", synthRev(900001, "synthetic text one"), synthRev(900002, "synthetic text two"))
	appendPages := func(pages ...string) string {
		return strings.Replace(good, end, newPage+strings.Join(pages, "")+end, 1)
	}
	tests := []struct {
		name string
		dump string
		want []string
	}{
		{"truncated", appendPages()[:len(good)+len(newPage)-300], []string{"truncated dump", `page "Synthetic new page"`}},
		{"malformed XML", appendPages(synthPage("Synthetic broken", "<revision><id>900003</id></revisio>")), []string{"malformed XML", `page "Synthetic broken" revision 900003`}},
		{"sha1 mismatch", strings.Replace(appendPages(), "r9nrykysmwt1tyursmazsqj1foo464m", "iy23qpxo9jfb88kqzuel8oqllw9kxpz", 1), []string{"sha1 mismatch", `page "Server/Personas" revision 370811`}},
		{"revision without text", appendPages(synthPage("Synthetic stub", `<revision><id>900004</id><timestamp>2001-01-01T00:00:00Z</timestamp></revision>`)), []string{"revision without <text>", "revision 900004"}},
		{"hostile title", appendPages(synthPage("Synthetic/../../../escape", synthRev(900005, "x"))), []string{`"Synthetic/../../../escape"`, "path part"}},
		{"duplicate revid in the dump", appendPages(synthPage("Synthetic other page", synthRev(900001, "another synthetic text"))), []string{"revision 900001", "twice"}},
		{"revid in the archive with another text", `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">` + newPage + synthPage("Server/Personas", synthRev(361683, "synthetic forgery")) + end, []string{`page "Server/Personas" revision 361683`, "the archive holds another text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mustImport(t, fixtureDump)
			before := hashTree(t, dir)
			bad := filepath.Join(t.TempDir(), "bad.xml")
			if err := os.WriteFile(bad, []byte(tt.dump), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := mustRun(t, "import", "--config", repoConfig, "--archive", dir, bad)
			if code != exitError || out != "" {
				t.Errorf("exit %d, stdout %q; want exit 1 and nothing printed", code, out)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if !strings.HasPrefix(lines[0], "wikisite: import ") || strings.Count(errOut, "wikisite:") != 1 {
				t.Errorf("stderr %q: want one wikisite: line", errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("error line %q does not say %q", lines[0], w)
				}
			}
			if hashTree(t, dir) != before {
				t.Errorf("a failed import changed the archive")
			}
		})
	}
}

func TestImportTakesTheLock(t *testing.T) {
	dir := mustImport(t, fixtureDump)
	s, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	code, _, errOut := mustRun(t, "import", "--config", repoConfig, "--archive", dir, fixtureDump)
	if code != exitError || !strings.Contains(errOut, "another wikisite") || !strings.Contains(errOut, "hint:") {
		t.Fatalf("import while locked: exit %d, %q; want exit 1 saying the archive is locked, with a hint", code, errOut)
	}
}

// TestCommittedArchiveMatchesFixture: the repository's archive/ is what
// importing the fixture gives, file for file.
func TestCommittedArchiveMatchesFixture(t *testing.T) {
	dir := mustImport(t, fixtureDump)
	for _, skip := range []string{".lock"} {
		os.Remove(filepath.Join(dir, skip))
	}
	committed := t.TempDir()
	src := "../../archive"
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if rel == "README.md" || rel == ".gitignore" || rel == ".lock" || strings.HasPrefix(rel, ".staging-") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(committed, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(committed, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if hashTree(t, committed) != hashTree(t, dir) {
		t.Fatal("archive/ differs from a fresh import of the fixture: re-run `go run ./cmd/wikisite import testdata/fedora-server-personas.xml` from the repository root and commit")
	}
}
