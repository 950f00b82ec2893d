package wikitext

import (
	"regexp"
	"strings"
	"testing"
)

const hostilePage = `---
title: injected
---
+++
<script>alert(1)</script>
<img src=x onerror=alert(1)>
[javascript:alert(1) x]
[JaVaScRiPt:alert(1)]
<span style="background:url(javascript:alert(1))">styled</span>
<div onclick="x">clicky</div>
<a href="javascript:alert(1)">a tag</a>
{{admon/note|<b onmouseover=alert(1)>t</b>|<script>alert(2)</script>}}
{{Admon/note|&lt;/x&gt;&#34;&#37;&#125;&#125;{{!}}|body}}
{{< shortcode >}} and {{% x %}} and &#123;&#123;< y >&#125;&#125;
[data:text/html;base64,PHNjcmlwdD4= data] data:text/html,x
[vbscript:msgbox(1) vb]
<iframe src="https://evil.example"></iframe><style>*{}</style>
{| onclick="x" style="color:red"
! style="x" onmouseover="y" | h
|-
| colspan="2" onclick=z | <script>c</script> [javascript:x y]
|}
{{Evil}}
{<span/>{% x %}} and {<span></span>{< y >}} and }<b></b>}
a<ref name='"><script>x</script>' group="<b onclick=y>">note <script>z</script> {{< sc >}}</ref>
{{#tag:script|alert(3)}} {{#tag:ref|<img src=x onerror=y>}} {{#tag:a|x|href=javascript:alert(4)}}
<references group="<b onclick=y>"/>
<gallery>
File:X.png|<script>g</script> [javascript:alert(5) g]
</gallery>
[[File:X.png|thumb|<span onclick=f>cap</span>]]
<syntaxhighlight lang="go&quot;><script>">x</syntaxhighlight>
<math>\href{javascript:alert(6)}{x}</script></math>

''q'''<script>r</script>''[javascript:alert(7) j]'''<span onclick=s>t</span> {{< u >}}''

`

func TestHostilePage(t *testing.T) {
	opts := Options{
		WikiURL:    "https://wiki.example/",
		Shortcodes: map[string]string{"Admon/note": "note"},
		Templates: fakeTemplates{
			"Template:Evil": `<div class="x" style="position:fixed" onclick="e">{{{1|<script>t()</script>}}}</div>`,
		},
		Link: func(string) string { return "javascript:alert(1)" },
	}
	res := Convert(hostilePage+"[[Some page|link]]", opts)
	md := res.Markdown
	checkSafe(t, md)
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)<script`),
		regexp.MustCompile(`(?i)<[^>]*\son[a-z]+=`),
		regexp.MustCompile(`(?i)style=`),
		regexp.MustCompile(`(?i)\]\((javascript|data|vbscript):`),
		regexp.MustCompile(`(?m)^(---|\+\+\+)\s*$`),
	} {
		if loc := bad.FindStringIndex(md); loc != nil {
			t.Errorf("output holds %q near %q", bad.String(), md[max(0, loc[0]-20):min(len(md), loc[1]+20)])
		}
	}
	// The text itself stays visible, as MediaWiki shows disallowed tags.
	for _, want := range []string{`&lt;script>alert(1)&lt;/script>`, "clicky", "styled", `\[javascript:alert(1) x\]`} {
		if !strings.Contains(md, want) {
			t.Errorf("output lacks visible text %q:\n%s", want, md)
		}
	}
	// Shortcode delimiters appear only in the lines we emit.
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "{{%") && !strings.HasPrefix(line, "{{% note ") && line != "{{% /note %}}" {
			t.Errorf("foreign shortcode line %q", line)
		}
		if strings.Contains(line, "{{<") && line != "{{< wikihtml >}}" && line != "{{< /wikihtml >}}" {
			t.Errorf("foreign shortcode line %q", line)
		}
	}
	// Touching apostrophes take the HTML path, which escapes as the rest.
	if !strings.Contains(md, "<em>q<strong>&lt;script&gt;r&lt;/script&gt;</strong></em>") {
		t.Errorf("touching apostrophes not written as escaped HTML:\n%s", md)
	}
	// An unsafe URL from Options.Link falls back to the wiki.
	if !strings.Contains(md, "](https://wiki.example/Some_page)") {
		t.Errorf("unsafe Link result not replaced by the wiki URL:\n%s", md)
	}
}

// TestShortcodeTitleCannotEscape feeds titles that try to end the
// shortcode. A literal "}}" ends the template call itself (MediaWiki's rule),
// so hostile text reaches the title through entities and nowiki.
func TestShortcodeTitleCannotEscape(t *testing.T) {
	opts := Options{Shortcodes: map[string]string{"N": "note"}}
	for _, title := range []string{
		`&#34; &#37;&#125;&#125;&#123;&#123;&#37; evil &#34;`,
		`<nowiki>" %}}{{% x</nowiki>`,
		`<nowiki>\" >}}{{< y</nowiki>`,
		`x&#34; y&#61;&#34;z`,
		`a\`,
	} {
		t.Run(title, func(t *testing.T) {
			md := Convert("{{N|"+title+"|body}}", opts).Markdown
			lines := strings.Split(strings.TrimSpace(md), "\n")
			if len(lines) != 3 || lines[1] != "body" || lines[2] != "{{% /note %}}" {
				t.Fatalf("shortcode broken open:\n%s", md)
			}
			if !ourShortcode.MatchString(lines[0]) || strings.Count(lines[0], "%}}") != 1 || strings.Count(lines[0], "{{") != 1 {
				t.Fatalf("title escapes the shortcode: %s", lines[0])
			}
			checkSafe(t, md)
		})
	}
}
