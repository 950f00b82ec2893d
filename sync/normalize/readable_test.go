package normalize

import (
	"strings"
	"testing"

	"github.com/wikisite/wikisite/sync/wikitext"
)

func TestReadable(t *testing.T) {
	opts := wikitext.Options{Shortcodes: map[string]string{"Admon/warning": "warning", "Admon/note": "note"}}
	tests := []struct{ name, in, want string }{
		{"text as shown, marks gone", "= Title =\n\nA line.", "Title\n\nA line.\n"},
		{"escapes as shown", "< description goes here. >\n\n---\n\n''a''_b", "< description goes here. >\n\n---\n\na_b\n"},
		{"box with title", "{{Admon/warning|This is a draft document!|Body line.}}",
			"Warning: This is a draft document!\nBody line.\n"},
		{"quote, entity and braces in the title", `{{Admon/note|Say "hi" &#37; {now}|x}}`,
			"Note: Say \"hi\" % {now}\nx\n"},
		{"box without title", "{{Admon/note||x}}", "Note: \nx\n"},
		{"table block markers dropped", "{|\n|-\n| a || b\n|-\n| colspan=2 | c\n|}", ""},
		{"escaped shortcode in text as shown", "<nowiki>{{% not a call %}}</nowiki>", "{{% not a call %}}\n"},
		{"raw HTML table as its cells", "{|\n|-\n| a || b\n|-\n| colspan=2 | c &lt; d\n|}", "a | b\nc < d\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := wikitext.Convert(tt.in, opts)
			got := readable(r)
			if tt.want == "" { // only that the markers are gone
				if got == r.Markdown || len(r.Shortcodes) == 0 {
					t.Fatalf("no shortcode lines to drop in %q", r.Markdown)
				}
				for _, s := range r.Shortcodes {
					if s.Shows == "" && containsLine(got, s.Line) {
						t.Errorf("readable kept %q", s.Line)
					}
				}
				return
			}
			if got != tt.want {
				t.Errorf("readable(%q) = %q, want %q", r.Markdown, got, tt.want)
			}
		})
	}
}

func containsLine(s, line string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l == line {
			return true
		}
	}
	return false
}
