package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// Search is indexed by Pagefind (https://pagefind.app), a Rust program
// that npm ships as one binary per platform (the npm package pagefind and
// its optional dependency @pagefind/<os>-<arch>). Nothing in Go reads
// Hugo's output into a static full-text index that a browser can query in
// pieces, so the build runs Pagefind on the finished site, before the swap.

// SearchDir is the folder, inside the built site, that holds one search
// bundle per SearchIndex; the layouts load SearchDir/<name>/pagefind.js.
const SearchDir = "pagefind"

// ErrNoPagefind is returned by FindPagefind when no Pagefind binary is
// installed; a caller may build without search instead.
var ErrNoPagefind = errors.New("pagefind is not installed")

// npmPlatforms names Pagefind's npm platform packages by GOOS/GOARCH.
var npmPlatforms = map[string]string{
	"linux/amd64": "linux-x64", "linux/arm64": "linux-arm64",
	"darwin/amd64": "darwin-x64", "darwin/arm64": "darwin-arm64",
	"windows/amd64": "windows-x64", "windows/arm64": "windows-arm64",
	"freebsd/amd64": "freebsd-x64",
}

// FindPagefind returns the Pagefind binary `npm ci` installed under the
// project folder dir (the platform package's own binary, so that no Node.js
// is needed to run it), or else a pagefind on PATH. It wraps ErrNoPagefind
// when there is none, naming where it looked.
func FindPagefind(dir string) (string, error) {
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	var looked []string
	if plat, ok := npmPlatforms[runtime.GOOS+"/"+runtime.GOARCH]; ok {
		bin := filepath.Join(dir, "node_modules", "@pagefind", plat, "bin")
		// The npm package ships pagefind_extended (which also segments
		// Chinese and Japanese) and, in some versions, plain pagefind.
		for _, name := range []string{"pagefind_extended", "pagefind"} {
			path := filepath.Join(bin, name+exe)
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				// Absolute: Pagefind runs in the site's folder.
				return filepath.Abs(path)
			}
		}
		looked = append(looked, bin)
	}
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if path, err := exec.LookPath(name); err == nil {
			return filepath.Abs(path)
		}
	}
	looked = append(looked, "PATH")
	return "", fmt.Errorf("%w (looked in %s)", ErrNoPagefind, strings.Join(looked, " and "))
}

// SearchIndex is one search bundle: Pagefind's index of the pages under
// Pages (a folder of the built site, slash-separated, e.g. "personas"),
// written to SearchDir/Name with the JavaScript that queries it.
//
// One bundle per version rather than one index with a version filter:
// Pagefind writes its filter index in hash-map order, which changes from
// run to run, and the site must stay byte-identical between two builds.
// Page fragments and plain indexes are stable (Pagefind 1.3 and later).
type SearchIndex struct {
	Name  string
	Pages string
}

// unusedBundleFiles are the user interfaces Pagefind writes into every
// bundle; the site has its own (static/js/search.js), so they go, which
// keeps each version's bundle to the index, pagefind.js and its wasm.
var unusedBundleFiles = []string{
	"pagefind-ui.js", "pagefind-ui.css",
	"pagefind-component-ui.js", "pagefind-component-ui.css",
	"pagefind-modular-ui.js", "pagefind-modular-ui.css",
	"pagefind-highlight.js",
}

// indexSearch writes each index's bundle into siteDir/SearchDir. An index
// whose folder has no pages is left out: a meeting before the first persona
// has nothing to search, and its page shows no search box.
func indexSearch(ctx context.Context, bin, siteDir string, indexes []SearchIndex, log *slog.Logger) error {
	for _, ix := range indexes {
		if ix.Name == "" || strings.ContainsAny(ix.Name, `/\`) || ix.Name == "." || ix.Name == ".." {
			return fmt.Errorf("search index %q: the name must be one folder name", ix.Name)
		}
		pages := filepath.Join(siteDir, filepath.FromSlash(ix.Pages))
		if !hasHTML(pages) {
			continue
		}
		out := filepath.Join(siteDir, SearchDir, ix.Name)
		if err := runPagefind(ctx, bin, siteDir, path.Join(ix.Pages, "**", "*.html"), out, log); err != nil {
			return fmt.Errorf("search index %s (pages under %s/): %w", ix.Name, ix.Pages, err)
		}
		for _, name := range unusedBundleFiles {
			if err := os.Remove(filepath.Join(out, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("search index %s: %w", ix.Name, err)
			}
		}
	}
	return nil
}

// runPagefind indexes the pages of siteDir that match glob into out.
func runPagefind(ctx context.Context, bin, siteDir, glob, out string, log *slog.Logger) error {
	cmd := exec.CommandContext(ctx, bin, "--site", ".", "--glob", glob, "--output-path", out, "--quiet")
	// Pagefind reads pagefind.{yml,toml,json} from its working directory
	// and PAGEFIND_* variables: run it in the fresh site, without them,
	// so that only these flags decide the index.
	cmd.Dir = siteDir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(strings.ToUpper(kv), "PAGEFIND_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		text := strings.TrimSpace(output.String())
		if text == "" {
			return fmt.Errorf("%s: %w", bin, err)
		}
		return fmt.Errorf("%s: %w: %s", bin, err, strings.Join(strings.Fields(text), " "))
	}
	if text := strings.TrimSpace(output.String()); text != "" && log != nil {
		// --quiet leaves only Pagefind's warnings.
		log.Warn("pagefind: " + text)
	}
	if _, err := os.Stat(filepath.Join(out, "pagefind.js")); err != nil {
		return fmt.Errorf("%s ran but wrote no pagefind.js: %w", bin, err)
	}
	return nil
}

// hasHTML tells whether dir holds an .html file at any depth.
func hasHTML(dir string) bool {
	found := errors.New("found")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			return found
		}
		return nil
	})
	return errors.Is(err, found)
}
