package faultproxy

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
)

// Fault is what the proxy does to one request instead of forwarding it.
type Fault int

// The faults. Only None and Truncate reach the target: the others are
// answered by the proxy alone, as a load balancer or a dying server would.
const (
	None      Fault = iota // forward the request unchanged
	Status503              // 503 Service Unavailable with Retry-After
	Status429              // 429 Too Many Requests with Retry-After
	Maxlag                 // 200 with a MediaWiki maxlag error, Retry-After and X-Database-Lag
	Reset                  // close the connection with a TCP reset, no response
	Truncate               // forward, then send half the body under the full Content-Length and close
	Hang                   // answer nothing until the client gives up or the proxy closes
	Status500              // 500 Internal Server Error
	Huge                   // 200 with a JSON-looking body of SetHugeSize bytes, chunked, with no declared length
	HTMLPage               // 200 with an HTML page, as a wrong URL or a login portal serves
)

var faultNames = [...]string{"None", "Status503", "Status429", "Maxlag", "Reset", "Truncate", "Hang", "Status500", "Huge", "HTMLPage"}

// DefaultHugeSize is the body size of Huge unless SetHugeSize changes it.
const DefaultHugeSize = 64 << 20

// htmlPage is what a web server shows at a URL that is not api.php.
const htmlPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Synthetic wiki - Main Page</title></head>
<body><h1>Main Page</h1><p>Injected by faultproxy: a page, not the API.</p></body></html>
`

// String returns the fault's Go name.
func (f Fault) String() string {
	if f >= 0 && int(f) < len(faultNames) {
		return faultNames[f]
	}
	return "Fault(" + strconv.Itoa(int(f)) + ")"
}

// maxlagBody is MediaWiki's answer when the replicas lag behind maxlag.
const maxlagBody = `{"error":{"code":"maxlag","info":"Waiting for 127.0.0.1: %d seconds lagged.","host":"127.0.0.1","lag":%d,"type":"db","*":"Injected by faultproxy."},"servedby":"faultproxy"}`

func (p *Proxy) inject(f Fault, retryAfter int, w http.ResponseWriter, r *http.Request) {
	ra := strconv.Itoa(retryAfter)
	switch f {
	case Status503, Status429, Status500:
		if f != Status500 {
			w.Header().Set("Retry-After", ra)
		}
		code := map[Fault]int{Status503: 503, Status429: 429, Status500: 500}[f]
		http.Error(w, "faultproxy: injected "+f.String(), code)
	case Maxlag:
		h := w.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Retry-After", ra)
		h.Set("X-Database-Lag", ra)
		h.Set("MediaWiki-API-Error", "maxlag")
		fmt.Fprintf(w, maxlagBody, retryAfter, retryAfter)
	case Reset:
		p.reset(w)
	case Truncate:
		p.truncate(w, r)
	case Huge:
		p.huge(w)
	case HTMLPage:
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		io.WriteString(w, htmlPage)
	case Hang:
		select {
		case <-r.Context().Done():
		case <-p.done:
			// Returning would send an empty 200; a closing server sends nothing.
			p.reset(w)
		}
	default:
		http.Error(w, "faultproxy: unknown "+f.String(), http.StatusInternalServerError)
	}
}

// huge streams a body of p.hugeSize bytes that starts as a MediaWiki reply
// and never ends one, from one small buffer, so the proxy itself stays
// small however big the body; a client that stops reading ends it early.
func (p *Proxy) huge(w http.ResponseWriter) {
	p.mu.Lock()
	size := p.hugeSize
	p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	head := `{"batchcomplete":true,"query":{"pages":[{"title":"Synthetic huge page","revisions":[{"content":"`
	n, err := io.WriteString(w, head)
	if err != nil {
		return
	}
	pad := bytes.Repeat([]byte("synthetic padding "), 3641) // 64 KB
	for left := size - int64(n); left > 0; left -= int64(len(pad)) {
		if _, err := w.Write(pad[:min(int64(len(pad)), left)]); err != nil {
			return
		}
	}
}

// reset closes the client's connection with SO_LINGER 0, so the client
// sees "connection reset by peer" rather than a clean EOF.
func (p *Proxy) reset(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "faultproxy: hijack: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	conn.Close()
}

// truncate forwards the request, then writes the status line, headers and
// the full Content-Length but only half of the body, and closes.
func (p *Proxy) truncate(w http.ResponseWriter, r *http.Request) {
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	p.forward.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "faultproxy: hijack: "+err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	var head bytes.Buffer
	fmt.Fprintf(&head, "HTTP/1.1 %d %s\r\n", rec.code, http.StatusText(rec.code))
	h := rec.header.Clone()
	h.Del("Transfer-Encoding")
	// Claim at least one byte so even an empty body comes out short.
	h.Set("Content-Length", strconv.Itoa(max(len(body), 1)))
	h.Set("Connection", "close")
	_ = h.Write(&head)
	head.WriteString("\r\n")
	_, _ = io.Copy(buf, io.MultiReader(&head, bytes.NewReader(body[:len(body)/2])))
	_ = buf.Flush()
}

// recorder buffers the target's response for truncate.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }
