package normalize

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/wikisite/wikisite/sync/docdiff"
)

// textBlock is one block of what a reader sees — a heading, a paragraph, a
// list item, a table row, a profile field — as plain text: the unit the
// authors view shows and sync/authorship attributes. Authorship works on
// visible text, not on Markdown or wikitext, so an edit to markup only (a
// link target, bold) takes no words from their authors.
type textBlock struct {
	Kind  string // "heading", "paragraph", "item", "row", "field", "quote"
	Level int    // heading level
	Label string // field label
	Text  string
}

var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// shortcodeRe matches Hugo shortcode tags, which the converter writes for
// notes and raw HTML; they are markup, not text.
var shortcodeRe = regexp.MustCompile(`\{\{[<%].*?[%>]\}\}`)

// blockMemo remembers markdownBlocks by chunk: the converter joins
// top-level blocks with blank lines, and from one revision to the next
// most of them are unchanged, so parsing each distinct chunk once makes a
// page's history cost about its distinct text, not its revisions × size.
// A chunk is parsed alone: a list item's second paragraph then reads as a
// paragraph, which changes how the authors view sets it, not its words.
// It forgets the oldest chunks past blockBudget (see memo): a long
// history's every distinct chunk took 190 MB at 5,000 revisions.
type blockMemo struct{ m *memo[string, []textBlock] }

// blockBudget bounds the chunks a blockMemo remembers.
const blockBudget = 32 << 20

func newBlockMemo() blockMemo {
	return blockMemo{newMemo(blockBudget, func(chunk string, bl []textBlock) int {
		n := len(chunk)
		for _, b := range bl {
			n += len(b.Text) + len(b.Label) + 64
		}
		return n
	})}
}

func (m blockMemo) blocks(md string) []textBlock {
	var out []textBlock
	for chunk := range strings.SplitSeq(md, "\n\n") {
		bl, ok := m.m.get(chunk)
		if !ok {
			// chunk is a slice of a whole conversion, which the key and
			// the blocks' texts would keep alive.
			chunk = strings.Clone(chunk)
			bl = markdownBlocks(chunk)
			m.m.put(chunk, bl)
		}
		out = append(out, bl...)
	}
	return out
}

// markdownBlocks takes converted Markdown apart into blocks of visible text.
func markdownBlocks(md string) []textBlock {
	src := []byte(md)
	var out []textBlock
	add := func(kind string, level int, s string) {
		s = strings.Join(strings.Fields(shortcodeRe.ReplaceAllString(s, " ")), " ")
		if s != "" {
			out = append(out, textBlock{Kind: kind, Level: level, Text: s})
		}
	}
	ast.Walk(mdParser.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Heading:
			add("heading", x.Level, inlineText(x, src))
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			kind := "paragraph"
			if _, ok := n.Parent().(*ast.ListItem); ok {
				kind = "item"
			}
			add(kind, 0, inlineText(n, src))
			return ast.WalkSkipChildren, nil
		case *east.TableRow, *east.TableHeader:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, inlineText(c, src))
			}
			add("row", 0, strings.Join(cells, " · "))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				add("paragraph", 0, string(seg.Value(src)))
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			var b strings.Builder
			lines := x.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			for _, s := range htmlBlocks(b.String()) {
				add("row", 0, s)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// inlineText is the visible text of a node's inline children: link text
// without its target, code as written, images and raw HTML dropped.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := c.(type) {
		case *ast.Text:
			if x.IsRaw() {
				b.Write(x.Segment.Value(src))
			} else {
				b.WriteString(docdiff.TextValue(x.Segment.Value(src)))
			}
			if x.SoftLineBreak() || x.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if x.IsRaw() || x.IsCode() {
				b.Write(x.Value)
			} else {
				b.WriteString(docdiff.TextValue(x.Value))
			}
		case *ast.AutoLink:
			b.Write(x.Label(src))
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// htmlBlocks is the text of raw HTML (the converter's wikihtml tables), one
// string per row, paragraph or list item.
func htmlBlocks(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			cur.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "tr", "p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption":
				flush()
			case "td", "th":
				if tt == html.StartTagToken && cur.Len() > 0 {
					cur.WriteString(" · ") // between cells of a row
				}
			}
		}
	}
}
