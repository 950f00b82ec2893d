// Package site builds the static site from a project folder (config.toml,
// content/, layouts/, static/) with Hugo embedded as a library, indexes it
// for search with Pagefind when one is installed, and serves a local
// preview that rebuilds and reloads the browser on change.
//
// It is the only package that imports Hugo, and all Hugo calls sit in
// hugo.go. It does not write content/ (that is sync/normalize) and does
// not talk to the wiki: serve mode takes the normalize and sync steps as
// functions.
package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// DefaultDestination is where the site goes when Options.Destination is
// empty, relative to Options.Dir.
const DefaultDestination = "public"

// Options say which project to build and where to put the result.
type Options struct {
	// Dir is the project root: it holds config.toml (Hugo's site
	// configuration too), content/, layouts/ and static/.
	Dir string
	// Destination is the folder that receives the site; a relative path is
	// taken relative to Dir. Empty means Dir/public.
	Destination string
	// ContentDir is the Markdown folder Hugo reads; a relative path is taken
	// relative to Dir. Empty means Dir/content.
	ContentDir string
	// BaseURL overrides config.toml's baseURL when set.
	BaseURL string
	// Logger receives Hugo's and Pagefind's warnings; nil discards them.
	Logger *slog.Logger
	// Pagefind is the Pagefind binary (see FindPagefind) that indexes the
	// built site for search into SearchDir; empty builds without search.
	Pagefind string
	// Search lists the search bundles to write when Pagefind is set.
	Search []SearchIndex
}

// Result counts what a build produced.
type Result struct {
	// Pages is the number of pages Hugo rendered (home, sections,
	// taxonomies and regular pages).
	Pages int
	// Files is the number of files in the destination afterwards.
	Files int
}

// hugoMu serialises builds in this process: Hugo keeps a process-wide
// logger whose error count would otherwise leak from one build into
// another.
var hugoMu sync.Mutex

// Build renders the project into Options.Destination. It builds into a
// fresh folder beside the destination, indexes it for search when
// Options.Pagefind is set, and swaps it in only on success, so
// files of deleted pages disappear and a failed build leaves the previous
// site untouched. Hugo cannot be interrupted, so ctx is only checked
// before the build starts and before the swap.
func Build(ctx context.Context, opts Options) (Result, error) {
	dir, dest, err := opts.paths()
	if err != nil {
		return Result{}, err
	}
	configFile := filepath.Join(dir, "config.toml")
	if _, err := os.Stat(configFile); err != nil {
		return Result{}, fmt.Errorf("site %s: %w", dir, err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return Result{}, fmt.Errorf("destination %s: %w", dest, err)
	}
	tmp, err := newStaging(dest)
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(tmp)

	// Hugo's library renders pages only; its command copies static/, so
	// do that here, first, so that rendered pages win on a clash as they
	// do in Hugo.
	if err := copyStatic(filepath.Join(dir, "static"), tmp); err != nil {
		return Result{}, err
	}
	pages, err := runHugo(hugoRun{
		dir: dir, configFile: configFile, publishDir: tmp, contentDir: opts.contentDir(dir),
		baseURL: opts.BaseURL, log: newLogCollector(opts.Logger),
	})
	if err != nil {
		return Result{}, err
	}
	if opts.Pagefind != "" {
		if err := indexSearch(ctx, opts.Pagefind, tmp, opts.Search, opts.Logger); err != nil {
			return Result{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	files, err := countFiles(tmp)
	if err != nil {
		return Result{}, err
	}
	if err := atomicfile.ReplaceDir(tmp, dest); err != nil {
		return Result{}, err
	}
	return Result{Pages: pages, Files: files}, nil
}

func runHugo(r hugoRun) (int, error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	return r.build()
}

// paths resolves Dir and Destination to absolute paths.
func (o Options) paths() (dir, dest string, err error) {
	if o.Dir == "" {
		return "", "", errors.New("site: no project folder (Options.Dir)")
	}
	dir, err = filepath.Abs(o.Dir)
	if err != nil {
		return "", "", fmt.Errorf("site %s: %w", o.Dir, err)
	}
	dest = o.Destination
	if dest == "" {
		dest = DefaultDestination
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(dir, dest)
	}
	dest = filepath.Clean(dest)
	if dest == dir || dest == filepath.Dir(dir) {
		return "", "", fmt.Errorf("destination %s would replace the project folder; choose a subfolder such as public", dest)
	}
	return dir, dest, nil
}

func (o Options) contentDir(dir string) string {
	switch {
	case o.ContentDir == "":
		return filepath.Join(dir, "content")
	case filepath.IsAbs(o.ContentDir):
		return filepath.Clean(o.ContentDir)
	}
	return filepath.Join(dir, o.ContentDir)
}

// copyStatic copies the project's static folder, if any, into dest.
func copyStatic(static, dest string) error {
	if _, err := os.Stat(static); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.CopyFS(dest, os.DirFS(static)); err != nil {
		return fmt.Errorf("copy static files from %s: %w", static, err)
	}
	return nil
}

// countFiles counts the regular files under root.
func countFiles(root string) (int, error) {
	n := 0
	err := filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("count files in %s: %w", root, err)
	}
	return n, nil
}
