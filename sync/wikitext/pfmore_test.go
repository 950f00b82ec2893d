package wikitext

import (
	"testing"
	"time"
)

func TestMoreParserFunctions(t *testing.T) {
	rev := Revision{ID: 1, Timestamp: time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)}
	tests := []struct{ in, want string }{
		{"{{#expr:1+2}}", "3"},
		{"{{#expr:2*3-1}}", "5"},
		{"{{#expr:(4+4)/2}}", "4"},
		{"{{#expr:7 mod 3}}", "1"},
		{"{{#expr:2^3}}", "8"},
		{"{{#expr:1/3}}", "0.33333333333333"},
		{"{{#expr:-2 + 3 * 4}}", "10"},
		{"{{#expr:2.567 round 1}}", "2.6"},
		{"{{#expr:1e3}}", "1000"},
		{"{{#expr:3 > 2 and not 0}}", "1"},
		{"{{#expr:1/0}}", "Expression error: Division by zero."},
		{"{{#expr:(1}}", "Expression error: Unclosed bracket."},
		{"{{#expr:foo}}", `Expression error: Unrecognized word "foo".`},
		{"{{#expr:}}", ""},
		{"{{#ifexpr:1 > 2|yes|no}}", "no"},
		{"{{#ifexpr:3 = 3|yes|no}}", "yes"},
		{"{{#time:Y|2021-03-04}}", "2021"},
		{"{{#time:j F Y|2021-03-04}}", "4 March 2021"},
		{"{{#time:Y-m-d}}", "2021-03-04"},
		{`{{#time:"week" W, l|2021-03-04}}`, "week 9, Thursday"},
		{"{{#time:Y|not a date}}", "Error: Invalid time."},
		{"{{#tag:b|bold}}", "bold"},
		{"{{#titleparts:A/B/C|1}}", "A"},
		{"{{#titleparts:A/B/C|-1}}", "A/B"},
		{"{{#titleparts:talk:x/y/z|1|2}}", "y"},
		{"{{#titleparts:A/B/C||-1}}", "C"},
		{"a{{DISPLAYTITLE:''Shown''}}b", "ab"},
		{"{{#invoke:Mod|main|x}}", "{{#invoke:Mod|main|x}}"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := PlainText(tt.in, Options{Revision: rev}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := Convert("{{DISPLAYTITLE:''Shown'' title}}", Options{}).DisplayTitle; got != "Shown title" {
		t.Errorf("DisplayTitle = %q, want %q", got, "Shown title")
	}
	if got := Convert("{{#tag:b|bold}}", Options{}).Markdown; got != "**bold**\n" {
		t.Errorf("#tag:b = %q, want bold", got)
	}
}

func TestTOC(t *testing.T) {
	four := "== a ==\n== b ==\n=== c ===\n== d ==\n"
	tests := []struct {
		in   string
		want bool
	}{
		{"== a ==\n== b ==\n== c ==\n", false},
		{four, true},
		{"__NOTOC__\n" + four, false},
		{"__TOC__\n== a ==\n", true},
		{"__FORCETOC__\ntext", true},
	}
	for _, tt := range tests {
		if got := Convert(tt.in, Options{}).TOC; got != tt.want {
			t.Errorf("TOC of %q = %v, want %v", tt.in, got, tt.want)
		}
	}
}
