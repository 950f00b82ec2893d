package main

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/internal/reloadtest"
	"github.com/wikisite/wikisite/sync/site"
)

// lineWriter is a stdout for an in-process command that runs in another
// goroutine: it keeps the output and sends each complete line on lines.
type lineWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil {
			w.buf.WriteString(line) // incomplete: keep for the next write
			return len(p), nil
		}
		select {
		case w.lines <- strings.TrimSuffix(line, "\n"):
		default:
		}
	}
}

func mustFreePort(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// TestServeShowsAWikiEdit is the editor's loop: `wikisite serve
// --poll-wiki` against a real MediaWiki; an edit on the wiki reaches the
// archive, the content and the served page, and open pages are told to
// reload.
func TestServeShowsAWikiEdit(t *testing.T) {
	w := mwtest.Start(t)
	w.Import(t, "../../testdata/fedora-server-personas.xml")
	tmp := t.TempDir()
	archiveDir := filepath.Join(tmp, "archive")
	if code, out, errOut := mustRun(t, "sync", "--config", repoConfig, "--archive", archiveDir, "--api", w.API); code != exitOK {
		t.Fatalf("sync: exit %d\n%s%s", code, out, errOut)
	}

	port := mustFreePort(t)
	stdout := &lineWriter{lines: make(chan string, 8)}
	var stderr lineWriter
	stderr.lines = make(chan string, 64)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, []string{"serve", "--config", repoConfig, "--archive", archiveDir, "--api", w.API,
			"--port", port, "--poll-wiki", "100ms", "-v",
			"--content", filepath.Join(tmp, "content"), "--destination", filepath.Join(tmp, "public")}, stdout, &stderr)
	}()
	url := mustServing(t, port, stdout, &stderr, exited)

	page := url + "wiki/Server/Personas/"
	if !strings.Contains(reloadtest.MustGet(t, page), "Sandra Summers") {
		t.Fatal("the served wiki page lacks its text")
	}
	reload := reloadtest.Subscribe(t, strings.TrimSuffix(url, "/")+site.ReloadPath)

	revs := w.Revisions(t, "Server/Personas")
	text := w.Content(t, revs[len(revs)-1].ID)
	// No punctuation: the typographer would turn quotes into entities.
	const marker = "Synthetic line added by the serve test"
	w.Edit(t, "Server/Personas", text+"\n\n"+marker+"\n", "synthetic test edit", "")
	for event := range reload {
		t.Logf("reload stream: %.200s", event)
		if strings.HasPrefix(event, "reload") && strings.Contains(reloadtest.MustGet(t, page), marker) {
			break
		}
	}
	if !strings.Contains(reloadtest.MustGet(t, page), marker) {
		t.Fatalf("the reload stream ended before the edit was served; stderr:\n%s", stderr.buf.String())
	}

	cancel()
	if code := <-exited; code != exitOK {
		t.Errorf("serve exited %d after Ctrl-C; stderr:\n%s", code, stderr.buf.String())
	}
	if conn, err := net.Dial("tcp", "127.0.0.1:"+port); err == nil {
		conn.Close()
		t.Error("the port still accepts connections after serve returned")
	}
}

// mustServing waits for serve's "serving URL" line and returns the URL,
// failing if serve exits first.
func mustServing(tb testing.TB, port string, stdout, stderr *lineWriter, exited <-chan int) string {
	tb.Helper()
	select {
	case line := <-stdout.lines:
		m := regexp.MustCompile(`^serving (http://127\.0\.0\.1:` + port + `/) \(Ctrl-C to stop\)$`).FindStringSubmatch(line)
		if m == nil {
			tb.Fatalf("serve printed %q", line)
		}
		return m[1]
	case code := <-exited:
		tb.Fatalf("serve exited %d before serving; stderr:\n%s", code, stderr.buf.String())
	}
	return ""
}
