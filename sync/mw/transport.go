package mw

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Bounds on waiting, so a wiki that asks for an hour's pause or a long run
// of failures cannot stall a sync without saying so.
const (
	maxBackoff    = 30 * time.Second
	maxRetryAfter = 60 * time.Second
	maxlagWait    = 5 * time.Second // when a maxlag reply names no Retry-After
)

// MaxSilent is how many tries in a row may time out with nothing at all
// received before a request is given up: a wiki that answers slowly sends
// headers, one that hangs sends nothing, and waiting five times for it
// held the archive's lock for minutes.
const MaxSilent = 2

// retrier is the http.RoundTripper handed to go-mwclient, which retries
// nothing itself. It reads every body whole so a truncated reply is caught
// here, where it can be retried, rather than as a JSON error upstream.
type retrier struct {
	base       http.RoundTripper
	log        *slog.Logger
	maxRetries int
	timeout    time.Duration
	backoff    time.Duration
	maxReply   int64
	requests   atomic.Int64
	bytes      atomic.Int64

	// Per call, guarded by Client.mu: the caller's context (go-mwclient
	// builds requests without one), the caller's decoder and the error the
	// last try ended with.
	ctx    context.Context
	decode decodeFunc
	raw    bool // the call fetches a file (beginRaw)
	err    error
}

// decodeFunc decodes a complete reply body for the caller, returning the
// API error code it holds ("" for none), or an error when the body is not
// complete JSON. The retrier calls it once per try, so the caller's decode
// is the only one: a reply is never parsed twice.
type decodeFunc func(body []byte) (apiCode string, err error)

func newRetrier(opts Options, log *slog.Logger) *retrier {
	r := &retrier{base: http.DefaultTransport, log: log, maxRetries: opts.MaxRetries,
		timeout: opts.Timeout, backoff: opts.Backoff, maxReply: opts.MaxReply, ctx: context.Background()}
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		r.base = opts.HTTPClient.Transport
	}
	if r.maxRetries == 0 {
		r.maxRetries = DefaultMaxRetries
	}
	if r.maxRetries < 0 {
		r.maxRetries = 0
	}
	if r.timeout <= 0 {
		r.timeout = DefaultTimeout
	}
	if r.backoff <= 0 {
		r.backoff = DefaultBackoff
	}
	if r.maxReply <= 0 {
		r.maxReply = DefaultMaxReply
	}
	return r
}

func (r *retrier) begin(ctx context.Context, decode decodeFunc) {
	r.ctx, r.decode, r.err = ctx, decode, nil
}

// beginRaw starts a call whose reply is a file, not JSON: any complete
// body with status 200 is the reply (Client.Download).
func (r *retrier) beginRaw(ctx context.Context) {
	r.begin(ctx, nil)
	r.raw = true
}

func (r *retrier) end() error {
	err := r.err
	r.ctx, r.decode, r.err, r.raw = context.Background(), nil, nil, false
	return err
}

// tryError is why one try failed, and whether and when to try again.
type tryError struct {
	err   error
	retry bool
	wait  time.Duration // 0: use the backoff
	// silent means the try timed out before any reply arrived.
	silent bool
}

func (e *tryError) Error() string { return e.err.Error() }

// RoundTrip sends req until it succeeds, fails for good, or runs out of
// retries; the error names the URL, the tries and the last failure.
func (r *retrier) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := r.ctx
	start := time.Now()
	silent := 0
	for attempt := 0; ; attempt++ {
		resp, terr := r.try(ctx, req)
		if terr == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			r.err = fmt.Errorf("%s %s: %w", req.Method, req.URL.Redacted(), ctx.Err())
			return nil, r.err
		}
		if terr.silent {
			silent++
		} else {
			silent = 0
		}
		if silent >= MaxSilent {
			r.err = fmt.Errorf("%s %s: gave up after %d tries: the wiki sent nothing at all within %s, %d times in a row (waited %s in all)",
				req.Method, req.URL.Redacted(), attempt+1, r.timeout, silent, waited(start))
			return nil, r.err
		}
		if !terr.retry || attempt >= r.maxRetries {
			r.err = fmt.Errorf("%s %s: gave up after %d tries: %w (waited %s in all)", req.Method, req.URL.Redacted(), attempt+1, terr.err, waited(start))
			return nil, r.err
		}
		wait := terr.wait
		if wait == 0 {
			wait = r.backoffFor(attempt)
		}
		r.log.Warn("wiki request failed; retrying", "url", req.URL.Redacted(), "try", attempt+1, "wait", wait, "error", terr.err)
		if err := sleep(ctx, wait); err != nil {
			r.err = fmt.Errorf("%s %s: %w", req.Method, req.URL.Redacted(), err)
			return nil, r.err
		}
	}
}

// waited is the time since start, rounded for people.
func waited(start time.Time) time.Duration {
	return time.Since(start).Round(100 * time.Millisecond)
}

// MaxWait bounds how long one request can take with these settings before
// it is given up: every try used to its timeout, with the longest backoff
// between tries (a Retry-After may stretch a wait up to a minute). The
// command states it in its help.
func MaxWait(opts Options) time.Duration {
	r := newRetrier(opts, nil)
	return r.worstCase(r.maxRetries + 1)
}

// SilentWait is how long a request to a wiki that sends nothing at all
// takes to be given up: MaxSilent tries, or fewer if retries run out.
func SilentWait(opts Options) time.Duration {
	r := newRetrier(opts, nil)
	return r.worstCase(min(MaxSilent, r.maxRetries+1))
}

// worstCase is tries timeouts with the longest backoff between them.
func (r *retrier) worstCase(tries int) time.Duration {
	total := time.Duration(tries) * r.timeout
	for attempt := range tries - 1 {
		total += min(r.backoff<<min(attempt, 20), maxBackoff)
	}
	return total
}

// backoffFor is capped exponential backoff with jitter: a random wait in
// [d/2, d) where d doubles per attempt, so clients that failed together do
// not come back together.
func (r *retrier) backoffFor(attempt int) time.Duration {
	d := r.backoff << min(attempt, 20)
	if d > maxBackoff || d <= 0 {
		d = maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// try sends req once, with its own timeout, and reads the whole body.
func (r *retrier) try(ctx context.Context, req *http.Request) (*http.Response, *tryError) {
	tctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	out := req.Clone(tctx)
	if req.Body != nil && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, &tryError{err: fmt.Errorf("replay request body: %w", err)}
		}
		out.Body = body
	}
	r.requests.Add(1)
	resp, err := r.base.RoundTrip(out)
	if err != nil {
		silent := errors.Is(tctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
		return nil, &tryError{err: timeoutHint(tctx, r.timeout, err), retry: true, silent: silent}
	}
	body, err := readBody(resp, r.maxReply)
	resp.Body.Close()
	r.bytes.Add(int64(len(body)))
	if errors.Is(err, ErrTooLarge) {
		// Reading it again would cost as much again and end the same way.
		return nil, &tryError{err: err}
	}
	if err != nil {
		return nil, &tryError{err: fmt.Errorf("reading reply (%d bytes in): %w", len(body), timeoutHint(tctx, r.timeout, err)), retry: true}
	}
	if terr := classify(resp, body, r.decode, r.raw); terr != nil {
		return nil, terr
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	return resp, nil
}

func timeoutHint(ctx context.Context, d time.Duration, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete reply within %s (raise --timeout if the wiki is slow): %w", d, err)
	}
	return err
}

// classify decides whether a complete reply is usable or worth retrying.
// decode (nil: only check that the body is JSON) parses the body once for
// the caller, which is also how a maxlag refusal without headers shows.
//
// With raw (a file download) only the status and maxlag headers count.
func classify(resp *http.Response, body []byte, decode decodeFunc, raw bool) *tryError {
	status := fmt.Errorf("HTTP %s", resp.Status)
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		return &tryError{err: status, retry: true, wait: retryAfter(resp.Header, 0)}
	case resp.StatusCode >= 500:
		return &tryError{err: status, retry: true}
	case resp.StatusCode != http.StatusOK:
		return &tryError{err: status}
	case maxlagHeaders(resp.Header):
		return errMaxlag(resp.Header)
	case raw:
		return nil
	}
	if terr := notJSON(resp.Header, body); terr != nil {
		return terr
	}
	if decode == nil {
		decode = validJSON
	}
	code, err := decode(body)
	if err != nil {
		return &tryError{err: fmt.Errorf("reply of %d bytes is not complete JSON (truncated?): %w", len(body), err), retry: true}
	}
	if code == "maxlag" {
		return errMaxlag(resp.Header)
	}
	return nil
}

func errMaxlag(h http.Header) *tryError {
	return &tryError{err: errors.New("the wiki's database is lagged (maxlag)"), retry: true,
		wait: retryAfter(h, maxlagWait)}
}

// maxlagHeaders spots MediaWiki's maxlag refusal from its headers alone:
// an X-Database-Lag header, or MediaWiki-API-Error naming maxlag.
func maxlagHeaders(h http.Header) bool {
	return h.Get("X-Database-Lag") != "" || h.Get("MediaWiki-API-Error") == "maxlag"
}

func validJSON(body []byte) (string, error) {
	if !json.Valid(body) {
		return "", errors.New("invalid JSON")
	}
	return "", nil
}

// retryAfter reads Retry-After (seconds or an HTTP date), capped; def when
// absent or unreadable (0 lets the caller back off instead).
func retryAfter(h http.Header, def time.Duration) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return def
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	} else {
		return def
	}
	if d <= 0 {
		// "Retry now" still deserves a breath, and 0 would mean backoff.
		return 100 * time.Millisecond
	}
	return min(d, maxRetryAfter)
}
