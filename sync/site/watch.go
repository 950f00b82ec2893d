package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes under a set of files and folders. fsnotify
// watches single folders, so folders are added with all their subfolders,
// and files through their parent folder: editors often save by renaming a
// new file over the old one, which would end a watch on the file itself.
type watcher struct {
	fsw    *fsnotify.Watcher
	dirs   []string        // watched trees
	files  map[string]bool // watched single files
	ignore func(path string) bool
	log    *slog.Logger
}

// newWatcher watches the given absolute paths; those that do not exist
// yet are skipped (a project need not have static/).
func newWatcher(paths []string, ignore func(string) bool, log *slog.Logger) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch files: %w", err)
	}
	w := &watcher{fsw: fsw, files: map[string]bool{}, ignore: ignore, log: log}
	for _, p := range paths {
		if err := w.add(p); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) add(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		w.log.Debug("not watching a missing path", "path", path)
		return nil
	}
	if err != nil {
		return fmt.Errorf("watch %s: %w", path, err)
	}
	if !info.IsDir() {
		w.files[path] = true
		return w.addDir(filepath.Dir(path))
	}
	w.dirs = append(w.dirs, path)
	return w.addTree(path)
}

func (w *watcher) addDir(dir string) error {
	if err := w.fsw.Add(dir); err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	return nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if w.ignore(path) {
			return filepath.SkipDir
		}
		return w.addDir(path)
	})
}

// relevant reports whether a change to path should trigger a rebuild.
func (w *watcher) relevant(path string) bool {
	if w.ignore(path) {
		return false
	}
	if w.files[path] {
		return true
	}
	for _, d := range w.dirs {
		if path == d || strings.HasPrefix(path, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// run sends on changed once per burst of changes, after the files have
// been quiet for debounce, until ctx ends. It closes the watcher on return.
func (w *watcher) run(ctx context.Context, debounce time.Duration, changed chan<- struct{}) {
	defer w.fsw.Close()
	quiet := time.NewTimer(debounce)
	quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			quiet.Stop()
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.note(ev) {
				quiet.Reset(debounce)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.log.Warn("watching files", "err", err)
		case <-quiet.C:
			signal(changed)
		}
	}
}

// note handles one event and reports whether it counts as a change.
func (w *watcher) note(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || !w.relevant(ev.Name) {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			if err := w.addTree(ev.Name); err != nil {
				w.log.Warn("watching a new folder", "err", err)
			}
		}
	}
	w.log.Debug("changed", "path", ev.Name, "op", ev.Op.String())
	return true
}

// signal does a non-blocking send: one pending signal is as good as many.
func signal(ch chan<- struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
