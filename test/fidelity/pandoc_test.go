package fidelity

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/wikisite/wikisite/internal/visible"
)

// mustPandoc returns the path of pandoc, the peer converter. Without it
// the test skips, or fails under CI=true, where the peer is part of the
// report.
func mustPandoc(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("pandoc")
	if err == nil {
		return path
	}
	msg := "pandoc not in PATH; install it with: apt-get install pandoc"
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg + " (CI=true: not skipping)")
	}
	tb.Skip(msg)
	return ""
}

// mustPandocWords converts wikitext with `pandoc -f mediawiki -t html` and
// returns the visible words of the whole output. Pandoc does not expand
// templates; that is part of what is compared.
func mustPandocWords(tb testing.TB, pandoc string, rev int64, wikitext string) []string {
	tb.Helper()
	cmd := exec.CommandContext(tb.Context(), pandoc, "-f", "mediawiki", "-t", "html")
	cmd.Stdin = strings.NewReader(wikitext)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pandoc on revision %d: %v: %s", rev, err, stderr.String())
	}
	text, err := visible.Text(string(out), 0, func(*html.Node) bool { return false })
	if err != nil {
		tb.Fatalf("pandoc's rendering of revision %d: %v", rev, err)
	}
	return visible.Words(text)
}
