package main

import (
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
)

func TestCommitMessage(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2013, 11, 26, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		added []mirror.Added
		want  string
	}{
		{"none", nil, "Sync 0 new revisions from the wiki\n\n\n"},
		{"pages by title, oldest first, hidden fields", []mirror.Added{
			{Title: "Synthetic/B", Revision: archive.Revision{ID: 5, User: "Bob", Timestamp: at(12), Comment: "two\n  lines"}},
			{Title: "Synthetic/A", Revision: archive.Revision{ID: 4, User: "Ann", Timestamp: at(11), CommentHidden: true, Comment: "secret"}},
			{Title: "Synthetic/A", Revision: archive.Revision{ID: 3, UserHidden: true, User: "who", Timestamp: at(10)}},
		}, "Sync 3 new revisions from the wiki\n\n" +
			"- Synthetic/A r3 by (hidden user), 2013-11-26 10:00 UTC\n" +
			"- Synthetic/A r4 by Ann, 2013-11-26 11:00 UTC: (summary hidden)\n" +
			"- Synthetic/B r5 by Bob, 2013-11-26 12:00 UTC: two lines\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commitMessage(tt.added); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
