package wikitext

import (
	"strings"
)

// mdRenderer writes blocks as Markdown.
type mdRenderer struct{ c *converter }

func (r mdRenderer) blocks(blocks []block) string {
	parts := make([]string, 0, len(blocks))
	for _, b := range blocks {
		if s := r.block(b); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

func (r mdRenderer) block(b block) string {
	switch x := b.(type) {
	case *paragraph:
		md := escapeLines(r.inlines(x.inl, true))
		if hasEmphasis(x.inl) && !r.emphasisHolds(md, x.inl) {
			return r.wikiHTML(strings.TrimSuffix(htmlRenderer(r).block(x), "\n"))
		}
		return md
	case *heading:
		text := strings.TrimSpace(r.inlines(x.inl, false))
		if strings.HasSuffix(text, "#") { // a closing "#" run would be eaten
			text = text[:len(text)-1] + "\\#"
		}
		return strings.Repeat("#", x.level) + " " + text
	case *list:
		if x.kind == ';' {
			// Markdown has no term-less definition, MediaWiki's ":" indent.
			return "{{< wikihtml >}}\n" + htmlRenderer(r).list(x) + "{{< /wikihtml >}}"
		}
		if !r.listHolds(x) {
			return r.wikiHTML(strings.TrimSuffix(htmlRenderer(r).list(x), "\n"))
		}
		return r.list(x, false)
	case *table:
		if simpleTable(x) && r.cellsHold(x) {
			return r.gfmTable(x)
		}
		return r.wikiHTML(htmlRenderer(r).block(x))
	case *preBlock:
		return r.pre(x)
	case *rule:
		return "---"
	case *shortcodeBlock:
		return r.shortcode(x.tk)
	case *container:
		return r.blocks(x.blocks)
	case *noteBlock:
		return "{{< wikihtml >}}\n" + x.html(htmlRenderer(r)) + "{{< /wikihtml >}}"
	}
	return ""
}

var lineStartSpecial = func() (t [256]bool) {
	for _, b := range []byte("#>-+= \t0123456789") {
		t[b] = true
	}
	return t
}()

// escapeLines applies line-start escaping to each line of rendered text.
func escapeLines(s string) string {
	if !strings.Contains(s, "\n") {
		if s != "" && !lineStartSpecial[s[0]] {
			return s
		}
		return escapeLineStart(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

func (r mdRenderer) pre(p *preBlock) string {
	text := p.text
	if p.inl != nil {
		var b strings.Builder
		writePlain(r.c, &b, p.inl)
		text = b.String()
	}
	text = strings.TrimRight(text, "\n")
	if strings.Contains(text, "{{") || strings.Contains(text, "}}") || strings.Contains(text, markOpen) {
		return r.wikiHTML("<pre>" + escapeHTML(text) + "</pre>")
	}
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + p.lang + "\n" + text + "\n" + fence
}

func (r mdRenderer) shortcode(tk *token) string {
	var b strings.Builder
	b.WriteString("{{% ")
	b.WriteString(tk.name)
	b.WriteString(` title="`)
	title := r.c.plainOf(tk.title)
	b.WriteString(escapeParam(title))
	b.WriteString(`"`)
	for _, p := range tk.params {
		b.WriteString(" " + p[0] + `="` + escapeParam(r.c.plainOf(p[1])) + `"`)
	}
	b.WriteString(" %}}")
	r.c.shortcodeLine(b.String(), strings.ToUpper(tk.name[:1])+tk.name[1:]+": "+title)
	b.WriteString("\n")
	if body := r.blocks(r.c.parseBlocks(tk.body, 0)); body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	end := "{{% /" + tk.name + " %}}"
	r.c.shortcodeLine(end, "")
	b.WriteString(end)
	return b.String()
}

// wikiHTML wraps raw HTML in the wikihtml shortcode's lines.
func (r mdRenderer) wikiHTML(html string) string {
	r.c.shortcodeLine(wikiHTMLOpen, "")
	r.c.shortcodeLine(wikiHTMLClose, "")
	return wikiHTMLOpen + "\n" + html + "\n" + wikiHTMLClose
}

const (
	wikiHTMLOpen  = "{{< wikihtml >}}"
	wikiHTMLClose = "{{< /wikihtml >}}"
)

func (r mdRenderer) list(l *list, nested bool) string {
	var items []string
	for _, it := range l.items {
		items = append(items, r.item(it, nested))
	}
	if l.kind == ';' {
		return strings.Join(items, "\n\n")
	}
	return strings.Join(items, "\n")
}

func (r mdRenderer) item(it *listItem, nested bool) string {
	body := escapeLines(r.inlines(it.inl, true))
	kids := make([]string, 0, len(it.children))
	for _, ch := range it.children {
		if l, ok := ch.(*list); ok {
			kids = append(kids, r.list(l, it.kind == '*' || it.kind == '#' || nested))
		} else {
			kids = append(kids, r.block(ch))
		}
	}
	switch it.kind {
	case '*', '#':
		marker := "- "
		if it.kind == '#' {
			marker = "1. "
		}
		s := body
		for k, kid := range kids {
			sep := "\n"
			if l, ok := it.children[k].(*list); !ok || l.kind == ';' {
				sep = "\n\n" // a paragraph of its own, not a lazy continuation
			}
			s += sep + kid
		}
		return marker + indent(s, strings.Repeat(" ", len(marker)))
	case ';':
		if body != "" && !hasKind(it.inl, inStrong) {
			body = "**" + body + "**"
		}
		return joinNonEmpty(body, strings.Join(kids, "\n\n"))
	}
	s := joinNonEmpty(body, strings.Join(kids, "\n\n"))
	if nested {
		return s
	}
	return indent("> "+s, "> ")
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// indent prefixes every line but the first with pre (blank lines stay blank
// unless pre is a quote marker).
func indent(s, pre string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" || strings.TrimSpace(pre) != "" {
			lines[i] = pre + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func (r mdRenderer) gfmTable(t *table) string {
	cols := 0
	for _, row := range t.rows {
		cols = max(cols, len(row.cells))
	}
	var b strings.Builder
	if len(t.caption) > 0 {
		b.WriteString(escapeLines(r.inlines(t.caption, false)) + "\n\n")
	}
	for i, row := range t.rows {
		b.WriteString("|")
		for k := 0; k < cols; k++ {
			text := ""
			if k < len(row.cells) && len(row.cells[k].blocks) == 1 {
				text = r.inlines(row.cells[k].blocks[0].(*paragraph).inl, false)
			}
			b.WriteString(" " + strings.TrimSpace(text) + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// inlines renders inline nodes; breaks become hard line breaks only where
// the context allows several lines.
func (r mdRenderer) inlines(nodes []*inline, multiline bool) string {
	var b strings.Builder
	for _, n := range nodes {
		r.inline(&b, n, multiline)
	}
	return b.String()
}

func (r mdRenderer) inline(b *strings.Builder, n *inline, ml bool) {
	switch n.kind {
	case inText:
		b.WriteString(escapeMD(n.text))
	case inStrong:
		r.wrap(b, "**", n.children, ml)
	case inEm:
		r.wrap(b, "*", n.children, ml)
	case inDel:
		r.wrap(b, "~~", n.children, ml)
	case inCode:
		r.code(b, n, ml)
	case inMath:
		r.math(b, n, ml)
	case inLink:
		text := strings.TrimSpace(r.inlines(n.children, false))
		if n.url == "" {
			b.WriteString(text)
			return
		}
		if text == "" {
			text = escapeMD(n.url)
		}
		b.WriteString("[" + text + "](" + escapeURL(n.url) + ")")
	case inBreak:
		if ml {
			b.WriteString("\\\n")
		} else {
			b.WriteByte(' ')
		}
	case inPlaceholder:
		b.WriteString("*" + escapeMD(n.text) + "*")
	case inImage:
		b.WriteString("![" + escapeMD(n.text) + "](" + escapeURL(n.url) + ")")
	case inBlock:
		r.inlineBlock(b, n.blk)
	default:
		for _, ch := range n.children {
			r.inline(b, ch, ml)
		}
	}
}

// wrap writes delimited emphasis with the whitespace moved outside, since
// CommonMark does not accept "** x**".
func (r mdRenderer) wrap(b *strings.Builder, delim string, children []*inline, ml bool) {
	inner := r.inlines(children, ml)
	t := strings.TrimSpace(inner)
	if t == "" {
		b.WriteString(inner)
		return
	}
	lead := inner[:len(inner)-len(strings.TrimLeft(inner, " \t\n"))]
	trail := inner[len(strings.TrimRight(inner, " \t\n")):]
	b.WriteString(lead + delim + t + delim + trail)
}

func (r mdRenderer) code(b *strings.Builder, n *inline, ml bool) {
	var text strings.Builder
	for _, ch := range n.children {
		if ch.kind != inText {
			for _, ch := range n.children {
				r.inline(b, ch, ml)
			}
			return
		}
		text.WriteString(ch.text)
	}
	s := strings.ReplaceAll(text.String(), "\n", " ")
	if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "{}|<") {
		b.WriteString(escapeMD(s))
		return
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' || s[len(s)-1] == ' ' {
		pad = " "
	}
	b.WriteString(fence + pad + s + pad + fence)
}

// inlineBlock renders a block found where only inline content fits.
func (r mdRenderer) inlineBlock(b *strings.Builder, bl block) {
	switch x := bl.(type) {
	case *shortcodeBlock:
		b.WriteString(" **" + escapeMD(r.c.plainOf(x.tk.title)) + "** " + escapeMD(r.c.plainOf(x.tk.body)) + " ")
	case *preBlock:
		var t strings.Builder
		writePlainBlock(r.c, &t, x)
		b.WriteString(" " + escapeMD(t.String()) + " ")
	default:
		b.WriteByte(' ')
	}
}
