package mirror

import (
	"context"
	"strings"
	"testing"
)

// TestFetchStopsOnCommitError breaks a text in the second batch of a long
// history: the commits run a batch behind the requests, so the failure
// must still stop the stream soon after, keep every batch before it, and
// leave an archive the next sync completes.
func TestFetchStopsOnCommitError(t *testing.T) {
	tests := []struct {
		name string
		bad  int // index of the corrupted revision
		// wantKept revisions archived after the failed run.
		wantKept int
	}{
		{"first revision of the second batch", 50, 50},
		{"middle of the second batch", 70, 70},
		{"last revision", 249, 249},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, s := synthetic(250), mustStore(t)
			revs := w.pages[page].revs
			good := revs[tt.bad].Text
			revs[tt.bad].Text = []byte("synthetic corrupted text")
			w.yielded = 0
			_, err := Sync(context.Background(), w, s, Options{Pages: []string{page}})
			if err == nil || !strings.Contains(err.Error(), "sha1 mismatch") {
				t.Fatalf("error %v, want a sha1 mismatch", err)
			}
			p, err := s.Page(page)
			if err != nil || len(p.Revisions) != tt.wantKept {
				t.Fatalf("archive holds %d revisions (%v), want %d", len(p.Revisions), err, tt.wantKept)
			}
			// The batch in flight when the commit failed may be fetched,
			// never the one after it.
			if limit := (tt.bad/defaultBatch + 2) * defaultBatch; w.yielded > limit {
				t.Errorf("the wiki yielded %d revisions after a failure in revision %d, want at most %d", w.yielded, tt.bad, limit)
			}
			revs[tt.bad].Text = good
			sum := mustSync(t, w, s, page)
			if sum.NewRevisions < 250-tt.wantKept {
				t.Errorf("resume added %d revisions, want at least %d", sum.NewRevisions, 250-tt.wantKept)
			}
			mustMatch(t, s, w, page)
		})
	}
}
