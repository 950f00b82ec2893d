package conformance

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/wikisite/wikisite/internal/sitecopy"
	"github.com/wikisite/wikisite/sync/site"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// mapTemplates holds the corpus's templates by title.
type mapTemplates map[string]string

// options are the converter's options for case c: the page and revision
// it renders, the templates the wiki has, links to the test wiki.
func options(c *tcase, tpl mapTemplates) wikitext.Options {
	return wikitext.Options{Templates: tpl, WikiURL: wikiBase, Page: c.title, Revision: c.rev}
}

// frontMatter is a page of type "wiki", as normalize writes it
// (docs/content-schema.md), without the diagnostics: conversion notes are
// for editors, not part of what is compared.
type frontMatter struct {
	Title  string    `toml:"title"`
	Type   string    `toml:"type"`
	URL    string    `toml:"url"`
	Date   time.Time `toml:"date"`
	Params struct {
		WikiTitle string    `toml:"wiki_title"`
		Revision  int64     `toml:"revision"`
		Timestamp time.Time `toml:"timestamp"`
		Author    string    `toml:"author"`
	} `toml:"params"`
}

func caseURL(c *tcase) string { return "/conformance/" + c.id + "/" }

// mustSite converts every case, writes one Hugo project with the
// repository's config.toml, layouts/ and static/, builds it once with
// sync/site and fills in each case's page.
func mustSite(tb testing.TB, cases []*tcase, tpl mapTemplates) {
	tb.Helper()
	dir := tb.TempDir()
	sitecopy.Into(tb, repoRoot, dir)
	content := filepath.Join(dir, "content", "conformance")
	if err := os.MkdirAll(content, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, c := range cases {
		c.md = wikitext.Convert(c.text, options(c, tpl)).Markdown
		mustWrite(tb, filepath.Join(content, c.id+".md"), page(tb, c))
	}
	if _, err := site.Build(tb.Context(), site.Options{Dir: dir}); err != nil {
		tb.Fatalf("site.Build: %v", err)
	}
	for _, c := range cases {
		file := filepath.Join(dir, site.DefaultDestination, filepath.FromSlash(caseURL(c)), "index.html")
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatalf("case %s: %v", c.id, err)
		}
		c.siteHTML = string(data)
	}
}

func page(tb testing.TB, c *tcase) []byte {
	tb.Helper()
	var fm frontMatter
	fm.Title, fm.Type, fm.URL, fm.Date = c.title, "wiki", caseURL(c), c.rev.Timestamp
	fm.Params.WikiTitle, fm.Params.Revision, fm.Params.Timestamp, fm.Params.Author = c.title, c.rev.ID, c.rev.Timestamp, c.rev.User
	var buf bytes.Buffer
	buf.WriteString("+++\n")
	if err := toml.NewEncoder(&buf).Encode(fm); err != nil {
		tb.Fatalf("case %s: front matter: %v", c.id, err)
	}
	buf.WriteString("+++\n\n" + c.md)
	return buf.Bytes()
}

// mustPeer fills in pandoc's HTML of every case. Without pandoc the test
// skips, or fails under CI=true, where the peer is part of the table.
func mustPeer(tb testing.TB, cases []*tcase) {
	tb.Helper()
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		msg := "pandoc not in PATH; install it with: apt-get install pandoc"
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg + " (CI=true: not skipping)")
		}
		tb.Skip(msg)
	}
	for _, c := range cases {
		cmd := exec.CommandContext(tb.Context(), pandoc, "-f", "mediawiki", "-t", "html")
		cmd.Stdin = strings.NewReader(c.text)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			tb.Fatalf("pandoc on case %s: %v: %s", c.id, err, stderr.String())
		}
		c.peerHTML = string(out)
	}
}

func mustWrite(tb testing.TB, name string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
