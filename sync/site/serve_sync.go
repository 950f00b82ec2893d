package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// syncGrace is how long after a wiki sync the watcher still leaves the
// sync's files alone: file events arrive a little after the writes that
// cause them, later still on a busy machine.
const syncGrace = time.Second

// syncGate keeps a poll from rebuilding twice. A sync that finds new
// revisions writes them into the archive, which the watcher also watches:
// without the gate, the poll's rebuild and the watcher's (one debounce
// later) would both run, and the watcher's could even start before the
// sync had finished. With it, the watcher ignores changes to files under
// paths while a sync runs and for syncGrace after; the poll asks for the
// rebuild itself, which reads everything the sync wrote. Folders are never
// ignored, so the watcher still starts watching a new page's folder.
type syncGate struct {
	paths []string // absolute

	mu      sync.Mutex
	running bool
	ended   time.Time
}

func newSyncGate(dir string, paths []string) *syncGate {
	g := &syncGate{}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		g.paths = append(g.paths, filepath.Clean(p))
	}
	return g
}

// wrap runs sync with the gate closed.
func (g *syncGate) wrap(sync func(context.Context) (bool, error)) func(context.Context) (bool, error) {
	return func(ctx context.Context) (bool, error) {
		g.mu.Lock()
		g.running = true
		g.mu.Unlock()
		defer func() {
			g.mu.Lock()
			g.running, g.ended = false, time.Now()
			g.mu.Unlock()
		}()
		return sync(ctx)
	}
}

// closed reports whether the watcher should ignore a change to path.
func (g *syncGate) closed(path string) bool {
	if !g.covers(path) {
		return false
	}
	g.mu.Lock()
	closed := g.running || !g.ended.IsZero() && time.Since(g.ended) < syncGrace
	g.mu.Unlock()
	if !closed {
		return false
	}
	info, err := os.Stat(path)
	return err != nil || !info.IsDir()
}

func (g *syncGate) covers(path string) bool {
	for _, p := range g.paths {
		if path == p || strings.HasPrefix(path, p+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// orIgnore is ignore, plus what the gate holds back.
func (g *syncGate) orIgnore(ignore func(string) bool) func(string) bool {
	return func(path string) bool { return ignore(path) || g.closed(path) }
}
