package mw

import (
	"reflect"
	"testing"
)

// FuzzReplyDecode feeds any body to the decoder of revision replies and
// checks that it never panics, that a retry's decode does not merge into
// the last one's, that an error code is reported only from a decoded
// error, and that a revision taken from the reply is consistent: a hidden
// text has no hash, a shown one has its text.
func FuzzReplyDecode(f *testing.F) {
	f.Add([]byte(`{"batchcomplete":true,"query":{"pages":[{"pageid":1,"ns":0,"title":"Synthetic","revisions":[` +
		`{"revid":2,"parentid":1,"user":"Tester","timestamp":"2020-01-01T12:00:00Z","size":4,"sha1":"x","comment":"c",` +
		`"slots":{"main":{"content":"text"}}},{"revid":3,"sha1hidden":true,"slots":{"main":{"texthidden":true}}}]}]}}`))
	f.Add([]byte(`{"error":{"code":"maxlag","info":"Waiting for a database server"}}`))
	f.Add([]byte(`{"query":{"pages":[{"title":"Synthetic","missing":true}]},"continue":{"rvcontinue":"5","continue":"||"}}`))
	f.Add([]byte(`{"query":{"pages":{"1":{}}}}`))
	f.Add([]byte(`{"query":{"pages":[`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var q, fresh struct {
			Pages []apiPage `json:"pages"`
		}
		rp := &reply{out: &q}
		code, err := rp.decode(body)
		if err != nil {
			if code != "" {
				t.Fatalf("code %q with error %v", code, err)
			}
			return
		}
		if rp.r.Error == nil && code != "" || rp.r.Error != nil && code != rp.r.Error.Code {
			t.Fatalf("code %q, decoded error %+v", code, rp.r.Error)
		}
		if _, err := (&reply{out: &fresh}).decode(body); err != nil {
			t.Fatalf("second decode failed: %v", err)
		}
		if _, err := rp.decode(body); err != nil || !reflect.DeepEqual(q, fresh) {
			t.Fatalf("a retry's decode differs from a fresh one (%v)", err)
		}
		for i := range q.Pages {
			pg := &q.Pages[i]
			for _, r := range pg.Revisions {
				rev, err := r.revision(pg)
				if err != nil {
					continue
				}
				if rev.TextHidden && (rev.SHA1 != "" || rev.Text != nil) {
					t.Fatalf("hidden text with hash %q or text %q", rev.SHA1, rev.Text)
				}
				if !rev.TextHidden && rev.Text == nil {
					t.Fatalf("revision %d shown without its text", rev.ID)
				}
			}
		}
	})
}
