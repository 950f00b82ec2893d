package wikitext

import "strings"

// codeLanguage is the lang of <syntaxhighlight lang=…> or <source lang=…>,
// given to the Markdown fence so that Hugo highlights it with Chroma;
// "" for other tags and for a name that is no plain language name, which
// Chroma could not know and which must not reach the fence line.
func codeLanguage(tg tag) string {
	if tg.name != "syntaxhighlight" && tg.name != "source" {
		return ""
	}
	lang := strings.ToLower(parseAttrs(tg.attrs)["lang"])
	if lang == "" || len(lang) > 32 {
		return ""
	}
	for i := 0; i < len(lang); i++ {
		if ch := lang[i]; !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '+' || ch == '.') {
			return ""
		}
	}
	return lang
}

// math writes TeX source as a code span. TeX is full of braces, which
// code() avoids in general; in a code span only a shortcode delimiter
// ("{{" with "<" or "%"), "|" (a table cell) and "<" need care, so a
// formula without them keeps its braces and backslashes as written.
func (r mdRenderer) math(b *strings.Builder, n *inline, ml bool) {
	var text strings.Builder
	writePlain(r.c, &text, n.children)
	s := strings.ReplaceAll(text.String(), "\n", " ")
	if strings.TrimSpace(s) == "" || strings.Contains(s, "{{") || strings.Contains(s, "}}") || strings.ContainsAny(s, "|<`") {
		r.code(b, &inline{kind: inCode, children: n.children}, ml)
		return
	}
	b.WriteString("`" + s + "`")
}
