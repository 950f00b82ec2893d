package docdiff

import (
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // kind, level and text of each block
	}{
		{"heading levels", "# One\n\n### Three", []string{"heading 1 One", "heading 3 Three"}},
		{"entities and escapes", "&lt; a &amp;lt; b \\* c \\---", []string{"paragraph 0 < a &lt; b * c ---"}},
		{"soft breaks join", "one\ntwo", []string{"paragraph 0 one two"}},
		{"nested items", "- a\n  - b\n- c", []string{"item 1 a", "item 2 b", "item 1 c"}},
		{"item with two paragraphs", "- a\n\n  b", []string{"item 1 a b"}},
		{"box and body", "{{% note title=\"T &amp; \\\"q\\\"\" %}}\nbody\n{{% /note %}}\nafter",
			[]string{"box 0 T & \"q\"", "paragraph 0 body (in box)", "paragraph 0 after"}},
		{"wikihtml table", "{{< wikihtml >}}\n<table>\n<tr><th>Age</th><td>3<b>6</b></td></tr>\n</table>\n{{< /wikihtml >}}",
			[]string{"row 0 Age\t36"}},
		{"wikihtml lists and divs", "{{< wikihtml >}}\n<div><p>x</p><ul><li>a<ul><li>b</li></ul></li></ul></div>\n{{< /wikihtml >}}",
			[]string{"paragraph 0 x", "item 1 a", "item 2 b"}},
		{"raw html dropped", "<div>x</div>\n\ntext <b>bold</b>", []string{"paragraph 0 text bold"}},
		{"code keeps markup", "```\n**x** &lt;\n```", []string{"code 0 **x** &lt;"}},
		{"invalid utf-8 and nul", "a\xffb\x00c", []string{"paragraph 0 a\uFFFDb\uFFFDc"}},
		{"crlf", "# A\r\n\r\nb\r\n", []string{"heading 1 A", "paragraph 0 b"}},
		{"unclosed wikihtml", "{{< wikihtml >}}\n<p>x", []string{"paragraph 0 x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range Parse(docOf(tt.md)) {
				s := fmt.Sprintf("%s %d %s", b.Kind, b.Level, b.Text())
				if b.InBox {
					s += " (in box)"
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Parse(%q):\n got %q\nwant %q", tt.md, got, tt.want)
			}
		})
	}
}

func TestParseStyles(t *testing.T) {
	b := parseMD("a **b** *c* `d` ~~e~~ [f](/x) <https://g.example/>")
	if len(b) != 1 {
		t.Fatalf("want one block, got %d", len(b))
	}
	want := []Run{{"a ", Style{}}, {"b", Style{Strong: true}}, {" ", Style{}}, {"c", Style{Em: true}}, {" ", Style{}},
		{"d", Style{Code: true}}, {" ", Style{}}, {"e", Style{Strike: true}}, {" ", Style{}}, {"f", Style{Href: "/x"}},
		{" ", Style{}}, {"https://g.example/", Style{Href: "https://g.example/"}}}
	if fmt.Sprint(b[0].Runs) != fmt.Sprint(want) {
		t.Errorf("runs:\n got %v\nwant %v", b[0].Runs, want)
	}
}

func TestCompareOps(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // ops in order
	}{
		{"identical", "a\n\nb", "a\n\nb", "same same"},
		{"insert", "a", "a\n\nb", "same added"},
		{"delete", "a\n\nb", "b", "removed same"},
		{"edit", "the quick fox", "the slow fox", "changed"},
		{"unrelated replace", "alpha beta gamma", "one two three", "removed added"},
		{"swap items", "- one two three\n- four five six", "- four five six\n- one two three", "same moved"},
		{"short blocks never move", "# Goals\n\nx y z w\n\n# Other", "# Other\n\nx y z w\n\n# Goals", "removed same moved added"},
		{"link target only", "[a](/x)", "[a](/y)", "changed"},
		{"empty to text", "", "a", "added"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(docOf(tt.old), docOf(tt.new))
			var ops []string
			for _, e := range d.Entries {
				ops = append(ops, e.Op.String())
			}
			if got := strings.Join(ops, " "); got != tt.want {
				t.Errorf("ops = %q, want %q", got, tt.want)
			}
			if d.Changed() != (tt.old != tt.new) {
				t.Errorf("Changed() = %v", d.Changed())
			}
		})
	}
}

func TestContext(t *testing.T) {
	old := "p1\n\np2\n\np3\n\np4\n\np5 old\n\np6"
	new := "p1\n\np2\n\np3\n\np4\n\np5 new\n\np6"
	out := Compare(docOf(old), docOf(new)).HTML(Options{Context: 1})
	for _, want := range []string{"3 unchanged blocks not shown", ">p4<", ">p6<"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML with context 1 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ">p3<") {
		t.Errorf("p3 is beyond the context:\n%s", out)
	}
	if out := Compare(docOf("# A"), docOf("## A")).HTML(Options{HeadingOffset: 4}); !strings.Contains(out, "<h6 ") {
		t.Errorf("level 2 + 4 should be capped at h6:\n%s", out)
	}
}
