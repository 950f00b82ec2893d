package mirror

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTemplateNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "a {{admon/note | title | text}} b", []string{"Template:Admon/note"}},
		{"multiline", "{{admon/warning\n|title\n|text}}", []string{"Template:Admon/warning"}},
		{"explicit", "{{Template:foo bar}} {{template: foo_bar}}", []string{"Template:Foo bar"}},
		{"nested", "{{outer|{{inner}}}}", []string{"Template:Inner", "Template:Outer"}},
		{"parameter", "{{{1}}} {{{title|x}}}", nil},
		{"parser function", "{{#if: x | {{yes}} }}", []string{"Template:Yes"}},
		{"prefixes", "{{subst:foo}} {{msgnw:bar}} {{:Main Page}} {{User:X}}", nil},
		{"magic words", "{{PAGENAME}} {{!}} {{=}} {{CURRENTYEAR}}", nil},
		{"unclosed", "{{foo", nil},
		{"empty", "{{}} {{ | x}}", nil},
		{"duplicates", "{{a}}{{A}}{{a|b}}", []string{"Template:A"}},
		{"bad title characters", "{{a[b]}} {{a<b>}}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := templateNames([]byte(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("templateNames(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzTemplateNames(f *testing.F) {
	for _, seed := range []string{"{{a|b}}", "{{{1}}}", "{{#if:x|{{y}}}}", "{{Template:Z}}", "{{{{x}}}}", "{{\xff}}"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		names := templateNames(text)
		if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
			t.Fatalf("names not sorted and unique: %q", names)
		}
		for _, n := range names {
			if !strings.HasPrefix(n, "Template:") || len(n) == len("Template:") || strings.ContainsAny(n, "{}|[]<>#\n") {
				t.Fatalf("bad template title %q from %q", n, text)
			}
			if utf8.ValidString(string(text)) && !utf8.ValidString(n) {
				t.Fatalf("invalid UTF-8 title %q from valid text", n)
			}
		}
	})
}
