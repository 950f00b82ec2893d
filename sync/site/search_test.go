package site

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// mustPagefind finds the Pagefind that `npm ci` installed at the project
// root. Without one the search tests skip, except under CI=true.
func mustPagefind(tb testing.TB) string {
	tb.Helper()
	bin, err := FindPagefind("../..")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%v: run `npm ci` at the project root", err)
		}
		tb.Skipf("%v: run `npm ci` at the project root", err)
	}
	return bin
}

// searchProject is the tiny site with two versions of a synthetic page, each
// under its own folder, and a layout that marks the text for the index.
func searchProject(tb testing.TB) string {
	tb.Helper()
	page := func(url, text string) string {
		return "+++\ntitle = \"Synthetic " + url + "\"\nurl = \"" + url + "\"\n+++\n" + text + "\n"
	}
	return mustProject(tb, "tiny", map[string]string{
		"layouts/single.html": `{{ define "main" }}<article data-pagefind-body data-pagefind-meta="version:{{ .Params.version | default "now" }}">{{ .Content }}</article>{{ end }}`,
		"content/now/one.md":  page("/now/one/", "Synthetic words: marmalade and quince."),
		"content/now/two.md":  page("/now/two/", "Synthetic words: pumpernickel."),
		"content/then/one.md": page("/then/one/", "Synthetic words: marmalade, earlier."),
	})
}

func TestSearchIndexIsDeterministic(t *testing.T) {
	bin := mustPagefind(t)
	dir := searchProject(t)
	indexes := []SearchIndex{{Name: "now", Pages: "now"}, {Name: "then", Pages: "then"}, {Name: "never", Pages: "never"}}
	first, second := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, Options{Dir: dir, Destination: first, Pagefind: bin, Search: indexes})
	mustBuild(t, Options{Dir: dir, Destination: second, Pagefind: bin, Search: indexes})
	if !sameTree(t, readTree(t, first), readTree(t, second)) {
		t.Error("two builds of the same project with search differ")
	}
	for name, pages := range map[string]int{"now": 2, "then": 1} {
		if got := mustPageCount(t, filepath.Join(first, SearchDir, name)); got != pages {
			t.Errorf("bundle %s indexes %d pages, want %d", name, got, pages)
		}
		for _, unused := range unusedBundleFiles {
			if _, err := os.Stat(filepath.Join(first, SearchDir, name, unused)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("bundle %s keeps %s (%v)", name, unused, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(first, SearchDir, "never")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an index with no pages has a bundle (%v)", err)
	}
}

// mustPageCount reads how many pages a bundle indexed from its entry file.
func mustPageCount(tb testing.TB, bundle string) int {
	tb.Helper()
	var entry struct {
		Languages map[string]struct {
			PageCount int `json:"page_count"`
		} `json:"languages"`
	}
	if err := json.Unmarshal([]byte(mustRead(tb, filepath.Join(bundle, "pagefind-entry.json"))), &entry); err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, l := range entry.Languages {
		n += l.PageCount
	}
	return n
}

func TestSearchIndexErrors(t *testing.T) {
	failing := filepath.Join(t.TempDir(), "pagefind")
	mustWrite(t, failing, "#!/bin/sh\necho 'Error: synthetic failure' >&2\nexit 1\n")
	if err := os.Chmod(failing, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		bin     string
		indexes []SearchIndex
		want    string
	}{
		{"pagefind fails", failing, []SearchIndex{{Name: "now", Pages: "now"}}, "search index now (pages under now/): " + failing + ": exit status 1: Error: synthetic failure"},
		{"a name that is a path", failing, []SearchIndex{{Name: "a/b", Pages: "now"}}, `search index "a/b": the name must be one folder name`},
		{"a binary that is gone", filepath.Join(t.TempDir(), "missing"), []SearchIndex{{Name: "now", Pages: "now"}}, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := searchProject(t)
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, Options{Dir: dir, Destination: dest})
			before := readTree(t, dest)
			_, err := Build(t.Context(), Options{Dir: dir, Destination: dest, Pagefind: tt.bin, Search: tt.indexes})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Build = %v, want an error containing %q", err, tt.want)
			}
			if !sameTree(t, before, readTree(t, dest)) {
				t.Error("a failed search index changed the previous site")
			}
		})
	}
}

func TestFindPagefind(t *testing.T) {
	plat, ok := npmPlatforms[runtime.GOOS+"/"+runtime.GOARCH]
	if !ok {
		t.Skipf("Pagefind ships no npm binary for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	installed := t.TempDir()
	bin := filepath.Join(installed, "node_modules", "@pagefind", plat, "bin", "pagefind_extended"+exe)
	mustWrite(t, bin, "synthetic")
	onPath := t.TempDir()
	mustWrite(t, filepath.Join(onPath, "pagefind"+exe), "synthetic")
	if err := os.Chmod(filepath.Join(onPath, "pagefind"+exe), 0o755); err != nil {
		t.Fatal(err)
	}

	t.Setenv("PATH", onPath)
	if got, err := FindPagefind(installed); err != nil || got != bin {
		t.Errorf("FindPagefind(npm-installed project) = %q, %v; want %q", got, err, bin)
	}
	bare := t.TempDir()
	if got, err := FindPagefind(bare); err != nil || got != filepath.Join(onPath, "pagefind"+exe) {
		t.Errorf("FindPagefind(bare project, pagefind on PATH) = %q, %v", got, err)
	}
	t.Setenv("PATH", t.TempDir())
	_, err := FindPagefind(bare)
	if !errors.Is(err, ErrNoPagefind) || !strings.Contains(err.Error(), filepath.Join(bare, "node_modules", "@pagefind", plat, "bin")) {
		t.Errorf("FindPagefind(nothing installed) = %v, want ErrNoPagefind naming where it looked", err)
	}
}
