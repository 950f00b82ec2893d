package site

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// liveSite is the site under `serve`: one Hugo session kept between
// builds, rendering into a working folder of its own. Normalize replaces
// content/ as a whole, so every build hashes content/ and passes Hugo only
// the files whose bytes changed; Hugo then re-renders what they touch.
// Anything else Hugo reads (layouts, config, static files, data) changing,
// or a page going away, starts a new session and a whole build, because
// Hugo's partial rebuild leaves the files of a deleted page behind.
type liveSite struct {
	opts      Options
	dir, dest string
	run       hugoRun
	sess      *hugoSession
	work      string              // the session's publish folder
	content   map[string][32]byte // content/ at the last build, by path
	rest      map[string][32]byte // everything else Hugo reads
}

// hugoInputs are the project folders and files, besides content/, whose
// change needs a whole build.
var hugoInputs = []string{"config.toml", "layouts", "static", "data", "i18n", "assets", "archetypes"}

func newLiveSite(opts Options) (*liveSite, error) {
	dir, dest, err := opts.paths()
	if err != nil {
		return nil, err
	}
	return &liveSite{opts: opts, dir: dir, dest: dest}, nil
}

// build brings the destination up to date with the project and reports
// whether it took Hugo's partial path.
func (l *liveSite) build(ctx context.Context) (res Result, partial bool, err error) {
	if err := ctx.Err(); err != nil {
		return Result{}, false, err
	}
	content, err := hashTree(l.opts.contentDir(l.dir))
	if err != nil {
		return Result{}, false, err
	}
	rest := map[string][32]byte{}
	for _, in := range hugoInputs {
		h, err := hashTree(filepath.Join(l.dir, in))
		if err != nil {
			return Result{}, false, err
		}
		maps.Copy(rest, h)
	}
	changed, created, removed := diffHashes(l.content, content)
	// File times run on the kernel's coarse clock, a tick behind
	// time.Now: a margin only recopies a few files already published.
	start := time.Now().Add(-time.Second)
	hugoMu.Lock()
	if l.sess != nil && len(removed) == 0 && maps.Equal(l.rest, rest) {
		partial = true
		res.Pages, err = l.sess.rebuild(changed, created, nil)
	} else {
		res.Pages, err = l.restart()
	}
	if err != nil && l.sess != nil {
		// A failed rebuild may leave the session's page tree half-made:
		// start afresh next time.
		l.sess.close()
		l.sess = nil
	}
	hugoMu.Unlock()
	if err != nil {
		l.content = nil
		return Result{}, partial, err
	}
	l.content, l.rest = content, rest
	if !partial || l.opts.Pagefind != "" {
		// Pagefind names its files by content, so stale ones would stay.
		res.Files, err = l.publish(ctx)
	} else {
		res.Files, err = l.publishSince(start)
	}
	return res, partial, err
}

// restart ends the session, if any, and runs a whole build in a new one
// into a fresh working folder. The caller holds hugoMu.
func (l *liveSite) restart() (int, error) {
	l.closeSession()
	work, err := newStaging(l.dest)
	if err != nil {
		return 0, err
	}
	l.work = work
	if err := copyStatic(filepath.Join(l.dir, "static"), work); err != nil {
		return 0, err
	}
	configFile := filepath.Join(l.dir, "config.toml")
	l.run = hugoRun{
		dir: l.dir, configFile: configFile, publishDir: work, contentDir: l.opts.contentDir(l.dir),
		baseURL: l.opts.BaseURL, log: newLogCollector(l.opts.Logger),
	}
	sess, pages, err := l.run.openSession()
	if err != nil {
		return 0, err
	}
	l.sess = sess
	return pages, nil
}

// publish indexes the working folder for search and swaps a copy of it
// in as the destination: Hugo writes its files in place, so the served
// site must be a copy, never the folder Hugo is writing.
func (l *liveSite) publish(ctx context.Context) (int, error) {
	if l.opts.Pagefind != "" {
		if err := os.RemoveAll(filepath.Join(l.work, SearchDir)); err != nil {
			return 0, fmt.Errorf("search index in %s: %w", l.work, err)
		}
		if err := indexSearch(ctx, l.opts.Pagefind, l.work, l.opts.Search, l.opts.Logger); err != nil {
			return 0, err
		}
	}
	tmp, err := newStaging(l.dest)
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	if err := os.CopyFS(tmp, os.DirFS(l.work)); err != nil {
		return 0, fmt.Errorf("copy %s to %s: %w", l.work, tmp, err)
	}
	files, err := countFiles(tmp)
	if err != nil {
		return 0, err
	}
	return files, atomicfile.ReplaceDir(tmp, l.dest)
}

// publishSince copies into the destination, each file atomically, the
// files of the working folder written since start: after a partial
// rebuild those are all Hugo wrote, and copying the whole site would
// cost more than the rebuild (a folder and a file per page).
func (l *liveSite) publishSince(start time.Time) (int, error) {
	files := 0
	err := filepath.WalkDir(l.work, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		files++
		info, err := d.Info()
		if err != nil || info.ModTime().Before(start) {
			return err
		}
		rel, err := filepath.Rel(l.work, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		to := filepath.Join(l.dest, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return atomicfile.WriteFile(to, data)
	})
	if err != nil {
		return 0, fmt.Errorf("publish %s to %s: %w", l.work, l.dest, err)
	}
	return files, nil
}

func (l *liveSite) closeSession() {
	if l.sess != nil {
		l.sess.close()
		l.sess = nil
	}
	if l.work != "" {
		os.RemoveAll(l.work)
		l.work = ""
	}
}

// close ends the session and removes its working folder.
func (l *liveSite) close() {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	l.closeSession()
}

// hashTree hashes every regular file under root (or root itself, a
// file), by absolute path; a missing root is empty.
func hashTree(root string) (map[string][32]byte, error) {
	sums := map[string][32]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && path == root {
			return filepath.SkipAll
		}
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sums[path] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", root, err)
	}
	return sums, nil
}

// diffHashes lists, sorted, the paths whose sums differ between before
// and after, those only in after, and those only in before.
func diffHashes(before, after map[string][32]byte) (changed, created, removed []string) {
	for p, sum := range after {
		old, ok := before[p]
		switch {
		case !ok:
			created = append(created, p)
		case old != sum:
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			removed = append(removed, p)
		}
	}
	slices.Sort(changed)
	slices.Sort(created)
	slices.Sort(removed)
	return changed, created, removed
}
