package wikitext

import (
	"strings"
	"testing"
)

// fixtureTemplates are the two stand-in templates of the fixture export
// (Template:Admon/note and Template:Admon/warning), copied verbatim.
var fixtureTemplates = fakeTemplates{
	"Template:Admon/note": `<div class="admonition admonition-note" style="margin: 0.5em 0; padding: 0.5em 1em; border: 1px solid #36c; background: #eef3fb;">
<div class="admonition-title" style="font-weight: bold;">{{{1|Note}}}</div>
<div class="admonition-text">{{{2|}}}</div>
</div><noinclude>
Stand-in for the Fedora wiki's admon/note box, written for this test fixture (it is not the original Fedora template). Usage: <code><nowiki>{{admon/note | Title | Text}}</nowiki></code>
</noinclude>`,
	"Template:Admon/warning": `<div class="admonition admonition-warning" style="margin: 0.5em 0; padding: 0.5em 1em; border: 1px solid #d33; background: #fdeeee;">
<div class="admonition-title" style="font-weight: bold;">{{{1|Warning}}}</div>
<div class="admonition-text">{{{2|}}}</div>
</div><noinclude>
Stand-in for the Fedora wiki's admon/warning box, written for this test fixture (it is not the original Fedora template). Usage: <code><nowiki>{{admon/warning | Title | Text}}</nowiki></code>
</noinclude>`,
}

func TestFixtureTemplatesExpand(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"note", "{{admon/note| This is a living document. | This document can be updated.\n}}",
			"This is a living document.\n\nThis document can be updated."},
		{"warning with = in text shows only the title",
			"{{admon/warning | This is a draft document! | text with ?p=32 }}",
			"This is a draft document!"},
		{"defaults", "{{Admon/warning}}", "Warning"},
		{"case and spaces", "{{ admon/note |T|x}}", "T\n\nx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Convert(tt.in, Options{Templates: fixtureTemplates})
			if got := strings.TrimSpace(res.Markdown); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if len(res.Diagnostics) != 0 {
				t.Errorf("unexpected diagnostics %v", res.Diagnostics)
			}
			checkSafe(t, res.Markdown)
		})
	}
}

func TestParserFunctions(t *testing.T) {
	tpl := fakeTemplates{
		"Template:Echo": "{{{1}}}",
		"Template:Sw":   "{{#switch:{{{1|}}}|a|b=AB|c=C|#default=D}}",
	}
	tests := []struct{ in, want string }{
		{"{{#if: x | yes | no }}", "yes"},
		{"{{#if:   | yes | no }}", "no"},
		{"{{#if: | yes }}", ""},
		{"{{#if:{{Echo| }}|yes|no}}", "no"},
		{"{{#ifeq: a | a | same | diff}}", "same"},
		{"{{#ifeq: a | b | same | diff}}", "diff"},
		{"{{#ifeq: 1.0 | 01 | num | str}}", "num"},
		{"{{#switch: b | a = A | b = B | #default = D}}", "B"},
		{"{{#switch: a | a | b = AB | c = C}}", "AB"},
		{"{{#switch: z | a = A | #default = D | last}}", "last"},
		{"{{#switch: z | a = A | #default = D }}", "D"},
		{"{{#switch: z | a = A }}", ""},
		{"{{#switch: 2 | 02 = two }}", "two"},
		{"{{Sw|a}} {{Sw|c}} {{Sw|q}} {{Sw}}", "AB C D D"},
		{"{{lc:ABC}} {{uc:abc}} {{ucfirst:abc}} {{lcfirst:ABC}}", "abc ABC Abc aBC"},
		{"{{#ifexist: Template:Echo | yes | no}} {{#ifexist: Template:Nope | yes | no}}", "yes no"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			res := Convert(tt.in, Options{Templates: tpl})
			if got := strings.TrimSpace(res.Markdown); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestArguments(t *testing.T) {
	tpl := fakeTemplates{
		"Template:Args": "[{{{1}}}][{{{2|def}}}][{{{k}}}][{{{k2|}}}]",
		"Template:Pass": "{{Args|{{{1}}}|k={{{x|none}}}}}",
	}
	tests := []struct{ in, want string }{
		// positional args keep their spaces; named ones are trimmed
		{"{{Args| a | b |k= v }}", `\[ a \]\[ b \]\[v\]\[\]`},
		{"{{Args|a}}", `\[a\]\[def\]\[&#123;&#123;&#123;k&#125;&#125;&#125;\]\[\]`},
		{"{{Args|a|2=two|k=1=2}}", `\[a\]\[two\]\[1=2\]\[\]`},
		{"{{Args|[[Link|x=y]]|k={{!}}}}", `\[[x=y](Link)\]\[def\]\[\|\]\[\]`},
		{"{{Pass|p|x=q}}", `\[p\]\[def\]\[q\]\[\]`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := strings.TrimSpace(Convert(tt.in, Options{Templates: tpl}).Markdown)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExpansionLimits(t *testing.T) {
	bomb := fakeTemplates{}
	for i := 0; i < 12; i++ {
		bomb["Template:B"+itoa(i)] = strings.Repeat("{{B"+itoa(i+1)+"}}", 10)
	}
	bomb["Template:B12"] = "boom "
	tests := []struct {
		name    string
		in      string
		tpl     fakeTemplates
		opts    Options
		diag    string
		maxSize int
	}{
		{name: "self inclusion", in: "{{Self}}", tpl: fakeTemplates{"Template:Self": "x{{Self}}y"}, diag: "template loop"},
		{name: "mutual recursion", in: "{{A}}", tpl: fakeTemplates{"Template:A": "{{B}}", "Template:B": "{{A}}"}, diag: "template loop"},
		{name: "depth", in: "{{D|0}}", tpl: fakeTemplates{"Template:D": "{{D{{{1}}}|{{{1}}}}}", "Template:D0": "{{D00}}"}, diag: ""},
		{name: "bomb", in: "{{B0}}", tpl: bomb, diag: "template expansion stopped", maxSize: 1 << 16},
		{name: "arg bomb", in: "{{R|" + strings.Repeat("x", 1000) + "}}", tpl: fakeTemplates{"Template:R": strings.Repeat("{{{1}}}", 5000)}, diag: "template expansion stopped", maxSize: 1 << 20},
	}
	chain := fakeTemplates{}
	for i := 0; i < 60; i++ {
		chain["Template:C"+itoa(i)] = "{{C" + itoa(i+1) + "}}"
	}
	tests = append(tests, struct {
		name    string
		in      string
		tpl     fakeTemplates
		opts    Options
		diag    string
		maxSize int
	}{name: "deep chain", in: "{{C0}}", tpl: chain, diag: "expansion depth exceeds 40"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Convert(tt.in, Options{Templates: tt.tpl, MaxSize: tt.maxSize})
			if tt.diag != "" && !hasDiag(res, tt.diag) {
				t.Errorf("no diagnostic %q in %v", tt.diag, res.Diagnostics)
			}
			if tt.diag != "" && !strings.Contains(res.Markdown, "⟦template:") {
				t.Errorf("no visible placeholder in %.200q", res.Markdown)
			}
			limit := max(tt.maxSize, defaultMaxSize)
			if len(res.Markdown) > 2*limit {
				t.Errorf("output of %d bytes exceeds twice the limit %d", len(res.Markdown), limit)
			}
		})
	}
}

func hasDiag(r Result, sub string) bool {
	for _, d := range r.Diagnostics {
		if strings.Contains(d.Message, sub) {
			return true
		}
	}
	return false
}

func TestPlaceholders(t *testing.T) {
	res := Convert("Before {{Unknown|a|b=c}} after {{CURRENTYEAR}}.", Options{WikiURL: "https://wiki.test/"})
	for _, want := range []string{"[Template:Unknown](https://wiki.test/Template:Unknown)", "*⟦template: CURRENTYEAR⟧*", "Before", "after"} {
		if !strings.Contains(res.Markdown, want) {
			t.Errorf("missing %q in %q", want, res.Markdown)
		}
	}
	if len(res.Diagnostics) != 2 {
		t.Errorf("want 2 diagnostics, got %v", res.Diagnostics)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"'''Sandra''' [[Main Page|Summers]]", "Sandra Summers"},
		{"SysAdmin&nbsp;MacGyver &amp; co", "SysAdmin MacGyver & co"},
		{"<span style=\"x\">\n  Joe   Franklin\n</span>", "Joe Franklin"},
		{"[https://example.org Site] and [[File:X.jpg]]", "Site and File:X.jpg"},
		{"a<!-- hidden -->b [[Category:Hidden]]", "ab"},
		{"{{admon/note|Title|Body}}", "Title Body"},
	}
	opts := Options{Shortcodes: map[string]string{"Admon/note": "note"}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := PlainText(tt.in, opts); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBoxKeepsTextWithTagAttributes: an "=" inside an HTML tag of a box's
// argument does not turn the argument into a named one, which would lose
// the box's whole body; the text is shown as text is elsewhere.
func TestBoxKeepsTextWithTagAttributes(t *testing.T) {
	opts := Options{Shortcodes: map[string]string{"Admon/warning": "warning"}}
	tests := []struct{ in, want string }{
		{`{{Admon/warning|Title|body <b onclick="x()">bold</b> text}}`, "{{% warning title=\"Title\" %}}\nbody **bold** text\n{{% /warning %}}\n"},
		{`{{Admon/warning|<img src=x onerror=alert(1)>|body text}}`, "{{% warning title=\"&lt;img src=x onerror=alert(1)&gt;\" %}}\nbody text\n{{% /warning %}}\n"},
		{`{{Admon/warning|Title|width=3}}`, "{{% warning title=\"Title\" width=\"3\" %}}\n{{% /warning %}}\n"},
	}
	for _, tt := range tests {
		if got := Convert(tt.in, opts).Markdown; got != tt.want {
			t.Errorf("Convert(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
