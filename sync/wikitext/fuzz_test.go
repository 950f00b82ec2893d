package wikitext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzConvert checks that any input converts without panic into valid,
// safe Markdown of bounded size. The seed corpus lives in
// testdata/fuzz/FuzzConvert; crashers found by -fuzz are kept there.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"", "''", "{{", "[[", "{|", "<pre>", "&#", "==", "*#:;",
		"<ref>", "<ref name=a/><references/>", "{{#expr:", "{{#time:", "<gallery>\nA|b", "<math>", "<syntaxhighlight lang=x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		opts := Options{
			WikiURL:    "https://wiki.example/",
			Shortcodes: map[string]string{"Admon/note": "note", "Admon/warning": "warning"},
		}
		res := Convert(in, opts)
		if utf8.ValidString(in) && !utf8.ValidString(res.Markdown) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		// Output stays linear in the input when no templates are given.
		if limit := 64*len(in) + 1024; len(res.Markdown) > limit {
			t.Fatalf("output %d bytes for input %d bytes", len(res.Markdown), len(in))
		}
		checkSafe(t, res.Markdown)
		if strings.ContainsAny(res.Markdown, markOpen+markClose) {
			t.Fatalf("strip marker leaked into output: %q", res.Markdown)
		}
		PlainText(in, opts)
	})
}
