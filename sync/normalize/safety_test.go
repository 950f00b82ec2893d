package normalize

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestDeterministic writes the same archive twice into two folders.
func TestDeterministic(t *testing.T) {
	cfg, store := mustConfig(t), mustOpen(t, repoArchive)
	a, b := filepath.Join(t.TempDir(), "content"), filepath.Join(t.TempDir(), "content")
	mustWrite(t, cfg, store, a)
	mustWrite(t, cfg, store, b)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) == 0 {
		t.Fatal("nothing written")
	}
	if diff := cmp.Diff(ta, tb); diff != "" {
		t.Errorf("two writes differ:\n%s", diff)
	}
}

// TestFailureLeavesContent breaks a revision text and checks that the
// failed Write keeps the previous content/ and leaves no temporary tree.
func TestFailureLeavesContent(t *testing.T) {
	cfg, arch := mustConfig(t), mustCopyArchive(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "content")
	mustWrite(t, cfg, mustOpen(t, arch), dir)
	before := readTree(t, dir)

	if err := os.Remove(filepath.Join(arch, "Server%2FPersonas", "363097.wiki")); err != nil {
		t.Fatal(err)
	}
	_, err := Write(context.Background(), Options{Site: cfg, Store: mustOpen(t, arch), ContentDir: dir})
	if err == nil || !strings.Contains(err.Error(), "363097") {
		t.Fatalf("Write with a missing revision text: err = %v, want one naming revision 363097", err)
	}
	if n := strings.Count(err.Error(), "normalize"); n != 1 {
		t.Errorf("error %q says normalize %d times, want once (one prefix per layer)", err, n)
	}
	if diff := cmp.Diff(before, readTree(t, dir)); diff != "" {
		t.Errorf("failed Write changed content/:\n%s", diff)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v after a failed Write, want only content", names)
	}
}

// TestReplacesStaleFiles checks that content/ is rewritten, not merged.
func TestReplacesStaleFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.MkdirAll(filepath.Join(dir, "wiki"), 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "wiki", "Deleted.md")
	if err := os.WriteFile(stale, []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale file survived the rewrite: %v", err)
	}
}

// hostile is synthetic wikitext that tries to break out of Markdown, of
// the front matter and of Hugo's shortcodes.
const hostile = `Synthetic hostile test page, not wiki content.
+++
title = "pwned"
+++
<script>alert(1)</script>
<img src=x onerror="alert(1)">
[javascript:alert(1) x]
<div style="background:url(javascript:alert(1)); position:fixed">styled</div>
<span style="x:expression(alert(1))">css</span>
{{< foo >}} and {{% bar %}} and {{</* baz */>}}
<nowiki>{{< qux >}}</nowiki>
---
+++
`

// unsafeHTML finds markup a browser would run; the same words escaped as
// text (&lt;script>) are harmless.
var unsafeHTML = []*regexp.Regexp{
	regexp.MustCompile(`(?i)<script`),
	regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`),
	regexp.MustCompile(`(?i)(\]\(\s*|href\s*=\s*["']?\s*)javascript:`),
	regexp.MustCompile(`(?i)<[a-z][^>]*style\s*=[^>]*(expression\(|javascript:)`),
}

var shortcodeCall = regexp.MustCompile(`\{\{[<%]\s*/?\s*([^\s>%]*)`)

func TestHostilePage(t *testing.T) {
	cfg, arch := mustConfig(t), mustCopyArchive(t)
	title := "Synthetic/Hostile"
	mustAddPage(t, arch, title, time.Date(2014, 3, 1, 0, 0, 0, 0, time.UTC), 900001, "+++\n"+hostile, hostile)
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, cfg, mustOpen(t, arch), dir)
	tree := readTree(t, dir)

	allowed := map[string]bool{"wikihtml": true} // the converter's own HTML block shortcode
	for _, sc := range cfg.Wiki.Shortcodes {
		allowed[sc] = true
	}
	for _, name := range []string{"wiki/" + fileName(title), "history/" + fileName(title)} {
		d := mustDoc(t, tree, name)
		if name[0] == 'w' && get(t, d.fm, "title") != title {
			t.Errorf("%s: front matter title = %v, want %q", name, get(t, d.fm, "title"), title)
		}
		if _, ok := d.fm["pwned"]; ok || get(t, d.fm, "title") == "pwned" {
			t.Errorf("%s: the page text reached the front matter", name)
		}
		// The body is Markdown that Hugo renders; front matter values are
		// data that layouts print escaped (diagnostics may quote "<script>").
		for _, bad := range unsafeHTML {
			if m := bad.FindString(d.body); m != "" {
				t.Errorf("%s: body holds %q", name, m)
			}
		}
		for _, m := range shortcodeCall.FindAllStringSubmatch(d.body, -1) {
			if !allowed[m[1]] {
				t.Errorf("%s: body calls shortcode %q, which the converter does not emit", name, m[1])
			}
		}
	}
}
