package wikitext

import (
	"strings"
	"testing"
	"time"
)

func TestPageVariables(t *testing.T) {
	rev := Revision{ID: 4711, User: "Ann O'Neil", Timestamp: time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)}
	tests := []struct {
		page, in, want string
	}{
		{"Help:Case 7/Bravo/Charlie", "{{FULLPAGENAME}}", "Help:Case 7/Bravo/Charlie"},
		{"Help:Case 7/Bravo/Charlie", "{{PAGENAME}}", "Case 7/Bravo/Charlie"},
		{"Help:Case 7/Bravo/Charlie", "{{BASEPAGENAME}}", "Case 7/Bravo"},
		{"Help:Case 7/Bravo/Charlie", "{{ROOTPAGENAME}}", "Case 7"},
		{"Help:Case 7/Bravo/Charlie", "{{SUBPAGENAME}}", "Charlie"},
		{"Help:Case 7/Bravo/Charlie", "{{TALKPAGENAME}}", "Help talk:Case 7/Bravo/Charlie"},
		{"Help:Case 7/Bravo/Charlie", "{{NAMESPACE}}", "Help"},
		{"Help:Case 7/Bravo/Charlie", "{{FULLPAGENAMEE}}", "Help:Case_7/Bravo/Charlie"},
		{"Help:Case 7/Bravo/Charlie", "{{TALKPAGENAMEE}}", "Help_talk:Case_7/Bravo/Charlie"},
		{"Server/Personas", "{{BASEPAGENAME}} {{SUBPAGENAME}}", "Server/Personas Server/Personas"},
		{"Server/Personas", "{{TALKPAGENAME}} [{{NAMESPACE}}]", "Talk:Server/Personas []"},
		{"talk:x", "{{TALKPAGENAME}}", "Talk:X"},
		{"image:a b.png", "{{FULLPAGENAME}}", "File:A b.png"},
		{"A", "{{REVISIONID}} {{REVISIONUSER}}", "4711 Ann O'Neil"},
		{"A", "{{REVISIONDAY}} {{REVISIONDAY2}} {{REVISIONMONTH}} {{REVISIONYEAR}}", "4 04 03 2021"},
		{"A", "{{REVISIONTIMESTAMP}}", "20210304050607"},
		{"A", "{{CURRENTYEAR}} {{CURRENTMONTHNAME}} {{CURRENTDAYNAME}} {{CURRENTTIME}}", "2021 March Thursday 05:06"},
		{"A", "{{#ifeq:{{PAGENAME}}|A|same|differ}}", "same"},
		{"It's", "{{PAGENAME}}", "It's"},
	}
	for _, tt := range tests {
		t.Run(tt.page+" "+tt.in, func(t *testing.T) {
			got := PlainText(tt.in, Options{Page: tt.page, Revision: rev})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPageVariablesWithoutContext checks that without a page or revision
// the words stay visible placeholders, with a note.
func TestPageVariablesWithoutContext(t *testing.T) {
	for _, in := range []string{"{{PAGENAME}}", "{{REVISIONID}}", "{{CURRENTYEAR}}", "{{TALKPAGENAME}}"} {
		res := Convert(in, Options{})
		if want := "⟦template: " + in[2:len(in)-2] + "⟧"; !strings.Contains(res.Markdown, want) || len(res.Diagnostics) != 1 {
			t.Errorf("%s: got %q, %v; want %q and one diagnostic", in, res.Markdown, res.Diagnostics, want)
		}
	}
}
