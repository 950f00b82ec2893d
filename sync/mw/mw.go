// Package mw is wikisite's client for the MediaWiki action API, a small
// surface over cgt.name/pkg/go-mwclient shaped by what the sync needs: the
// latest revision of many pages in one request, every revision of one page
// after a known id, and the templates pages transclude.
//
// Every request goes through go-mwclient with maxlag on and through a
// retrying http.RoundTripper (see transport.go) that honours Retry-After,
// backs off on server and network errors and ends hanging requests. Requests
// are serial. The package knows nothing of the archive or of the site.
package mw

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
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

// response is the envelope of every formatversion=2 reply.
type response struct {
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
	Warnings map[string]json.RawMessage `json:"warnings"`
	Continue map[string]any             `json:"continue"`
	Query    json.RawMessage            `json:"query"`
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
	body, err := c.get(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	var r response
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("%s: reply from %s is not API JSON: %w", what, c.api, err)
	}
	if r.Error != nil {
		return nil, fmt.Errorf("%s: %w", what, mwclient.APIError{Code: r.Error.Code, Info: r.Error.Info})
	}
	c.logWarnings(what, r.Warnings)
	if out != nil && len(r.Query) > 0 {
		if err := json.Unmarshal(r.Query, out); err != nil {
			return nil, fmt.Errorf("%s: unexpected reply shape: %w", what, err)
		}
	}
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
// transport (the library's calls take no context).
func (c *Client) get(ctx context.Context, p params.Values) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rt.begin(ctx)
	body, err := c.mw.GetRaw(p)
	if rtErr := c.rt.end(); rtErr != nil {
		// The library flattens transport errors with %v; return ours so
		// callers can still match context.Canceled and friends.
		return nil, rtErr
	}
	if err != nil {
		return nil, err
	}
	return body, nil
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
