// Package faultproxy is an HTTP reverse proxy for tests that sits between a
// client and a real wiki and injects scripted faults: error statuses with
// Retry-After, MediaWiki maxlag errors, connection resets, truncated bodies,
// requests that hang, bodies of any size and HTML pages.
//
// It holds no MediaWiki of its own (internal/mwtest starts one) and never
// invents successful answers: a request without a fault goes to the target.
package faultproxy

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
)

// Proxy forwards requests to a target URL, replacing scripted ones with
// faults. It is safe for concurrent use.
type Proxy struct {
	url     string
	srv     *http.Server
	forward *httputil.ReverseProxy
	tr      *http.Transport
	done    chan struct{} // closed by Close; releases hanging requests
	wg      sync.WaitGroup

	mu         sync.Mutex
	closed     bool
	requests   int
	retryAfter int
	hugeSize   int64
	rules      []*rule
}

// rule hands out faults, in order, to the requests that match it.
type rule struct {
	match  func(*http.Request) bool // nil matches every request
	faults []Fault
}

// New starts a proxy for target (a base URL such as http://127.0.0.1:8080)
// on a free loopback port. It panics when target is not a URL or no port
// is free: both are bugs in the test, not conditions to handle.
func New(target string) *Proxy {
	u, err := url.Parse(target)
	if err != nil || u.Scheme == "" || u.Host == "" {
		panic(fmt.Sprintf("faultproxy: target %q is not a base URL: %v", target, err))
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("faultproxy: listen on a loopback port: %v", err))
	}
	p := &Proxy{
		url:        "http://" + l.Addr().String(),
		tr:         &http.Transport{Proxy: nil},
		done:       make(chan struct{}),
		retryAfter: 1,
		hugeSize:   DefaultHugeSize,
	}
	p.forward = &httputil.ReverseProxy{
		Rewrite:   func(r *httputil.ProxyRequest) { r.SetURL(u) },
		Transport: p.tr,
	}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve)}
	go p.srv.Serve(l) //nolint:errcheck // Serve returns ErrServerClosed on Close.
	return p
}

// URL returns the proxy's base URL; a client uses URL()+"/api.php".
func (p *Proxy) URL() string { return p.url }

// Script makes the next len(faults) requests get these faults, in order;
// later requests pass through. Scripts queue up behind earlier ones.
func (p *Proxy) Script(faults ...Fault) { p.ScriptMatch(nil, faults...) }

// ScriptMatch is Script for the requests match accepts only; the others
// are untouched by this script. A nil match accepts every request.
func (p *Proxy) ScriptMatch(match func(*http.Request) bool, faults ...Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = append(p.rules, &rule{match: match, faults: faults})
}

// SetRetryAfter sets the Retry-After seconds sent with Status503,
// Status429 and Maxlag (1 unless set; 0 lets retrying clients go fast).
func (p *Proxy) SetRetryAfter(seconds int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.retryAfter = seconds
}

// SetHugeSize sets the body size, in bytes, that Huge sends.
func (p *Proxy) SetHugeSize(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hugeSize = n
}

// Requests returns how many requests the proxy has seen, faulted or not.
func (p *Proxy) Requests() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.requests
}

// Pending returns how many scripted faults have not been used yet, so a
// test can check that its script was consumed.
func (p *Proxy) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, r := range p.rules {
		n += len(r.faults)
	}
	return n
}

// Close releases hanging requests, stops the proxy and waits for its
// handlers to return.
func (p *Proxy) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	close(p.done)
	p.srv.Close()
	p.wg.Wait()
	p.tr.CloseIdleConnections()
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	f, retryAfter, ok := p.next(r)
	if !ok {
		p.reset(w) // closing: answer nothing rather than an empty 200
		return
	}
	defer p.wg.Done()
	if f == None {
		p.forward.ServeHTTP(w, r)
		return
	}
	p.inject(f, retryAfter, w, r)
}

// next counts the request and takes its fault from the first rule that
// matches and still has faults left. Unless the proxy is closing, it adds
// the request to p.wg (under p.mu, so Close never waits on a moving count).
func (p *Proxy) next(r *http.Request) (f Fault, retryAfter int, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return None, 0, false
	}
	p.wg.Add(1)
	p.requests++
	for i, rl := range p.rules {
		if rl.match != nil && !rl.match(r) {
			continue
		}
		f := rl.faults[0]
		rl.faults = rl.faults[1:]
		if len(rl.faults) == 0 {
			p.rules = append(p.rules[:i], p.rules[i+1:]...)
		}
		return f, p.retryAfter, true
	}
	return None, p.retryAfter, true
}
