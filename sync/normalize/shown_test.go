package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShownLine(t *testing.T) {
	tests := []struct {
		name, line string
		inHTML     bool
		want       string
		hidden     bool
	}{
		{name: "escaped angle brackets", line: "&lt; description of a typical work day goes here. >", want: "< description of a typical work day goes here. >"},
		{name: "escaped rule", line: `\---`, want: "---"},
		{name: "escaped list marker", line: `1\. not a list`, want: "1. not a list"},
		{name: "heading", line: "#### Work Description", want: "Work Description"},
		{name: "emphasis and link", line: "**Joe** works at [a bank](https://example.org/) *daily*", want: "Joe works at a bank (https://example.org/) daily"},
		{name: "bare link shown once", line: "see <https://example.org/>", want: "see https://example.org/"},
		{name: "list item keeps its indent", line: "  - nested item", want: "  • nested item"},
		{name: "backslash escapes", line: `a\_b \*c\* \[d\]`, want: "a_b *c* [d]"},
		{name: "shortcode delimiters as entities", line: "&#123;&#123;< x >&#125;&#125;", want: "{{< x >}}"},
		{name: "entity", line: "Tom &amp; Jerry", want: "Tom & Jerry"},
		{name: "image", line: "![a synthetic chart](c.png)", want: "a synthetic chart"},
		{name: "table row", line: "| Age | 36 \\| 37 |", want: "Age | 36 | 37"},
		{name: "table separator", line: "| --- | :---: |", hidden: true},
		{name: "raw HTML table row", line: "<tr><th>Age</th><td>36 &amp; up</td></tr>", inHTML: true, want: "Age | 36 & up"},
		{name: "raw HTML pre", line: "<pre>&lt;b&gt; &#123;&#123;</pre>", inHTML: true, want: "<b> {{"},
		{name: "blank", line: "", want: ""},
		{name: "raw HTML tags alone", line: "<table class=\"wikitable\">", inHTML: true, hidden: true},
		{name: "quote", line: "> quoted", want: "quoted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := shownLine(tt.line, tt.inHTML)
			if ok == tt.hidden || ok && got != tt.want {
				t.Errorf("shownLine(%q, %v) = %q, %v; want %q, %v", tt.line, tt.inHTML, got, ok, tt.want, !tt.hidden)
			}
		})
	}
}

// FuzzShownLine: any line gives valid UTF-8 on one line.
func FuzzShownLine(f *testing.F) {
	for _, s := range []string{"&lt; a >", `\---`, "| a | b |", "<tr><td>x</td></tr>", "**b** [l](u)", "- item", "&#123;&#123;<"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, line string, inHTML bool) {
		if strings.Contains(line, "\n") || !utf8.ValidString(line) {
			t.Skip()
		}
		got, _ := shownLine(line, inHTML)
		if !utf8.ValidString(got) || strings.Contains(got, "\n") {
			t.Errorf("shownLine(%q, %v) = %q", line, inHTML, got)
		}
	})
}

// TestShownLinesRemembers: the memo answers as shownLine does, the second
// time from the map, and a nil memo still answers.
func TestShownLinesRemembers(t *testing.T) {
	lines := []struct {
		line   string
		inHTML bool
	}{
		{`&lt; description goes here. >`, false},
		{`\--- a rule that is text`, false},
		{`| a | b |`, false},
		{`|---|---|`, false},
		{`<td>cell</td>`, true},
		{``, false},
	}
	s := newShownLines()
	for round := range 2 {
		for _, l := range lines {
			wantText, wantOK := shownLine(l.line, l.inHTML)
			for name, memo := range map[string]*shownLines{"memo": s, "nil": nil} {
				text, ok := memo.line(l.line, l.inHTML)
				if text != wantText || ok != wantOK {
					t.Errorf("round %d, %s: line(%q, %v) = %q, %v; want %q, %v", round, name, l.line, l.inHTML, text, ok, wantText, wantOK)
				}
			}
		}
	}
	if len(s.m) != len(lines) {
		t.Errorf("memo holds %d lines, want %d", len(s.m), len(lines))
	}
}
