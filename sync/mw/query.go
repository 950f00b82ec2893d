package mw

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// MaxTitles is how many titles one query may name (the API's limit for
// clients without the apihighlimits right).
const MaxTitles = 50

// PageState is what the wiki says about one title now.
type PageState struct {
	// Title is the title as asked.
	Title string
	// Current is the page's title after normalization and redirects: not
	// Title when the page was renamed and Title now redirects here.
	Current string
	// Redirects lists the redirect pages passed through, in order.
	Redirects []string
	PageID    int64
	Namespace int
	LastRevID int64
	// Missing is true when the wiki has no such page (never made, or
	// deleted); Invalid when the title cannot exist at all.
	Missing, Invalid bool
	// Templates are the templates the current revision transcludes,
	// directly or not, sorted.
	Templates []string
}

// Revision is one revision with its text, as the API gives it.
type Revision struct {
	// PageID, Namespace and Title name the page the revision belongs to.
	PageID    int64
	Namespace int
	Title     string

	ID, ParentID int64
	Timestamp    time.Time
	User         string
	Comment      string
	Size         int
	SHA1         string // hex; empty when hidden
	Minor        bool
	// Hidden parts were removed from public view with revision deletion;
	// Text is nil when TextHidden.
	TextHidden, UserHidden, CommentHidden bool
	Text                                  []byte
}

type apiPage struct {
	PageID    int64  `json:"pageid"`
	NS        int    `json:"ns"`
	Title     string `json:"title"`
	Missing   bool   `json:"missing"`
	Invalid   bool   `json:"invalid"`
	LastRevID int64  `json:"lastrevid"`
	Templates []struct {
		Title string `json:"title"`
	} `json:"templates"`
	Revisions []apiRevision `json:"revisions"`
}

type fromTo struct{ From, To string }

type infoQuery struct {
	Normalized []fromTo  `json:"normalized"`
	Redirects  []fromTo  `json:"redirects"`
	Pages      []apiPage `json:"pages"`
}

// Latest returns the state of each title, keyed by the title as given, in
// one request per MaxTitles titles (more only if the templates they list
// overflow one reply). Redirects are followed, so a renamed page shows up
// under its new title with its unchanged page id.
func (c *Client) Latest(ctx context.Context, titles []string) (map[string]PageState, error) {
	out := make(map[string]PageState, len(titles))
	for start := 0; start < len(titles); start += MaxTitles {
		chunk := titles[start:min(start+MaxTitles, len(titles))]
		if err := c.latest(ctx, chunk, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *Client) latest(ctx context.Context, titles []string, out map[string]PageState) error {
	p := params.Values{"prop": "info|templates", "titles": strings.Join(titles, "|"),
		"redirects": "1", "tlnamespace": "10", "tllimit": "max"}
	var q infoQuery
	pages := map[string]*apiPage{}
	for {
		var part infoQuery
		cont, err := c.query(ctx, fmt.Sprintf("latest revisions of %q", titles), p, &part)
		if err != nil {
			return err
		}
		q.Normalized = append(q.Normalized, part.Normalized...)
		q.Redirects = append(q.Redirects, part.Redirects...)
		for _, pg := range part.Pages {
			if have, ok := pages[pg.Title]; ok {
				have.Templates = append(have.Templates, pg.Templates...)
				continue
			}
			pages[pg.Title] = &pg
		}
		if cont == nil {
			break
		}
		for k, v := range cont {
			p.Set(k, v)
		}
	}
	for _, t := range titles {
		out[t] = resolve(t, q, pages)
	}
	return nil
}

// resolve follows title through normalization and redirects to its page.
func resolve(title string, q infoQuery, pages map[string]*apiPage) PageState {
	st := PageState{Title: title}
	cur := title
	for _, n := range q.Normalized {
		if n.From == cur {
			cur = n.To
			break
		}
	}
	for hops := 0; hops < 10; hops++ { // MediaWiki itself follows one; be lenient
		next := ""
		for _, r := range q.Redirects {
			if r.From == cur {
				next = r.To
				break
			}
		}
		if next == "" {
			break
		}
		st.Redirects = append(st.Redirects, cur)
		cur = next
	}
	st.Current = cur
	pg, ok := pages[cur]
	if !ok {
		st.Missing = true
		return st
	}
	st.PageID, st.Namespace, st.LastRevID = pg.PageID, pg.NS, pg.LastRevID
	st.Missing, st.Invalid = pg.Missing || pg.Invalid, pg.Invalid
	st.Templates = uniqueTitles(pg.Templates)
	return st
}

func uniqueTitles(ts []struct {
	Title string `json:"title"`
}) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		if !seen[t.Title] {
			seen[t.Title] = true
			out = append(out, t.Title)
		}
	}
	sort.Strings(out)
	return out
}

// revParams asks for the revisions of title after revid after, oldest first.
func revParams(title string, after int64, props string) params.Values {
	p := params.Values{"prop": "revisions", "titles": title, "rvprop": props,
		"rvdir": "newer", "rvlimit": "max"}
	if props != "ids" {
		p.Set("rvslots", "main")
	}
	if after > 0 {
		// rvstartid bounds by the revision's timestamp and includes it;
		// the caller drops it.
		p.Set("rvstartid", strconv.FormatInt(after, 10))
	}
	return p
}

// Revisions calls fn with every revision of title newer than revid after
// (0: all), oldest first, with text, 50 per request. It stops at fn's first
// error and returns it. A page the wiki lacks gives an error wrapping
// ErrMissing.
func (c *Client) Revisions(ctx context.Context, title string, after int64, fn func(Revision) error) error {
	p := revParams(title, after, "ids|timestamp|user|comment|size|sha1|flags|content")
	return c.eachRevision(ctx, title, after, p, func(pg *apiPage, r apiRevision) error {
		rev, err := r.revision(pg)
		if err != nil {
			return err
		}
		return fn(rev)
	})
}

// Count returns how many revisions of title are newer than revid after,
// asking for ids only (500 per request).
func (c *Client) Count(ctx context.Context, title string, after int64) (int, error) {
	n := 0
	err := c.eachRevision(ctx, title, after, revParams(title, after, "ids"), func(*apiPage, apiRevision) error {
		n++
		return nil
	})
	return n, err
}

func (c *Client) eachRevision(ctx context.Context, title string, after int64, p params.Values, fn func(*apiPage, apiRevision) error) error {
	what := fmt.Sprintf("page %q revisions after %d", title, after)
	for {
		var q struct {
			Pages []apiPage `json:"pages"`
		}
		cont, err := c.query(ctx, what, p, &q)
		if err != nil {
			return err
		}
		if len(q.Pages) != 1 {
			return fmt.Errorf("%s: the wiki answered with %d pages, want 1", what, len(q.Pages))
		}
		pg := &q.Pages[0]
		if pg.Missing || pg.Invalid {
			return fmt.Errorf("page %q: %w", title, ErrMissing)
		}
		for _, r := range pg.Revisions {
			if r.RevID == after {
				continue
			}
			if err := fn(pg, r); err != nil {
				return err
			}
		}
		if cont == nil {
			return nil
		}
		for k, v := range cont {
			p.Set(k, v)
		}
	}
}

type apiRevision struct {
	RevID         int64     `json:"revid"`
	ParentID      int64     `json:"parentid"`
	Minor         bool      `json:"minor"`
	User          string    `json:"user"`
	UserHidden    bool      `json:"userhidden"`
	Timestamp     time.Time `json:"timestamp"`
	Size          int       `json:"size"`
	SHA1          string    `json:"sha1"`
	SHA1Hidden    bool      `json:"sha1hidden"`
	Comment       string    `json:"comment"`
	CommentHidden bool      `json:"commenthidden"`
	Slots         struct {
		Main struct {
			Content     *string `json:"content"`
			TextHidden  bool    `json:"texthidden"`
			TextMissing bool    `json:"textmissing"`
		} `json:"main"`
	} `json:"slots"`
}

var errNoText = errors.New("the wiki sent no text for it")

func (r apiRevision) revision(pg *apiPage) (Revision, error) {
	main := r.Slots.Main
	rev := Revision{PageID: pg.PageID, Namespace: pg.NS, Title: pg.Title,
		ID: r.RevID, ParentID: r.ParentID, Timestamp: r.Timestamp.UTC(), User: r.User,
		Comment: r.Comment, Size: r.Size, SHA1: r.SHA1, Minor: r.Minor,
		TextHidden: main.TextHidden || r.SHA1Hidden, UserHidden: r.UserHidden, CommentHidden: r.CommentHidden}
	if rev.TextHidden {
		rev.SHA1 = ""
		return rev, nil
	}
	if main.TextMissing || main.Content == nil {
		return Revision{}, fmt.Errorf("page %q revision %d: %w (textmissing=%v): the wiki's storage may be damaged",
			pg.Title, r.RevID, errNoText, main.TextMissing)
	}
	rev.Text = []byte(*main.Content)
	return rev, nil
}
