package faultproxy

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/internal/mwtest"
)

// TestRealWiki puts the proxy in front of a real MediaWiki: faulted
// requests never reach it, passed-through and truncated ones do.
func TestRealWiki(t *testing.T) {
	w := mwtest.Start(t)
	p := New(strings.TrimSuffix(w.API, "/api.php"))
	t.Cleanup(p.Close)
	p.Script(Status503, Maxlag, Truncate)
	before := w.Requests(t)
	u := p.URL() + "/api.php?action=query&meta=siteinfo&format=json"
	var statuses []int
	for range 4 {
		resp, b, err, _ := get(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, resp.StatusCode)
		if len(statuses) == 4 && !strings.Contains(string(b), `"sitename":"Test Wiki"`) {
			t.Errorf("passed-through answer %.200q lacks the wiki's siteinfo", b)
		}
	}
	if got := w.Requests(t) - before; got != 2 {
		t.Errorf("wiki answered %d requests, want 2 (truncated and passed through)", got)
	}
	if want := []int{503, 200, 200, 200}; !slices.Equal(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
}
