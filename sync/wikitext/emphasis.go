package wikitext

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// MediaWiki nests bold and italic wherever apostrophe runs meet
// (''a'''b''c'''), but Markdown's emphasis follows flanking rules: a
// delimiter after punctuation and before a letter cannot close, and
// delimiters that touch merge into one run. Rather than re-implement
// CommonMark's delimiter algorithm, the converter asks goldmark — the
// parser Hugo renders with, configured as Hugo's is for inline text — how
// it reads a paragraph's Markdown, and writes the paragraph through the
// allow-listed HTML path when the emphasis would come out different.

var emphasisChecker = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify))

// emphasisHolds reports whether goldmark reads md with the same emphasis
// over the same text as the HTML the converter would write for nodes.
func (r mdRenderer) emphasisHolds(md string, nodes []*inline) bool {
	var out bytes.Buffer
	if err := emphasisChecker.Convert([]byte(md), &out); err != nil {
		return false
	}
	return emphasisShape(out.String()) == emphasisShape(htmlRenderer(r).inlines(nodes))
}

// inlinesHold reports whether the Markdown for nodes keeps their emphasis.
func (r mdRenderer) inlinesHold(nodes []*inline, ml bool) bool {
	return !hasEmphasis(nodes) || r.emphasisHolds(r.inlines(nodes, ml), nodes)
}

// listHolds reports whether every item of l, nested lists included, keeps
// its emphasis in Markdown; if one does not, the list is written as HTML.
func (r mdRenderer) listHolds(l *list) bool {
	for _, it := range l.items {
		if !r.inlinesHold(it.inl, true) {
			return false
		}
		for _, ch := range it.children {
			if sub, ok := ch.(*list); ok && !r.listHolds(sub) {
				return false
			}
		}
	}
	return true
}

// cellsHold reports whether every cell and the caption of a table keep
// their emphasis in Markdown's table.
func (r mdRenderer) cellsHold(t *table) bool {
	if !r.inlinesHold(t.caption, false) {
		return false
	}
	for _, row := range t.rows {
		for _, c := range row.cells {
			if len(c.blocks) == 1 {
				if p, ok := c.blocks[0].(*paragraph); ok && !r.inlinesHold(p.inl, false) {
					return false
				}
			}
		}
	}
	return true
}

// emphasisShape is HTML reduced to its text and its em/strong tags, with
// whitespace dropped: what must match for the reader to see the same
// emphasis on the same words.
func emphasisShape(src string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return dropEmpty(b.String())
		case html.TextToken:
			b.WriteString(strings.Join(strings.Fields(string(z.Text())), ""))
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "em", "strong", "s", "del":
				tag := string(name)
				if tag == "del" {
					tag = "s"
				}
				if tt == html.EndTagToken {
					tag = "/" + tag
				}
				b.WriteString("<" + tag + ">")
			}
		}
	}
}

// dropEmpty removes emphasis around nothing, which Markdown cannot spell
// and a reader cannot see.
func dropEmpty(s string) string {
	for {
		t := emptyEmphasis.Replace(s)
		if t == s {
			return s
		}
		s = t
	}
}

var emptyEmphasis = strings.NewReplacer("<em></em>", "", "<strong></strong>", "", "<s></s>", "")

// hasEmphasis reports bold or italic anywhere in nodes.
func hasEmphasis(nodes []*inline) bool {
	return hasKind(nodes, inEm) || hasKind(nodes, inStrong)
}
