package faultproxy

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// body is what the target answers; long enough that half of it is visible.
const body = `{"batchcomplete":true,"query":{"pages":[{"title":"Synthetic target page"}]}}`

// mustTarget starts a plain HTTP target that counts the requests it gets.
func mustTarget(tb testing.TB) (*httptest.Server, *atomic.Int64) {
	tb.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Echo-Action", r.Form.Get("action"))
		io.WriteString(w, body)
	}))
	tb.Cleanup(srv.Close)
	return srv, &hits
}

func mustProxy(tb testing.TB) (*Proxy, *atomic.Int64) {
	tb.Helper()
	target, hits := mustTarget(tb)
	p := New(target.URL)
	tb.Cleanup(p.Close)
	return p, hits
}

// get sends one request on a fresh connection, so the transport never
// retries a request behind the test's back, and reads the whole body.
func get(ctx context.Context, u string) (*http.Response, []byte, error, error) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err, nil
	}
	defer resp.Body.Close()
	b, readErr := io.ReadAll(resp.Body)
	return resp, b, nil, readErr
}

func TestFaults(t *testing.T) {
	tests := []struct {
		fault    Fault
		status   int    // 0: no response expected
		reqErr   error  // error of the request itself
		readErr  error  // error reading the body
		header   string // header that must be "1"
		inBody   string
		reachesT bool // the target sees the request
	}{
		{fault: None, status: 200, inBody: body, reachesT: true},
		{fault: Status503, status: 503, header: "Retry-After"},
		{fault: Status429, status: 429, header: "Retry-After"},
		{fault: Status500, status: 500, inBody: "Status500"},
		{fault: Maxlag, status: 200, header: "X-Database-Lag", inBody: `"code":"maxlag"`},
		{fault: Reset, reqErr: syscall.ECONNRESET},
		{fault: Truncate, status: 200, readErr: io.ErrUnexpectedEOF, inBody: body[:len(body)/2], reachesT: true},
		{fault: HTMLPage, status: 200, inBody: "<title>Synthetic wiki - Main Page</title>"},
	}
	for _, tt := range tests {
		t.Run(tt.fault.String(), func(t *testing.T) {
			p, hits := mustProxy(t)
			p.Script(tt.fault)
			resp, b, err, readErr := get(context.Background(), p.URL()+"/api.php?action=query")
			if !errors.Is(err, tt.reqErr) {
				t.Fatalf("request error %v, want %v", err, tt.reqErr)
			}
			if tt.status != 0 && resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if !errors.Is(readErr, tt.readErr) {
				t.Errorf("read error %v, want %v", readErr, tt.readErr)
			}
			if tt.header != "" && resp.Header.Get(tt.header) != "1" {
				t.Errorf("%s = %q, want 1", tt.header, resp.Header.Get(tt.header))
			}
			if !strings.Contains(string(b), tt.inBody) {
				t.Errorf("body %q lacks %q", b, tt.inBody)
			}
			if got := hits.Load() == 1; got != tt.reachesT {
				t.Errorf("target saw %d requests, want reached=%v", hits.Load(), tt.reachesT)
			}
			if p.Requests() != 1 || p.Pending() != 0 {
				t.Errorf("proxy saw %d requests with %d faults pending, want 1 and 0", p.Requests(), p.Pending())
			}
		})
	}
}

// TestHugeBody: Huge sends exactly the size set, undeclared, starting as a
// MediaWiki reply, and never reaches the target.
func TestHugeBody(t *testing.T) {
	p, hits := mustProxy(t)
	const size = 3<<20 + 17
	p.SetHugeSize(size)
	p.Script(Huge)
	resp, b, err, readErr := get(context.Background(), p.URL()+"/api.php")
	if err != nil || readErr != nil {
		t.Fatal(err, readErr)
	}
	if len(b) != size || resp.ContentLength != -1 || !strings.HasPrefix(string(b), `{"batchcomplete":true,`) {
		t.Errorf("body of %d bytes (Content-Length %d) starting %q; want %d undeclared, starting as JSON", len(b), resp.ContentLength, b[:min(len(b), 30)], size)
	}
	if hits.Load() != 0 {
		t.Errorf("target saw %d requests, want 0", hits.Load())
	}
}

func TestMaxlagBodyIsMediaWikiError(t *testing.T) {
	p, _ := mustProxy(t)
	p.SetRetryAfter(7)
	p.Script(Maxlag)
	resp, b, err, _ := get(context.Background(), p.URL()+"/api.php")
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Error struct {
			Code string `json:"code"`
			Lag  int    `json:"lag"`
		} `json:"error"`
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("maxlag body %q: %v", b, err)
	}
	if e.Error.Code != "maxlag" || e.Error.Lag != 7 || resp.Header.Get("Retry-After") != "7" {
		t.Errorf("maxlag answer %+v, Retry-After %q; want code maxlag, lag 7, Retry-After 7", e.Error, resp.Header.Get("Retry-After"))
	}
}

// waitRequests blocks until the proxy has seen n requests.
func waitRequests(p *Proxy, n int) {
	for p.Requests() < n {
		runtime.Gosched()
	}
}

func TestHangUntilClientGivesUp(t *testing.T) {
	p, hits := mustProxy(t)
	p.Script(Hang)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, _, err, _ := get(ctx, p.URL()+"/api.php")
		errc <- err
	}()
	waitRequests(p, 1)
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("hung request ended with %v, want context.Canceled", err)
	}
	if hits.Load() != 0 {
		t.Errorf("target saw %d requests, want 0", hits.Load())
	}
}

func TestHangUntilProxyCloses(t *testing.T) {
	target, _ := mustTarget(t)
	p := New(target.URL)
	p.Script(Hang)
	errc := make(chan error, 1)
	go func() {
		_, _, err, _ := get(context.Background(), p.URL()+"/api.php")
		errc <- err
	}()
	waitRequests(p, 1)
	p.Close()
	if err := <-errc; err == nil {
		t.Error("hung request succeeded after Close, want an error")
	}
}

func TestScriptOrderThenPassThrough(t *testing.T) {
	p, hits := mustProxy(t)
	p.SetRetryAfter(0)
	p.Script(Status503, None, Status429)
	var got []int
	for range 4 {
		resp, _, err, _ := get(context.Background(), p.URL()+"/api.php")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, resp.StatusCode)
	}
	want := []int{503, 200, 429, 200}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("statuses %v, want %v", got, want)
		}
	}
	if p.Requests() != 4 || hits.Load() != 2 {
		t.Errorf("proxy saw %d, target %d; want 4 and 2", p.Requests(), hits.Load())
	}
}

func TestScriptMatchPostForm(t *testing.T) {
	p, hits := mustProxy(t)
	p.ScriptMatch(Param("action", "edit"), Status503)
	post := func(action string) *http.Response {
		t.Helper()
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := c.PostForm(p.URL()+"/api.php", url.Values{"action": {action}, "text": {"synthetic"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	// A query passes through untouched, with its form intact at the target.
	if resp := post("query"); resp.StatusCode != 200 || resp.Header.Get("X-Echo-Action") != "query" {
		t.Errorf("query: status %d, target saw action %q", resp.StatusCode, resp.Header.Get("X-Echo-Action"))
	}
	if resp := post("edit"); resp.StatusCode != 503 {
		t.Errorf("first edit: status %d, want 503", resp.StatusCode)
	}
	if resp := post("edit"); resp.StatusCode != 200 || resp.Header.Get("X-Echo-Action") != "edit" {
		t.Errorf("second edit: status %d, target saw action %q", resp.StatusCode, resp.Header.Get("X-Echo-Action"))
	}
	if hits.Load() != 2 {
		t.Errorf("target saw %d requests, want 2", hits.Load())
	}
}

func TestFaultString(t *testing.T) {
	tests := map[Fault]string{None: "None", Hang: "Hang", Status500: "Status500", Huge: "Huge", HTMLPage: "HTMLPage", Fault(42): "Fault(42)"}
	for f, want := range tests {
		if got := f.String(); got != want {
			t.Errorf("Fault(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}
