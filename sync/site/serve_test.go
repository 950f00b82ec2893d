package site

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/reloadtest"
)

// preview is a Serve running in the background for a test.
type preview struct {
	url    string
	addr   string
	cancel context.CancelFunc
	done   chan error
}

// mustServe starts Serve on an ephemeral port and waits until it serves.
func mustServe(tb testing.TB, opts ServeOptions) *preview {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	opts.Listener = ln
	if opts.Debounce == 0 {
		opts.Debounce = 20 * time.Millisecond
	}
	ready := make(chan string, 1)
	opts.Ready = func(url string) { ready <- url }
	ctx, cancel := context.WithCancel(context.Background())
	p := &preview{addr: ln.Addr().String(), cancel: cancel, done: make(chan error, 1)}
	go func() { p.done <- Serve(ctx, opts) }()
	select {
	case p.url = <-ready:
	case err := <-p.done:
		cancel()
		tb.Fatalf("Serve ended before serving: %v", err)
	}
	tb.Cleanup(func() { p.stop(tb) })
	return p
}

// stop cancels Serve and returns its error once it has returned.
func (p *preview) stop(tb testing.TB) error {
	tb.Helper()
	p.cancel()
	err, ok := <-p.done
	if ok {
		close(p.done)
	}
	return err
}

// until reads reload events until ok holds for one, and returns it; the
// test's own deadline bounds the wait.
func until(tb testing.TB, ev <-chan string, ok func(event string) bool) string {
	tb.Helper()
	for e := range ev {
		tb.Logf("reload stream: %.120s", e)
		if ok(e) {
			return e
		}
	}
	tb.Fatal("the reload stream ended")
	return ""
}

func TestServeReloadsAfterAnEdit(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	p := mustServe(t, ServeOptions{Options: Options{Dir: dir}})

	page := mustGet(t, p.url+"alpha/")
	if !strings.Contains(page, "Synthetic page alpha") || !strings.Contains(page, ReloadPath) {
		t.Fatalf("served page lacks its text or the reload script:\n%s", page)
	}
	if onDisk := mustRead(t, filepath.Join(dir, "public", "alpha", "index.html")); strings.Contains(onDisk, ReloadPath) {
		t.Error("the reload script leaked into the built files")
	}
	if css := mustGet(t, p.url+"style.css"); strings.Contains(css, ReloadPath) {
		t.Error("the reload script was added to a non-HTML file")
	}

	ev := events(t, p.url)
	mustWrite(t, filepath.Join(dir, "layouts", "single.html"),
		`{{ define "main" }}<article class="edited">{{ .Content }}</article>{{ end }}`)
	// The editor's write may arrive as several events and builds; wait
	// for the reload after which the new page is served.
	until(t, ev, func(e string) bool {
		return strings.HasPrefix(e, "reload ") && strings.Contains(mustGet(t, p.url+"alpha/"), `<article class="edited">`)
	})

	// A broken template: the stream reports it, the last good site stays.
	mustWrite(t, filepath.Join(dir, "layouts", "single.html"), `{{ define "main" }}{{ if }}{{ end }}`)
	failed := until(t, ev, func(e string) bool { return strings.HasPrefix(e, "failed ") })
	if !strings.Contains(failed, "single.html") {
		t.Errorf("the failure does not name the template: %s", failed)
	}
	if page := mustGet(t, p.url+"alpha/"); !strings.Contains(page, `<article class="edited">`) {
		t.Errorf("the last good page is gone:\n%s", page)
	}

	if err := p.stop(t); err != nil {
		t.Errorf("Serve returned %v after cancel", err)
	}
	if conn, err := net.Dial("tcp", p.addr); err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections after Serve returned", p.addr)
	}
	if _, ok := <-ev; ok {
		t.Error("the reload stream is still open after Serve returned")
	}
}

func TestServePollsTheWiki(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	var synced atomic.Int32 // how many polls reported changes
	var polls atomic.Int32
	p := mustServe(t, ServeOptions{
		Options:  Options{Dir: dir},
		PollWiki: time.Millisecond,
		// Synthetic wiki: the second poll finds a new revision.
		Sync: func(ctx context.Context) (bool, error) {
			switch polls.Add(1) {
			case 1:
				return false, errors.New("synthetic network failure")
			case 2:
				synced.Add(1)
				return true, nil
			}
			return false, nil
		},
		// Synthetic normalize: content/gamma.md says how many syncs it saw.
		Rebuild: func(ctx context.Context) error {
			text := fmt.Sprintf("+++\ntitle = \"Gamma\"\nurl = \"/gamma/\"\n+++\nSynthetic sync count %d.\n", synced.Load())
			return os.WriteFile(filepath.Join(dir, "content", "gamma.md"), []byte(text), 0o644)
		},
	})
	ev := events(t, p.url)
	if page := mustGet(t, p.url+"gamma/"); !strings.Contains(page, "Synthetic sync count 0.") &&
		!strings.Contains(page, "Synthetic sync count 1.") {
		t.Fatalf("the first build did not run Rebuild:\n%s", page)
	}
	// The poll may have found the change before the subscription; else
	// wait for the reload after which the page shows it.
	shows := func(string) bool { return strings.Contains(mustGet(t, p.url+"gamma/"), "Synthetic sync count 1.") }
	if !shows("") {
		until(t, ev, shows)
	}
	if err := p.stop(t); err != nil {
		t.Errorf("Serve returned %v after cancel", err)
	}
	if n := polls.Load(); n < 2 {
		t.Errorf("Sync called %d times, want at least 2", n)
	}
}

func TestServeFailsWhenTheFirstBuildFails(t *testing.T) {
	dir := mustProject(t, "tiny", map[string]string{"layouts/single.html": `{{ define "main" }}{{ if }}{{ end }}`})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	err = Serve(context.Background(), ServeOptions{Options: Options{Dir: dir}, Listener: ln})
	if err == nil || !strings.Contains(err.Error(), "single.html") {
		t.Fatalf("Serve = %v, want the build error naming single.html", err)
	}
	if conn, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("the listener stayed open after the failed start")
	}
}

func TestInjectReload(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"before body end", "<html><body><p>x</p></body></html>", "<html><body><p>x</p>" + reloadScript + "</body></html>"},
		{"last body tag", "<body>&lt;/body&gt; </BODY>", "<body>&lt;/body&gt; " + reloadScript + "</BODY>"},
		{"no body", "<p>x</p>", "<p>x</p>" + reloadScript},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(injectReload([]byte(tc.in))); got != tc.want {
				t.Errorf("injectReload(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
			}
		})
	}
}

// events subscribes to the preview's reload stream.
func events(tb testing.TB, siteURL string) <-chan string {
	tb.Helper()
	return reloadtest.Subscribe(tb, strings.TrimSuffix(siteURL, "/")+ReloadPath)
}

func mustGet(tb testing.TB, url string) string {
	tb.Helper()
	return reloadtest.MustGet(tb, url)
}
