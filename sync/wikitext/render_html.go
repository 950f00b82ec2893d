package wikitext

import (
	"strconv"
	"strings"
)

// htmlRenderer writes blocks as HTML from the allow-list the site renders
// verbatim inside {{< wikihtml >}}: no attributes but numeric spans and
// safe hrefs, all text escaped.
type htmlRenderer struct{ c *converter }

func (r htmlRenderer) blocks(blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(r.block(bl))
	}
	return b.String()
}

// cellContent renders a lone paragraph without <p>, as MediaWiki does.
func (r htmlRenderer) cellContent(blocks []block) string {
	if len(blocks) == 1 {
		if p, ok := blocks[0].(*paragraph); ok {
			return r.inlines(p.inl)
		}
	}
	return r.blocks(blocks)
}

func (r htmlRenderer) block(bl block) string {
	switch x := bl.(type) {
	case *paragraph:
		return "<p>" + r.inlines(x.inl) + "</p>\n"
	case *heading:
		return "<p><strong>" + r.inlines(x.inl) + "</strong></p>\n"
	case *list:
		return r.list(x)
	case *table:
		return r.table(x)
	case *preBlock:
		if x.inl != nil {
			return "<pre>" + r.inlines(x.inl) + "</pre>\n"
		}
		return "<pre>" + escapeHTML(x.text) + "</pre>\n"
	case *rule:
		return "<hr>\n"
	case *shortcodeBlock:
		return "<div><p><strong>" + escapeHTML(r.c.plainOf(x.tk.title)) + "</strong></p>" +
			r.blocks(r.c.parseBlocks(x.tk.body, 0)) + "</div>\n"
	case *container:
		return r.blocks(x.blocks)
	case *noteBlock:
		return x.html(r)
	}
	return ""
}

func (r htmlRenderer) list(l *list) string {
	open, close := "<ul>", "</ul>"
	switch l.kind {
	case '#':
		open, close = "<ol>", "</ol>"
	case ';':
		open, close = "<dl>", "</dl>"
	}
	var b strings.Builder
	b.WriteString(open)
	for _, it := range l.items {
		el := "li"
		switch it.kind {
		case ';':
			el = "dt"
		case ':':
			el = "dd"
		}
		b.WriteString("<" + el + ">" + r.inlines(it.inl) + r.blocks(it.children) + "</" + el + ">")
	}
	b.WriteString(close + "\n")
	return b.String()
}

func (r htmlRenderer) table(t *table) string {
	var b strings.Builder
	b.WriteString("<table>\n")
	if len(t.caption) > 0 {
		b.WriteString("<caption>" + r.inlines(t.caption) + "</caption>\n")
	}
	for _, row := range t.rows {
		b.WriteString("<tr>")
		for _, cell := range row.cells {
			el := "td"
			if cell.header {
				el = "th"
			}
			b.WriteString("<" + el)
			if cell.rowspan > 1 {
				b.WriteString(` rowspan="` + strconv.Itoa(cell.rowspan) + `"`)
			}
			if cell.colspan > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(cell.colspan) + `"`)
			}
			b.WriteString(">" + strings.TrimSpace(r.cellContent(cell.blocks)) + "</" + el + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>")
	return b.String()
}

func (r htmlRenderer) inlines(nodes []*inline) string {
	var b strings.Builder
	for _, n := range nodes {
		r.inline(&b, n)
	}
	return b.String()
}

var htmlElements = map[inlineKind]string{
	inStrong: "strong", inEm: "em", inCode: "code", inMath: "code", inDel: "s",
	inIns: "u", inSup: "sup", inSub: "sub",
}

func (r htmlRenderer) inline(b *strings.Builder, n *inline) {
	switch n.kind {
	case inText:
		b.WriteString(escapeHTML(n.text))
	case inLink:
		text := r.inlines(n.children)
		if n.url == "" || !safeURL(n.url) {
			b.WriteString(text)
			return
		}
		b.WriteString(`<a href="` + escapeHTML(n.url) + `"`)
		if n.external {
			b.WriteString(` rel="nofollow"`)
		}
		b.WriteString(">" + text + "</a>")
	case inBreak:
		b.WriteString("<br>")
	case inPlaceholder:
		b.WriteString("<em>" + escapeHTML(n.text) + "</em>")
	case inImage:
		b.WriteString(`<img src="` + escapeHTML(n.url) + `" alt="` + escapeHTML(n.text) + `">`)
	case inBlock:
		if n.blk == nil {
			b.WriteString(" ")
			return
		}
		b.WriteString("<div>" + r.block(n.blk) + "</div>")
	default:
		if el, ok := htmlElements[n.kind]; ok {
			b.WriteString("<" + el + ">" + r.inlines(n.children) + "</" + el + ">")
			return
		}
		b.WriteString(r.inlines(n.children))
	}
}
