package mw

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// Member is one page a listing (category members, all pages) names.
type Member struct {
	Title     string
	Namespace int
	PageID    int64
}

// categoryNS is MediaWiki's Category namespace: a category member in it is
// a subcategory.
const categoryNS = 14

// Subcategory reports whether the member is itself a category.
func (m Member) Subcategory() bool { return m.Namespace == categoryNS }

// CategoryMembers lists the pages and subcategories in category
// (with or without its "Category:" prefix), 500 per request.
func (c *Client) CategoryMembers(ctx context.Context, category string) ([]Member, error) {
	if !strings.HasPrefix(category, "Category:") {
		category = "Category:" + category
	}
	p := params.Values{"list": "categorymembers", "cmtitle": category,
		"cmprop": "ids|title", "cmtype": "page|subcat", "cmlimit": "max"}
	return c.list(ctx, fmt.Sprintf("members of %q", category), p, "categorymembers")
}

// AllPages lists the pages of namespace ns whose title (without the
// namespace) starts with prefix, redirects left out, 500 per request.
func (c *Client) AllPages(ctx context.Context, ns int, prefix string) ([]Member, error) {
	p := params.Values{"list": "allpages", "apnamespace": strconv.Itoa(ns),
		"apfilterredir": "nonredirects", "aplimit": "max"}
	if prefix != "" {
		p.Set("apprefix", prefix)
	}
	return c.list(ctx, fmt.Sprintf("pages of namespace %d starting %q", ns, prefix), p, "allpages")
}

// list runs a list= query to its end and returns the members it named.
func (c *Client) list(ctx context.Context, what string, p params.Values, key string) ([]Member, error) {
	var out []Member
	for {
		var q map[string][]struct {
			PageID int64  `json:"pageid"`
			NS     int    `json:"ns"`
			Title  string `json:"title"`
		}
		cont, err := c.query(ctx, what, p, &q)
		if err != nil {
			return nil, err
		}
		for _, m := range q[key] {
			out = append(out, Member{Title: m.Title, Namespace: m.NS, PageID: m.PageID})
		}
		if cont == nil {
			return out, nil
		}
		for k, v := range cont {
			p.Set(k, v)
		}
	}
}

// InCategories returns the titles among titles that are members of at
// least one of categories (with their "Category:" prefix), asking about
// MaxTitles titles per request.
func (c *Client) InCategories(ctx context.Context, titles, categories []string) ([]string, error) {
	var out []string
	for start := 0; start < len(titles); start += MaxTitles {
		chunk := titles[start:min(start+MaxTitles, len(titles))]
		p := params.Values{"prop": "categories", "titles": strings.Join(chunk, "|"),
			"clcategories": strings.Join(categories, "|"), "cllimit": "max"}
		seen := map[string]bool{}
		for {
			var q struct {
				Pages []struct {
					Title      string `json:"title"`
					Categories []struct {
						Title string `json:"title"`
					} `json:"categories"`
				} `json:"pages"`
			}
			cont, err := c.query(ctx, fmt.Sprintf("categories of %q", chunk), p, &q)
			if err != nil {
				return nil, err
			}
			for _, pg := range q.Pages {
				if len(pg.Categories) > 0 && !seen[pg.Title] {
					seen[pg.Title] = true
					out = append(out, pg.Title)
				}
			}
			if cont == nil {
				break
			}
			for k, v := range cont {
				p.Set(k, v)
			}
		}
	}
	return out, nil
}

// Change is one entry of the wiki's recent changes.
type Change struct {
	// ID is the entry's rcid, which grows with every change.
	ID int64
	// Type is "edit", "new", "log" or "categorize".
	Type      string
	Namespace int
	Title     string
	Timestamp time.Time
	// LogType is the log of a "log" entry ("move", "delete", …); Target
	// is the new title of a move.
	LogType, Target string
}

type apiChange struct {
	RCID      int64     `json:"rcid"`
	Type      string    `json:"type"`
	NS        int       `json:"ns"`
	Title     string    `json:"title"`
	Timestamp time.Time `json:"timestamp"`
	LogType   string    `json:"logtype"`
	LogParams struct {
		TargetTitle string `json:"target_title"`
	} `json:"logparams"`
}

func (a apiChange) change() Change {
	return Change{ID: a.RCID, Type: a.Type, Namespace: a.NS, Title: a.Title,
		Timestamp: a.Timestamp.UTC(), LogType: a.LogType, Target: a.LogParams.TargetTitle}
}

// MaxChanges is how many recent changes one request lists.
const MaxChanges = 500

const rcProps = "title|ids|timestamp|loginfo"

// NewestChange returns the wiki's newest recent change, in one request;
// the zero Change when the wiki lists none.
func (c *Client) NewestChange(ctx context.Context) (Change, error) {
	p := params.Values{"list": "recentchanges", "rcprop": rcProps, "rcdir": "older", "rclimit": "1"}
	var q struct {
		RC []apiChange `json:"recentchanges"`
	}
	if _, err := c.query(ctx, "the newest recent change", p, &q); err != nil {
		return Change{}, err
	}
	if len(q.RC) == 0 {
		return Change{}, nil
	}
	return q.RC[0].change(), nil
}

// Changes calls fn with every recent change made at or after since (the
// zero time: all the wiki keeps), oldest first, 500 per request. When fn
// returns false, Changes still hands it the rest of that reply (they cost
// nothing more) but asks for no more. It reports whether it reached the
// end of the list. One request answers for the whole wiki when fewer than
// 500 changes were made.
func (c *Client) Changes(ctx context.Context, since time.Time, fn func(Change) bool) (complete bool, err error) {
	p := params.Values{"list": "recentchanges", "rcprop": rcProps, "rcdir": "newer",
		"rctype": "edit|new|log|categorize", "rclimit": "max"}
	if !since.IsZero() {
		p.Set("rcstart", since.UTC().Format(time.RFC3339))
	}
	what := fmt.Sprintf("recent changes since %s", since.UTC().Format(time.RFC3339))
	for {
		var q struct {
			RC []apiChange `json:"recentchanges"`
		}
		cont, err := c.query(ctx, what, p, &q)
		if err != nil {
			return false, err
		}
		more := true
		for _, a := range q.RC {
			more = fn(a.change()) && more
		}
		if cont == nil {
			return true, nil
		}
		if !more {
			return false, nil
		}
		for k, v := range cont {
			p.Set(k, v)
		}
	}
}
