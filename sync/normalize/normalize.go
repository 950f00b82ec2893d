package normalize

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/config"
)

// Options says what to write and where.
type Options struct {
	// Config gives the configured pages, meetings, shortcodes and the
	// wiki's API URL (for links back to the wiki).
	Config *config.Config
	// Store is the archive to read.
	Store *archive.Store
	// ContentDir is the folder to (re)write, usually "content".
	ContentDir string
	// Logger receives warnings; nil discards them.
	Logger *slog.Logger
	// CacheDir, when set, is a folder where Write keeps conversions and
	// diffs for the next Write, so a rebuild after a few new revisions
	// computes only theirs. The output is the same with or without it, and
	// with an empty, stale or damaged cache. Write owns the folder: it
	// removes entries the archive no longer needs, so one folder serves
	// one archive and configuration.
	CacheDir string
}

// Report counts what Write wrote and lists what a person should know.
type Report struct {
	Pages    int // wiki/ pages
	Personas int // personas/<slug>.md pages
	Meetings int // meetings/<date>.md pages
	Files    int // every file written
	// Work counts what was computed and what came from Options.CacheDir.
	Work Work
	// Diagnostics are warnings: configured pages missing from the archive,
	// templates missing at a revision's time, hidden texts, converter notes.
	Diagnostics []string
}

// Write replaces opts.ContentDir with content generated from the archive.
// Either the whole new tree is swapped in or the old one is left untouched.
// Two concurrent Writes to the same folder are not supported.
func Write(ctx context.Context, opts Options) (Report, error) {
	if opts.Config == nil || opts.Store == nil || opts.ContentDir == "" {
		return Report{}, errors.New("normalize: Config, Store and ContentDir are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	dir := filepath.Clean(opts.ContentDir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Report{}, fmt.Errorf("normalize: %w", err)
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return Report{}, fmt.Errorf("normalize: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	b, err := newBuilder(ctx, opts, tmp)
	if err != nil {
		return Report{}, err
	}
	if err := b.build(); err != nil {
		return Report{}, err
	}
	if err := swap(tmp, dir); err != nil {
		return Report{}, err
	}
	b.closeCache()
	rep := b.report
	rep.Diagnostics = sortedUnique(rep.Diagnostics)
	return rep, nil
}

// removeStale deletes temporary trees left by a Write that crashed.
func removeStale(parent, base string) {
	for _, pattern := range []string{base + ".tmp-*", base + ".old-*"} {
		stale, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, d := range stale {
			os.RemoveAll(d)
		}
	}
}

// swap moves the finished tree tmp to dir: the old tree is renamed away
// first, so at every instant dir is either the old or the new tree.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".old-")
		if err != nil {
			return fmt.Errorf("normalize: %w", err)
		}
		old = filepath.Join(o, "content")
		if err := os.Rename(dir, old); err != nil {
			os.Remove(o)
			return fmt.Errorf("normalize: move old %s aside: %w", dir, err)
		}
		defer os.RemoveAll(o)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("normalize: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("normalize: move new tree to %s: %w", dir, err)
	}
	return nil
}

func sortedUnique(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
