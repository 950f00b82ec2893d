package mw

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// mustCanned serves replies chosen by reply(query) and records the queries.
func mustCanned(tb testing.TB, reply func(q url.Values) string) (*Client, *[]url.Values) {
	tb.Helper()
	var seen []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		seen = append(seen, q)
		w.Write([]byte(reply(q)))
	}))
	tb.Cleanup(srv.Close)
	c, err := New(Options{API: srv.URL + "/api.php", UserAgent: "wikisite-test (synthetic)", Backoff: time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	return c, &seen
}

func TestLatest(t *testing.T) {
	const reply = `{"batchcomplete":true,"query":{
		"normalized":[{"fromencoded":false,"from":"old_name","to":"Old name"}],
		"redirects":[{"from":"Old name","to":"New name"}],
		"pages":[
		 {"pageid":7,"ns":0,"title":"New name","lastrevid":42,"templates":[{"ns":10,"title":"Template:B"},{"ns":10,"title":"Template:A"}]},
		 {"ns":0,"title":"Gone","missing":true},
		 {"pageid":9,"ns":10,"title":"Template:A","lastrevid":5}]}}`
	c, seen := mustCanned(t, func(url.Values) string { return reply })
	got, err := c.Latest(context.Background(), []string{"old_name", "Gone", "Template:A"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]PageState{
		"old_name":   {Title: "old_name", Current: "New name", Redirects: []string{"Old name"}, PageID: 7, LastRevID: 42, Templates: []string{"Template:A", "Template:B"}},
		"Gone":       {Title: "Gone", Current: "Gone", Missing: true},
		"Template:A": {Title: "Template:A", Current: "Template:A", PageID: 9, Namespace: 10, LastRevID: 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Latest:\n got %+v\nwant %+v", got, want)
	}
	if len(*seen) != 1 {
		t.Fatalf("%d requests, want 1", len(*seen))
	}
	q := (*seen)[0]
	for k, v := range map[string]string{"action": "query", "prop": "info|templates", "redirects": "1",
		"titles": "old_name|Gone|Template:A", "formatversion": "2", "tlnamespace": "10"} {
		if q.Get(k) != v {
			t.Errorf("param %s = %q, want %q", k, q.Get(k), v)
		}
	}
}

func TestRevisions(t *testing.T) {
	const first = `{"continue":{"rvcontinue":"20130101000000|12","continue":"||"},"query":{"pages":[{"pageid":7,"ns":0,"title":"Synthetic","revisions":[
		{"revid":10,"parentid":0,"timestamp":"2013-01-01T00:00:00Z","user":"A","comment":"c","size":5,"sha1":"x","slots":{"main":{"content":"old"}}},
		{"revid":11,"parentid":10,"minor":true,"userhidden":true,"timestamp":"2013-01-02T00:00:00Z","comment":"","size":5,"sha1hidden":true,"slots":{"main":{"texthidden":true}}}]}]}}`
	const second = `{"batchcomplete":true,"query":{"pages":[{"pageid":7,"ns":0,"title":"Synthetic","revisions":[
		{"revid":12,"parentid":11,"timestamp":"2013-01-03T00:00:00Z","user":"B","commenthidden":true,"size":3,"sha1":"y","slots":{"main":{"content":"new"}}}]}]}}`
	c, seen := mustCanned(t, func(q url.Values) string {
		if q.Get("rvcontinue") != "" {
			return second
		}
		return first
	})
	var got []Revision
	err := c.Revisions(context.Background(), "Synthetic", 10, func(r Revision) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != 11 || got[1].ID != 12 {
		t.Fatalf("revisions %+v, want 11 and 12 (10 is the resume point)", got)
	}
	if h := got[0]; !h.TextHidden || !h.UserHidden || h.Text != nil || h.SHA1 != "" || !h.Minor {
		t.Errorf("hidden revision %+v", h)
	}
	if r := got[1]; string(r.Text) != "new" || !r.CommentHidden || r.PageID != 7 || r.ParentID != 11 || r.User != "B" {
		t.Errorf("revision 12 %+v", r)
	}
	q := (*seen)[0]
	for k, v := range map[string]string{"rvstartid": "10", "rvdir": "newer", "rvslots": "main", "rvlimit": "max",
		"rvprop": "ids|timestamp|user|comment|size|sha1|flags|content"} {
		if q.Get(k) != v {
			t.Errorf("param %s = %q, want %q", k, q.Get(k), v)
		}
	}
	if len(*seen) != 2 || (*seen)[1].Get("rvcontinue") != "20130101000000|12" {
		t.Errorf("continuation not followed: %v", *seen)
	}
}

func TestRevisionsErrors(t *testing.T) {
	tests := []struct {
		name, reply string
		check       func(error) bool
	}{
		{"missing page", `{"query":{"pages":[{"ns":0,"title":"X","missing":true}]}}`,
			func(err error) bool { return errors.Is(err, ErrMissing) }},
		{"api error", `{"error":{"code":"nosuchrevid","info":"There is no revision with ID 5."}}`,
			func(err error) bool {
				return err != nil && err.Error() == `page "X" revisions after 5: nosuchrevid: There is no revision with ID 5.`
			}},
		{"text missing", `{"query":{"pages":[{"pageid":1,"ns":0,"title":"X","revisions":[{"revid":6,"slots":{"main":{"textmissing":true}}}]}]}}`,
			func(err error) bool { return errors.Is(err, errNoText) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := mustCanned(t, func(url.Values) string { return tt.reply })
			err := c.Revisions(context.Background(), "X", 5, func(Revision) error { return nil })
			if !tt.check(err) {
				t.Errorf("unexpected error %v", err)
			}
		})
	}
}

func TestWarningsDoNotFail(t *testing.T) {
	c, _ := mustCanned(t, func(url.Values) string {
		return `{"warnings":{"main":{"warnings":"Unrecognized parameter: foo."}},"batchcomplete":true,"query":{"pages":[{"pageid":1,"ns":0,"title":"X","lastrevid":3}]}}`
	})
	got, err := c.Latest(context.Background(), []string{"X"})
	if err != nil || got["X"].LastRevID != 3 {
		t.Fatalf("Latest = %+v, %v; want revision 3 despite the warning", got, err)
	}
}

func TestQueryDecodesOnce(t *testing.T) {
	tests := []struct {
		name    string
		replies []string // one per try
		tries   int
		want    []apiPage
		wantErr string
	}{
		{"payload and continuation", []string{`{"continue":{"rvcontinue":"20|7","continue":"||"},"query":{"pages":[{"pageid":1,"title":"Synthetic"}]}}`},
			1, []apiPage{{PageID: 1, Title: "Synthetic"}}, ""},
		{"cut JSON then payload", []string{`{"query":{"pages":[{"pageid":3,`, `{"query":{"pages":[{"pageid":2,"title":"Synthetic"}]}}`},
			2, []apiPage{{PageID: 2, Title: "Synthetic"}}, ""},
		{"wrong shape is final", []string{`{"query":{"pages":{"1":{"title":"Synthetic"}}}}`}, 1, nil, "unexpected reply shape"},
		{"API error", []string{`{"error":{"code":"badvalue","info":"synthetic"}}`}, 1, nil, "badvalue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			c, _ := mustCanned(t, func(url.Values) string {
				n++
				return tt.replies[min(n, len(tt.replies))-1]
			})
			var q struct {
				Pages []apiPage `json:"pages"`
			}
			cont, err := c.query(context.Background(), "synthetic", params.Values{"prop": "info"}, &q)
			if n != tt.tries {
				t.Errorf("%d tries, want %d", n, tt.tries)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(q.Pages, tt.want) {
				t.Errorf("pages %+v, want %+v", q.Pages, tt.want)
			}
			if strings.Contains(tt.replies[0], "rvcontinue") && cont["rvcontinue"] != "20|7" {
				t.Errorf("continuation %v, want rvcontinue 20|7", cont)
			}
		})
	}
}
