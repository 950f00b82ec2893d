package mwtest

import (
	"net/url"
	"strconv"
	"testing"
	"time"
)

// Revision is one revision as the API shows it to an anonymous reader.
type Revision struct {
	ID, ParentID int64
	Timestamp    time.Time
	SHA1         string // hex; empty when the text is hidden
	User         string // empty when the user is hidden
	Comment      string
	Minor        bool
	Size         int
	TextHidden   bool
	UserHidden   bool
}

// Revisions lists the revisions of title, oldest first, as an anonymous
// reader sees them. A missing page has none.
func (w *Wiki) Revisions(tb testing.TB, title string) []Revision {
	tb.Helper()
	params := url.Values{
		"action": {"query"}, "prop": {"revisions"}, "titles": {title},
		"rvprop":  {"ids|timestamp|sha1|user|comment|flags|size"},
		"rvlimit": {"max"}, "rvdir": {"newer"},
	}
	var revs []Revision
	for {
		var r struct {
			Continue map[string]string `json:"continue"`
			Query    struct {
				Pages []struct {
					Revisions []struct {
						RevID      int64     `json:"revid"`
						ParentID   int64     `json:"parentid"`
						Timestamp  time.Time `json:"timestamp"`
						SHA1       string    `json:"sha1"`
						SHA1Hidden bool      `json:"sha1hidden"`
						User       string    `json:"user"`
						UserHidden bool      `json:"userhidden"`
						Comment    string    `json:"comment"`
						Minor      bool      `json:"minor"`
						Size       int       `json:"size"`
					} `json:"revisions"`
				} `json:"pages"`
			} `json:"query"`
		}
		w.mustQuery(tb, params, &r)
		for _, p := range r.Query.Pages {
			for _, v := range p.Revisions {
				revs = append(revs, Revision{
					ID: v.RevID, ParentID: v.ParentID, Timestamp: v.Timestamp,
					SHA1: v.SHA1, User: v.User, Comment: v.Comment, Minor: v.Minor,
					Size: v.Size, TextHidden: v.SHA1Hidden, UserHidden: v.UserHidden,
				})
			}
		}
		if r.Continue == nil {
			return revs
		}
		for k, v := range r.Continue {
			params.Set(k, v)
		}
	}
}

// Content returns the wikitext of revision revid. It fails the test when
// the revision is missing or its text is hidden.
func (w *Wiki) Content(tb testing.TB, revid int64) string {
	tb.Helper()
	var r struct {
		Query struct {
			Pages []struct {
				Revisions []struct {
					Slots struct {
						Main *struct {
							Content    *string `json:"content"`
							TextHidden bool    `json:"texthidden"`
						} `json:"main"`
					} `json:"slots"`
				} `json:"revisions"`
			} `json:"pages"`
		} `json:"query"`
	}
	w.mustQuery(tb, url.Values{
		"action": {"query"}, "prop": {"revisions"}, "revids": {strconv.FormatInt(revid, 10)},
		"rvprop": {"content"}, "rvslots": {"main"},
	}, &r)
	p := r.Query.Pages
	if len(p) != 1 || len(p[0].Revisions) != 1 || p[0].Revisions[0].Slots.Main == nil {
		tb.Fatalf("mwtest: revision %d: not found", revid)
	}
	main := p[0].Revisions[0].Slots.Main
	if main.TextHidden || main.Content == nil {
		tb.Fatalf("mwtest: revision %d: text hidden", revid)
	}
	return *main.Content
}

// Parse renders revision revid to HTML with action=parse, as the wiki
// would show it.
func (w *Wiki) Parse(tb testing.TB, revid int64) string {
	tb.Helper()
	var r struct {
		Parse struct {
			Text string `json:"text"`
		} `json:"parse"`
	}
	w.mustQuery(tb, url.Values{
		"action": {"parse"}, "oldid": {strconv.FormatInt(revid, 10)}, "prop": {"text"},
	}, &r)
	return r.Parse.Text
}
