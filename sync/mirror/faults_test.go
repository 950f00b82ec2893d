package mirror

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/faultproxy"
	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// mustComplete checks that a sync of the fixture is whole: the page and
// both templates match the wiki, with no duplicate revisions.
func mustComplete(tb testing.TB, s *archive.Store, w *mwtest.Wiki) {
	tb.Helper()
	for _, title := range []string{personas, "Template:Admon/note", "Template:Admon/warning"} {
		p := mustMatchWiki(tb, s, w, title)
		seen := map[int64]bool{}
		for _, r := range p.Revisions {
			if seen[r.ID] {
				tb.Errorf("page %q: revision %d archived twice", title, r.ID)
			}
			seen[r.ID] = true
		}
	}
}

func TestWikiFaults(t *testing.T) {
	w := mustWiki(t)
	proxy := faultproxy.New(strings.TrimSuffix(w.API, "/api.php"))
	t.Cleanup(proxy.Close)
	api := proxy.URL() + "/api.php"
	tests := []struct {
		name    string
		faults  []faultproxy.Fault
		wantErr string // empty: the retries end in success
	}{
		{"503 with Retry-After", []faultproxy.Fault{faultproxy.Status503}, ""},
		{"429 with Retry-After", []faultproxy.Fault{faultproxy.Status429}, ""},
		{"maxlag", []faultproxy.Fault{faultproxy.Maxlag}, ""},
		{"connection reset", []faultproxy.Fault{faultproxy.Reset}, ""},
		{"truncated body", []faultproxy.Fault{faultproxy.Truncate}, ""},
		{"hang", []faultproxy.Fault{faultproxy.Hang}, ""},
		{"500", []faultproxy.Fault{faultproxy.Status500}, ""},
		// Fault the second request (the page's revisions) past the retries.
		{"persistent 503", []faultproxy.Fault{faultproxy.None, faultproxy.Status503, faultproxy.Status503,
			faultproxy.Status503, faultproxy.Status503}, "gave up after 4 tries: HTTP 503"},
		// Not resets: net/http itself retries a GET whose reused
		// connection was reset, so their count per try is not fixed.
		{"persistent truncation", []faultproxy.Fault{faultproxy.None, faultproxy.Truncate, faultproxy.Truncate,
			faultproxy.Truncate, faultproxy.Truncate}, "gave up after 4 tries"},
		// Neither is retried: one fault each ends the sync, and the
		// archive keeps what came before.
		{"HTML page", []faultproxy.Fault{faultproxy.None, faultproxy.HTMLPage}, `gave up after 1 tries: HTML page titled "Synthetic wiki - Main Page", not JSON`},
		{"reply past the cap", []faultproxy.Fault{faultproxy.None, faultproxy.Huge}, "gave up after 1 tries: reply too large: the wiki sent more than 32.0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustStore(t)
			c := mustClient(t, api, 2*time.Second)
			proxy.Script(tt.faults...)
			_, err := Sync(context.Background(), c, s, Options{Pages: fixturePages})
			if proxy.Pending() != 0 {
				t.Fatalf("%d scripted faults unused", proxy.Pending())
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("sync through %v: %v", tt.faults, err)
				}
				mustComplete(t, s, w)
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "/api.php?") {
				t.Fatalf("error %v, want one naming the URL and %q", err, tt.wantErr)
			}
			if _, err := s.Titles(); err != nil {
				t.Fatalf("archive unreadable after the failure: %v", err)
			}
			if _, err := Sync(context.Background(), c, s, Options{Pages: fixturePages}); err != nil {
				t.Fatalf("the next sync: %v", err)
			}
			mustComplete(t, s, w)
		})
	}
}

// The kill test re-executes the test binary as the sync process, so that
// it can be killed with SIGKILL mid-write.
const (
	childEnv   = "WIKISITE_MIRROR_CHILD_SYNC"
	childStore = "WIKISITE_MIRROR_CHILD_ARCHIVE"
)

func TestMain(m *testing.M) {
	if api := os.Getenv(childEnv); api != "" {
		os.Exit(childSync(api, os.Getenv(childStore)))
	}
	os.Exit(m.Run())
}

// childSync syncs one revision per transaction, to widen the window in
// which the kill lands inside a commit.
func childSync(api, dir string) int {
	c, err := mw.New(mw.Options{API: api, UserAgent: "wikisite-test/0 (kill test child)"})
	if err == nil {
		var s *archive.Store
		if s, err = archive.Open(dir); err == nil {
			_, err = Sync(context.Background(), c, s, Options{Pages: fixturePages, batch: 1})
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func TestWikiKilledSyncResumes(t *testing.T) {
	w := mustWiki(t)
	s := mustStore(t)
	run := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+w.API, childStore+"="+s.Dir())
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// Kill at random moments; the delays only sample the run, nothing is
	// asserted about time.
	killed := 0
	var seen []int
	for range 6 {
		cmd := run()
		time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		if _, err := s.Titles(); err != nil {
			t.Fatalf("archive invalid after kill -9: %v", err)
		}
		n := 0
		if p, err := s.Page(personas); err == nil {
			n = len(p.Revisions)
		}
		seen = append(seen, n)
	}
	t.Logf("killed %d of 6 runs; %s revisions archived after each", killed, fmt.Sprint(seen))
	if err := run().Wait(); err != nil {
		t.Fatalf("final sync: %v", err)
	}
	mustComplete(t, s, w)
	if o, err := s.Orphans(); err != nil || len(o) != 0 {
		t.Errorf("after the final sync the archive holds unlisted texts %q (%v)", o, err)
	}
}
