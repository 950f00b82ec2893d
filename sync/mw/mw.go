// Package mw is wikisite's client for the MediaWiki action API, a small
// surface over cgt.name/pkg/go-mwclient shaped by what the sync needs: the
// latest revision of many pages in one request, every revision of one page
// after a known id, and the templates pages transclude.
//
// Every request goes through go-mwclient with maxlag on and through a
// retrying http.RoundTripper (see transport.go) that honours Retry-After,
// backs off on server and network errors and ends hanging requests, giving
// up after MaxSilent tries that receive nothing at all. Replies are read up
// to Options.MaxReply; one past it (ErrTooLarge) or one that is no JSON,
// such as an HTML page (ErrNotJSON), fails at once, since a retry would get
// the same (see reply.go). Requests are serial. The package knows nothing of the archive or of the site.
package mw

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	mwclient "cgt.name/pkg/go-mwclient"
	"cgt.name/pkg/go-mwclient/params"
)

// Defaults for Options left zero.
const (
	DefaultMaxRetries = 4
	DefaultTimeout    = 30 * time.Second
	DefaultBackoff    = time.Second
	// maxlag is the replication lag, in seconds, past which the wiki should
	// turn us away rather than add load (the Wikimedia convention).
	maxlag = "5"
)

// ErrMissing means the wiki has no page of that title.
var ErrMissing = errors.New("page is missing on the wiki")

// Options configures a Client.
type Options struct {
	// API is the URL of the wiki's api.php.
	API string
	// UserAgent is sent as is on every request; wikis ask for a contact URL.
	UserAgent string
	// HTTPClient supplies the underlying transport; nil means
	// http.DefaultTransport. Its Timeout is ignored: Timeout applies per try.
	HTTPClient *http.Client
	// Logger receives retries and API warnings; nil discards them.
	Logger *slog.Logger
	// MaxRetries bounds the retries of one request (0 means
	// DefaultMaxRetries; negative means none).
	MaxRetries int
	// Timeout ends one try of a request that has not finished (0 means
	// DefaultTimeout).
	Timeout time.Duration
	// Backoff is the first wait before retrying a server or network error;
	// it doubles on each retry (0 means DefaultBackoff).
	Backoff time.Duration
	// MaxReply caps a reply's body in bytes (0 means DefaultMaxReply); a
	// reply past it fails with ErrTooLarge and is not retried.
	MaxReply int64
}

// Client talks to one wiki. Its methods may be called from several
// goroutines, but requests are made one at a time.
type Client struct {
	mu  sync.Mutex // serialises requests: the transport holds per-call state
	mw  *mwclient.Client
	rt  *retrier
	log *slog.Logger
	api string
}

// New returns a client for opts.API.
func New(opts Options) (*Client, error) {
	if opts.API == "" {
		return nil, errors.New("mw: no API URL")
	}
	if opts.UserAgent == "" {
		return nil, errors.New("mw: no User-Agent: wikis ask clients to name themselves and a contact")
	}
	c, err := mwclient.New(opts.API, opts.UserAgent)
	if err != nil {
		return nil, fmt.Errorf("mw: API URL %q: %w", opts.API, err)
	}
	c.UserAgent = opts.UserAgent
	// The retrier handles maxlag replies itself; the library only has to
	// send the parameter.
	c.Maxlag.On, c.Maxlag.Timeout, c.Maxlag.Retries = true, maxlag, 1
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rt := newRetrier(opts, log)
	c.SetHTTPClient(&http.Client{Transport: rt})
	return &Client{mw: c, rt: rt, log: log, api: opts.API}, nil
}

// Requests returns how many HTTP requests the client has sent, retries
// included: the number the wiki's server saw.
func (c *Client) Requests() int { return int(c.rt.requests.Load()) }

// Bytes returns how many response body bytes the client has received.
func (c *Client) Bytes() int64 { return c.rt.bytes.Load() }

// response is the envelope of every formatversion=2 reply. Query holds a
// pointer to the caller's value, so one json.Unmarshal fills the envelope
// and the payload together: replies run to 600 KB, and decoding each once
// instead of three times was 40 % of a sync's CPU.
type response struct {
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
	Warnings map[string]json.RawMessage `json:"warnings"`
	Continue map[string]any             `json:"continue"`
	Query    any                        `json:"query"`
}

// reply decodes one try's body for the retrier and keeps the result for
// query: the retrier must see a maxlag refusal or a truncated body to retry,
// and query needs the payload, from the same single decode.
type reply struct {
	out   any // the caller's pointer, or nil
	r     response
	shape error // the JSON is complete but not the shape asked for
}

// decode implements the retrier's per-call check. An incomplete body is
// returned as an error (worth a retry); a body of the wrong shape is kept
// for query to report, since retrying would not change it.
func (rp *reply) decode(body []byte) (code string, err error) {
	out := rp.out
	if out == nil {
		out = &struct{}{}
	} else {
		reflect.ValueOf(out).Elem().SetZero() // a retry must not merge into the last try's result
	}
	rp.r, rp.shape = response{Query: out}, nil
	err = json.Unmarshal(body, &rp.r)
	if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) {
		rp.shape, err = err, nil
	}
	if err != nil {
		return "", err
	}
	if rp.r.Error != nil {
		code = rp.r.Error.Code
	}
	return code, nil
}

// query runs one action=query request and decodes its "query" member into
// out. It returns the continuation values, nil when the result is complete.
// what names the request in errors ("page \"X\" revisions").
func (c *Client) query(ctx context.Context, what string, p params.Values, out any) (map[string]string, error) {
	p.Set("action", "query")
	p.Set("formatversion", "2")
	if _, ok := p["continue"]; !ok {
		p.Set("continue", "")
	}
	rp := &reply{out: out}
	if err := c.get(ctx, p, rp.decode); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	r := rp.r
	if r.Error != nil {
		return nil, fmt.Errorf("%s: %w", what, mwclient.APIError{Code: r.Error.Code, Info: r.Error.Info})
	}
	if rp.shape != nil {
		return nil, fmt.Errorf("%s: unexpected reply shape from %s: %w", what, c.api, rp.shape)
	}
	c.logWarnings(what, r.Warnings)
	if len(r.Continue) == 0 {
		return nil, nil
	}
	cont := make(map[string]string, len(r.Continue))
	for k, v := range r.Continue {
		cont[k] = fmt.Sprint(v)
	}
	return cont, nil
}

// get sends one request through go-mwclient, with ctx reaching the
// transport (the library's calls take no context). decode sees every try's
// complete body; the last call's result is what the caller reads.
func (c *Client) get(ctx context.Context, p params.Values, decode decodeFunc) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rt.begin(ctx, decode)
	_, err := c.mw.GetRaw(p)
	if rtErr := c.rt.end(); rtErr != nil {
		// The library flattens transport errors with %v; return ours so
		// callers can still match context.Canceled and friends.
		return rtErr
	}
	return err
}

// logWarnings logs API warnings instead of failing on them, as a warning
// (a deprecated parameter, a clipped limit) never makes the data wrong.
func (c *Client) logWarnings(what string, warnings map[string]json.RawMessage) {
	modules := make([]string, 0, len(warnings))
	for m := range warnings {
		modules = append(modules, m)
	}
	sort.Strings(modules)
	for _, m := range modules {
		var w struct {
			Warnings string `json:"warnings"`
		}
		text := string(warnings[m])
		if json.Unmarshal(warnings[m], &w) == nil && w.Warnings != "" {
			text = w.Warnings
		}
		c.log.Warn("wiki API warning", "request", what, "module", m, "warning", strings.TrimSpace(text))
	}
}
