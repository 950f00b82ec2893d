package mwtest

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// LoadExtensions enables extensions that Debian's mediawiki package ships
// (e.g. "Cite", "ParserFunctions", "SyntaxHighlight_GeSHi") from the next
// request on, followed by any extra PHP settings lines. The wiki's
// template stays plain, so tests that do not ask for an extension see
// MediaWiki as installed.
func (w *Wiki) LoadExtensions(tb testing.TB, names []string, settings ...string) {
	tb.Helper()
	var b strings.Builder
	b.WriteString("\n# Added by mwtest.LoadExtensions.\n")
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(Root, "extensions", n, "extension.json")); err != nil {
			tb.Fatalf("mwtest: extension %q is not installed in %s: %v", n, Root, err)
		}
		fmt.Fprintf(&b, "wfLoadExtension(%q);\n", n)
	}
	for _, s := range settings {
		b.WriteString(s + "\n")
	}
	// ServerSettings.php is rewritten only when the server starts, and
	// every php -S request reads it afresh.
	path := filepath.Join(w.Dir, "ServerSettings.php")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err == nil {
		_, err = f.WriteString(b.String())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		tb.Fatalf("mwtest: load extensions %q: %v", names, err)
	}
}

// ParseText renders text as MediaWiki would show it on page title, with
// action=parse, without saving it. Revision-dependent magic words take
// their values from a saved revision only: use Edit and Parse for those.
func (w *Wiki) ParseText(tb testing.TB, title, text string) string {
	tb.Helper()
	var r struct {
		Parse struct {
			Text string `json:"text"`
		} `json:"parse"`
	}
	if err := w.call(http.DefaultClient, true, url.Values{
		"action": {"parse"}, "title": {title}, "text": {text}, "prop": {"text"},
		"contentmodel": {"wikitext"}, "disablelimitreport": {"1"},
	}, &r); err != nil {
		tb.Fatalf("mwtest: parse text as %q: %v", title, err)
	}
	return r.Parse.Text
}
