package config

import (
	"strings"
	"testing"
)

func TestLineIndexOf(t *testing.T) {
	text := strings.Join([]string{
		`title = "Synthetic"`, // 1
		`# api = "commented out"`,
		`[params]`,
		`wiki.user_agent = "synthetic"`,
		`[ params.wiki ]`, // 5
		`api = "http://wiki.invalid/api.php"`,
		`"pages" = ["Synthetic"]`,
		`[params.wiki.shortcodes]`,
		`"Admon/note" = "note"`,
		`[params.other]`, // 10
		`inline = { api = "x" }`,
		`[[params.meetings]]`,
		`date = 2013-11-26T16:00:00Z`,
		`[[ params.meetings ]]`,
		`title = "a = b"`, // 15
	}, "\n")
	lines := newLineIndex([]byte(text))
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"title"}, 1},
		{[]string{"params", "wiki", "user_agent"}, 4},
		{[]string{"params", "wiki", "api"}, 6},
		{[]string{"params", "wiki", "pages"}, 7},
		{[]string{"params", "wiki", "shortcodes", "Admon/note"}, 9},
		{[]string{"params", "wiki", "missing"}, 5},         // absent: its table
		{[]string{"params", "other", "inline", "api"}, 11}, // inside an inline table
		{[]string{"params", "meetings", "date"}, 13},
		{[]string{"params", "meetings", "title"}, 15},
		{[]string{"nowhere", "x"}, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.path, "."), func(t *testing.T) {
			if got := lines.of(tt.path...); got != tt.want {
				t.Errorf("of(%q) = %d, want %d", tt.path, got, tt.want)
			}
		})
	}
	if got := lines.ofArrayEntry("params.meetings", 1); got != 14 {
		t.Errorf("ofArrayEntry(params.meetings, 1) = %d, want 14", got)
	}
}
