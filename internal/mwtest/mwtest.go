// Package mwtest starts a real MediaWiki 1.39 for tests: a fresh SQLite
// wiki served by `php -S` on a loopback port, with helpers to import XML
// dumps, edit, move, delete and hide revisions, and to count the requests
// the server answered.
//
// It holds test plumbing only. It is not the product's API client (that is
// sync/mw) and it never mocks MediaWiki: when MediaWiki or php is missing it
// skips the test, or fails it when CI=true.
package mwtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Root is where Debian's mediawiki package installs MediaWiki.
const Root = "/usr/share/mediawiki"

// AdminUser is the sysop account every wiki is installed with.
const AdminUser = "Admin"

// Wiki is a running MediaWiki. Its fields are read-only.
type Wiki struct {
	// API is the action API endpoint, http://127.0.0.1:PORT/api.php.
	API string
	// Index is the index.php endpoint next to API.
	Index string
	// Dir holds LocalSettings.php, the SQLite files and server.log.
	Dir string
	// Password is the password of Admin and of every user the harness
	// creates (Import, Edit), so tests can log in as any of them.
	Password string

	logPath  string
	mu       sync.Mutex
	sessions map[string]*session // logged-in API clients by user name
	users    map[string]bool     // users whose password is Password
}

// Start gives the test a fresh wiki in tb.TempDir(), serves it on a free
// loopback port and registers cleanup that stops the server. It skips the
// test when MediaWiki or php is absent, unless CI=true, where it fails.
//
// The wiki is a copy of a template installed once per MediaWiki version
// and harness settings (see template.go), so it costs a file copy and a
// server start rather than a run of install.php.
func Start(tb testing.TB) *Wiki {
	tb.Helper()
	requireMediaWiki(tb)
	tpl, err := sharedTemplate()
	if err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	w := &Wiki{
		Dir:      tb.TempDir(),
		Password: tpl.password,
		sessions: map[string]*session{},
		users:    map[string]bool{AdminUser: true},
	}
	w.logPath = filepath.Join(w.Dir, "server.log")
	if err := tpl.copyTo(w.Dir); err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	stop, err := w.serve()
	if err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	tb.Cleanup(stop)
	return w
}

// requireMediaWiki skips (or fails, under CI=true) when the wiki cannot run.
func requireMediaWiki(tb testing.TB) {
	tb.Helper()
	requireAt(tb, Root, os.Getenv("CI") == "true")
}

func requireAt(tb testing.TB, root string, ci bool) {
	tb.Helper()
	why := missing(root)
	if why == "" {
		return
	}
	msg := "mwtest: " + why + "; install MediaWiki 1.39 with: apt-get install mediawiki php-cli php-sqlite3"
	if ci {
		tb.Fatal(msg + " (CI=true: not skipping)")
	}
	tb.Skip(msg)
}

// missing says why MediaWiki at root cannot run here, or returns "".
func missing(root string) string {
	if _, err := exec.LookPath("php"); err != nil {
		return "php not in PATH"
	}
	if _, err := os.Stat(filepath.Join(root, "maintenance", "install.php")); err != nil {
		return "no MediaWiki at " + root
	}
	if out, err := exec.Command("php", "-m").Output(); err != nil || !containsLine(string(out), "pdo_sqlite") {
		return "php lacks pdo_sqlite"
	}
	return ""
}

// serve starts php -S on a free port, waits until api.php answers and
// returns the function that stops it. Another process may grab the port
// between our probe and php's bind; a fresh port on retry makes that race
// harmless.
func (w *Wiki) serve() (stop func(), err error) {
	for range 3 {
		if stop, err = w.serveOnce(); err == nil {
			return stop, nil
		}
	}
	return nil, fmt.Errorf("start php server for %s: %w", w.Dir, err)
}

func (w *Wiki) serveOnce() (stop func(), err error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	if err := writeServerSettings(w.Dir, base); err != nil {
		return nil, err
	}
	logf, err := os.OpenFile(w.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open server log: %w", err)
	}
	defer logf.Close()
	cmd := php("-S", "127.0.0.1:"+strconv.Itoa(port), "-t", Root, filepath.Join(w.Dir, "router.php"))
	cmd.Env = append(os.Environ(), "MW_CONFIG_FILE="+w.configFile())
	cmd.Stdout, cmd.Stderr = logf, logf
	// A process group of its own lets stop kill php and anything it forks.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("run php -S: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop = sync.OnceFunc(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
	})
	w.API, w.Index = base+"/api.php", base+"/index.php"
	if err := waitReady(w.API, exited); err != nil {
		stop()
		return nil, fmt.Errorf("%w (log: %s)", err, w.logPath)
	}
	return stop, nil
}

// configFile is the LocalSettings.php every php process of this wiki reads.
func (w *Wiki) configFile() string { return filepath.Join(w.Dir, "LocalSettings.php") }

// waitReady polls api.php until it answers 200 or php exits.
func waitReady(api string, exited <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	url := api + "?action=query&meta=siteinfo&format=json"
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-exited:
			return fmt.Errorf("php -S exited before %s answered: %v", api, err)
		case <-ctx.Done():
			return fmt.Errorf("%s did not answer: %w", api, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find free port: %w", err)
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("find free port: not a TCP address")
	}
	return addr.Port, nil
}

func randomPassword() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random password: %w", err)
	}
	return "T-" + hex.EncodeToString(b), nil
}
