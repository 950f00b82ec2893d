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
		"<ref>", "<ref name=a/><references/>", "{{#expr:", "{{#time:", "<gallery>\nA|b", "<math>", "<syntaxhighlight lang=x>",
		"[[File:A.png|alt=x''y''|c]]", "[[Image:B.png|thumb|alt=<b>]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		opts := Options{
			WikiURL:    "https://wiki.example/",
			Shortcodes: map[string]string{"Admon/note": "note", "Admon/warning": "warning"},
			// One file shown, one the wiki lacks: both paths are fuzzed.
			Files: map[string]File{"File:A.png": {Src: "/files/0123456789abcdef0123456789abcdef01234567.png"}, "File:B.png": {}},
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

// FuzzConvertTemplates is FuzzConvert with templates: the fuzzer writes
// both the page and a template it may call (directly, through another
// template, a shortcode's argument or #ifexist), and the checks add that
// expansion stays within MaxSize and that every missing page reported was
// looked up.
func FuzzConvertTemplates(f *testing.F) {
	for _, s := range [][2]string{
		{"{{A|x}}", "<b>{{{1}}}</b>"},
		{"{{B}}", "{{A|{{A}}}}"},
		{"{{A}}{{:Synthetic}}", "{{#ifexist:Template:Missing|yes|no}}{{Missing}}"},
		{"{{Admon/note|{{A}}|body}}", "'''title'''"},
		{"{{A}}", "{{A}}"},
		{"{{A|{{A|{{A}}}}}}", "{{{1}}}{{{1}}}{{{1}}}{{{1}}}"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, page, tmpl string) {
		const maxSize = 1 << 16
		opts := Options{
			WikiURL:    "https://wiki.example/",
			Shortcodes: map[string]string{"Admon/note": "note"},
			Templates:  map[string]string{"Template:A": tmpl, "Template:B": "[[{{A|{{{1|}}}}}]]", "Synthetic": "{{A}}"},
			MaxSize:    maxSize,
		}
		res := Convert(page, opts)
		if utf8.ValidString(page) && utf8.ValidString(tmpl) && !utf8.ValidString(res.Markdown) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		if limit := 64*(len(page)+maxSize) + 1024; len(res.Markdown) > limit {
			t.Fatalf("output %d bytes for input %d bytes and MaxSize %d", len(res.Markdown), len(page), maxSize)
		}
		checkSafe(t, res.Markdown)
		if strings.ContainsAny(res.Markdown, markOpen+markClose) {
			t.Fatalf("strip marker leaked into output: %q", res.Markdown)
		}
		looked := map[string]bool{}
		for _, p := range res.Pages {
			looked[p] = true
		}
		for _, m := range res.Missing {
			if !looked[m] {
				t.Fatalf("missing %q was never looked up (%q)", m, res.Pages)
			}
			if _, ok := opts.Templates[m]; ok {
				t.Fatalf("%q reported missing but given", m)
			}
		}
		for _, s := range res.Shortcodes {
			if !strings.Contains(res.Markdown, s.Line) {
				t.Fatalf("shortcode line %q not in the output", s.Line)
			}
		}
		Plain(page, opts)
	})
}
