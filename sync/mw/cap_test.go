package mw

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"cgt.name/pkg/go-mwclient/params"

	"github.com/wikisite/wikisite/internal/faultproxy"
)

// mustProxied is a client that reaches a stub target through a fault
// proxy; the faults tested here are answered by the proxy alone.
func mustProxied(tb testing.TB, maxReply int64) (*Client, *faultproxy.Proxy) {
	tb.Helper()
	target := httptest.NewServer(http.HandlerFunc(ok))
	tb.Cleanup(target.Close)
	p := faultproxy.New(target.URL)
	tb.Cleanup(p.Close)
	c, err := New(Options{API: p.URL() + "/api.php", UserAgent: "wikisite-test (synthetic)",
		MaxRetries: 3, Timeout: 10 * time.Second, Backoff: time.Millisecond, MaxReply: maxReply})
	if err != nil {
		tb.Fatal(err)
	}
	return c, p
}

// TestReplyPastTheCap: a 64 MB reply against a 4 MB cap fails with
// ErrTooLarge after one try, and reading it allocates no more than the
// cap and a small constant. The bound is on every byte the process
// allocated meanwhile (MemStats.TotalAlloc, the proxy's included), which
// no peak of the heap can exceed; reading the reply whole, as before,
// allocated its 64 MB and more.
func TestReplyPastTheCap(t *testing.T) {
	const limit, size, slack = 4_000_000, 64 << 20, 1 << 20
	c, p := mustProxied(t, limit)
	p.SetHugeSize(size)
	p.Script(faultproxy.Huge, faultproxy.Huge)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.query(context.Background(), "test", params.Values{"meta": "siteinfo"}, nil)
	runtime.ReadMemStats(&after)

	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "past the cap of 4.0 MB") {
		t.Fatalf("error %v, want ErrTooLarge naming the cap", err)
	}
	if p.Requests() != 1 || c.Requests() != 1 {
		t.Errorf("proxy saw %d requests (client sent %d), want 1: an oversized reply is not retried", p.Requests(), c.Requests())
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes reading a %d-byte reply under a %d-byte cap", alloc, size, limit)
	if alloc > limit+slack {
		t.Errorf("allocated %d bytes, want at most the cap %d plus %d", alloc, limit, slack)
	}
}

// TestHTMLPageThroughProxy: an HTML page in place of the API's JSON fails
// at once with ErrNotJSON, saying what came back.
func TestHTMLPageThroughProxy(t *testing.T) {
	c, p := mustProxied(t, 0)
	p.Script(faultproxy.HTMLPage, faultproxy.HTMLPage)
	_, err := c.query(context.Background(), "test", params.Values{"meta": "siteinfo"}, nil)
	if !errors.Is(err, ErrNotJSON) || !strings.Contains(err.Error(), `HTML page titled "Synthetic wiki - Main Page", not JSON`) {
		t.Fatalf("error %v, want ErrNotJSON naming the HTML page", err)
	}
	if p.Requests() != 1 {
		t.Errorf("proxy saw %d requests, want 1: an HTML page is not retried", p.Requests())
	}
}
