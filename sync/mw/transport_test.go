package mw

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

const okBody = `{"batchcomplete":true,"query":{"pages":[]}}`

// fault is how the test server answers one try.
type fault func(w http.ResponseWriter, r *http.Request)

func ok(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(okBody)) }

func status(code int, retryAfter string) fault {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(code)
		w.Write([]byte("busy"))
	}
}

func maxlagReply(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Retry-After", "0")
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"error":{"code":"maxlag","info":"Waiting for db: 7 seconds lagged."}}`))
}

// maxlagHeader flags maxlag only in MediaWiki's error header, with a body
// that is not JSON, so only the header can tell.
func maxlagHeader(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("MediaWiki-API-Error", "maxlag")
	w.Header().Set("Retry-After", "0")
	w.Write([]byte("lagged"))
}

// cutJSON is a complete HTTP reply whose JSON stops halfway, as a PHP
// process dying mid-output behind a proxy can send.
func cutJSON(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(okBody[:20])) }

func reset(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.(interface{ SetLinger(int) error }).SetLinger(0)
		conn.Close()
	}
}

func truncated(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Length", "1000")
	w.Write([]byte(okBody[:10]))
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

func hang(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// slowBody sends the headers, then nothing until the client gives up: a
// wiki that is slow, not silent.
func slowBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
	<-r.Context().Done()
}

func htmlPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	w.Write([]byte("<!DOCTYPE html><html><head><title>Synthetic\n wiki</title></head><body>not the API</body></html>"))
}

func plainText(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("synthetic: no JSON here")) }

func empty(w http.ResponseWriter, _ *http.Request) {}

// testMaxReply is the cap of mustScripted's client.
const testMaxReply = 1 << 20

// oversized streams more than testMaxReply without a Content-Length;
// oversizedDeclared declares its size up front.
func oversized(w http.ResponseWriter, _ *http.Request) {
	w.Write([]byte(`{"batchcomplete":true,"pad":"`))
	w.(http.Flusher).Flush()
	w.Write([]byte(strings.Repeat("x", 2*testMaxReply)))
}

func oversizedDeclared(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Length", strconv.Itoa(2*testMaxReply))
	w.WriteHeader(http.StatusOK)
}

// mustScripted serves the faults in order, then ok, and counts tries.
func mustScripted(tb testing.TB, faults ...fault) (*Client, *atomic.Int32) {
	tb.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if got := r.Header.Get("User-Agent"); got != "wikisite-test (synthetic)" {
			tb.Errorf("User-Agent %q", got)
		}
		if r.URL.Query().Get("maxlag") != "5" {
			tb.Errorf("request without maxlag=5: %s", r.URL)
		}
		if i < len(faults) {
			faults[i](w, r)
			return
		}
		ok(w, r)
	}))
	tb.Cleanup(srv.Close)
	c, err := New(Options{API: srv.URL + "/api.php", UserAgent: "wikisite-test (synthetic)",
		MaxRetries: 3, Timeout: 300 * time.Millisecond, Backoff: time.Millisecond, MaxReply: testMaxReply})
	if err != nil {
		tb.Fatal(err)
	}
	return c, &n
}

func TestRetrier(t *testing.T) {
	tests := []struct {
		name    string
		faults  []fault
		tries   int32
		wantErr string // empty: success
	}{
		{"ok", nil, 1, ""},
		{"503 with Retry-After", []fault{status(503, "0")}, 2, ""},
		{"429 with Retry-After", []fault{status(429, "0"), status(429, "0")}, 3, ""},
		{"500 backs off", []fault{status(500, "")}, 2, ""},
		{"maxlag", []fault{maxlagReply}, 2, ""},
		{"maxlag in the header", []fault{maxlagHeader}, 2, ""},
		{"complete reply, cut JSON", []fault{cutJSON}, 2, ""},
		{"cut JSON persists", []fault{cutJSON, cutJSON, cutJSON, cutJSON}, 4, "not complete JSON"},
		{"connection reset", []fault{reset}, 2, ""},
		{"truncated body", []fault{truncated}, 2, ""},
		{"hang ends by timeout", []fault{hang}, 2, ""},
		{"404 is final", []fault{status(404, "")}, 1, "gave up after 1 tries: HTTP 404"},
		{"retries run out", []fault{status(503, "0"), status(503, "0"), status(503, "0"), status(503, "0")}, 4, "gave up after 4 tries: HTTP 503"},
		{"maxlag persists", []fault{maxlagReply, maxlagReply, maxlagReply, maxlagReply}, 4, "lagged (maxlag)"},
		{"silence gives up after two tries", []fault{hang, hang, hang, hang}, 2, "the wiki sent nothing at all within 300ms, 2 times in a row (waited "},
		{"silence then a slow body", []fault{hang, slowBody, hang}, 4, ""},
		{"slow body persists", []fault{slowBody, slowBody, slowBody, slowBody}, 4, "no complete reply within 300ms"},
		{"HTML page is final", []fault{htmlPage}, 1, `HTML page titled "Synthetic wiki", not JSON: is the API URL the wiki's api.php?`},
		{"plain text is final", []fault{plainText}, 1, `starting "synthetic: no JSON here"`},
		{"empty reply is final", []fault{empty}, 1, "empty reply"},
		{"oversized reply is final", []fault{oversized}, 1, "the wiki sent more than 1.0 MB, past the cap of 1.0 MB"},
		{"declared oversized reply is final", []fault{oversizedDeclared}, 1, "the wiki sent 2.1 MB (its Content-Length), past the cap"},
		{"waited is stated", []fault{status(404, "")}, 1, "HTTP 404 Not Found (waited "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, n := mustScripted(t, tt.faults...)
			_, err := c.query(context.Background(), "test", params.Values{"meta": "siteinfo"}, nil)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("error %v, want success", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantErr != "" && !strings.Contains(err.Error(), "/api.php?") {
				t.Errorf("error %q does not name the URL", err)
			}
			if got := n.Load(); got != tt.tries {
				t.Errorf("server saw %d tries, want %d", got, tt.tries)
			}
			if got := c.Requests(); got != int(tt.tries) {
				t.Errorf("Requests() = %d, want %d", got, tt.tries)
			}
		})
	}
}

func TestRetrierCancel(t *testing.T) {
	c, _ := mustScripted(t, status(503, "30"))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for c.Requests() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := c.query(ctx, "test", params.Values{"meta": "siteinfo"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		value string
		def   time.Duration
		want  time.Duration
	}{
		{"", 0, 0},
		{"", 5 * time.Second, 5 * time.Second},
		{"3", 0, 3 * time.Second},
		{"0", 0, 100 * time.Millisecond},
		{"86400", 0, maxRetryAfter},
		{"soon", time.Second, time.Second},
		{"Mon, 02 Jan 2006 15:04:05 GMT", 0, 100 * time.Millisecond}, // in the past
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if got := retryAfter(h, tt.def); got != tt.want {
				t.Errorf("retryAfter(%q) = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	r := &retrier{backoff: time.Second}
	for attempt := range 30 {
		d := r.backoffFor(attempt)
		full := min(time.Second<<min(attempt, 20), maxBackoff)
		if d < full/2 || d > full {
			t.Errorf("attempt %d: backoff %v outside [%v, %v]", attempt, d, full/2, full)
		}
	}
}
