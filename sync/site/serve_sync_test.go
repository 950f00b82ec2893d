package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestServePollRebuildsOnce checks that a poll whose sync writes into a
// watched folder rebuilds once: the watcher leaves the sync's writes to
// the poll. A later change elsewhere is still seen, and the rebuild that
// shows it must be the third (first build, poll, change), not the fourth.
func TestServePollRebuildsOnce(t *testing.T) {
	dir := mustProject(t, "tiny", map[string]string{"archive/.keep": "synthetic", "marker.txt": "Synthetic marker 1"})
	var polls, rebuilds atomic.Int32
	p := mustServe(t, ServeOptions{
		Options:    Options{Dir: dir},
		Watch:      []string{"archive", "marker.txt"},
		SyncWrites: []string{"archive"},
		Debounce:   20 * time.Millisecond,
		PollWiki:   time.Millisecond,
		// Synthetic wiki: the first poll finds a revision and writes it
		// into the archive, as mirror.Sync would.
		Sync: func(ctx context.Context) (bool, error) {
			if polls.Add(1) != 1 {
				return false, nil
			}
			err := os.WriteFile(filepath.Join(dir, "archive", "synthetic-revision.txt"), []byte("synthetic"), 0o644)
			return err == nil, err
		},
		// Synthetic normalize: content/gamma.md shows the rebuild number
		// and the marker.
		Rebuild: func(ctx context.Context) error {
			marker, err := os.ReadFile(filepath.Join(dir, "marker.txt"))
			if err != nil {
				return err
			}
			text := fmt.Sprintf("+++\ntitle = \"Gamma\"\nurl = \"/gamma/\"\n+++\nRebuild %d. %s.\n", rebuilds.Add(1), marker)
			return os.WriteFile(filepath.Join(dir, "content", "gamma.md"), []byte(text), 0o644)
		},
	})
	ev := events(t, p.url)
	shows := func(s string) func(string) bool {
		return func(string) bool { return strings.Contains(mustGet(t, p.url+"gamma/"), s) }
	}
	if !shows("Rebuild 2.")("") {
		until(t, ev, shows("Rebuild 2."))
	}
	mustWrite(t, filepath.Join(dir, "marker.txt"), "Synthetic marker 2")
	until(t, ev, shows("Synthetic marker 2."))
	if page := mustGet(t, p.url+"gamma/"); !strings.Contains(page, "Rebuild 3. Synthetic marker 2.") {
		t.Errorf("the change after the poll showed in another rebuild than the third: a sync rebuilt twice?\n%s", page)
	}
	if err := p.stop(t); err != nil {
		t.Errorf("Serve returned %v after cancel", err)
	}
}
