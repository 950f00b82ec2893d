package worddiff

import (
	"regexp"
	"testing"
)

func TestClassify(t *testing.T) {
	// stripBold is a stand-in for a converter's plain text: it drops
	// wikitext bold and italic quotes.
	quotes := regexp.MustCompile(`''+`)
	stripBold := func(s string) string { return quotes.ReplaceAllString(s, "") }
	tests := []struct {
		name     string
		old, new string
		visible  func(string) string
		want     Class
	}{
		{"identical", "a b", "a b", nil, Identical},
		{"both empty", "", "", nil, Identical},
		{"spaces", "a b\n", "a  b  \n", nil, WhitespaceOnly},
		{"blank lines", "a\n\n\nb", "a\nb\n", nil, WhitespaceOnly},
		{"crlf", "a\r\nb\r\n", "a\nb\n", nil, WhitespaceOnly},
		{"joined words", "foo bar", "foobar", nil, Substantive},
		{"age", "| 35", "| 36", nil, Substantive},
		{"bold without visible", "'''Sandra'''", "Sandra", nil, Substantive},
		{"bold with visible", "'''Sandra'''", "Sandra", stripBold, MarkupOnly},
		{"bold and spaces", "'''Sandra''' Summers", "Sandra  Summers", stripBold, MarkupOnly},
		{"visible change", "'''Sandra'''", "Sandy", stripBold, Substantive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.old, tt.new, tt.visible); got != tt.want {
				t.Errorf("Classify(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
			}
		})
	}
}
