package docdiff

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// html reads the allow-listed HTML the converter writes inside
// {{< wikihtml >}} (tables Markdown cannot express, styled divs) into the
// same blocks as Markdown: rows with cells, items, paragraphs.
func (p *parser) html(src string) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil { // only a reader error, which a strings.Reader never gives
		p.emit(Block{Kind: Paragraph, Runs: appendRun(nil, src, Style{})})
		return
	}
	for _, n := range nodes {
		p.htmlBlock(n, 0)
	}
}

// blockTags are the elements that start a block of their own.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Pre: true, atom.Hr: true,
	atom.Blockquote: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
}

func (p *parser) htmlBlock(n *html.Node, depth int) {
	if n.Type == html.TextNode {
		p.emit(Block{Kind: Paragraph, Runs: appendRun(nil, n.Data, Style{})})
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.Table:
		p.tables++
		p.htmlRows(n, p.tables)
	case atom.Ul, atom.Ol, atom.Dl:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			p.htmlItem(c, depth+1, n.DataAtom == atom.Ol)
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		p.emit(Block{Kind: Heading, Level: int(n.Data[1] - '0'), Runs: p.htmlInline(n, Style{}, nil)})
	case atom.Pre:
		p.emit(Block{Kind: Code, Runs: appendRun(nil, textOf(n), Style{})})
	case atom.Hr:
		p.emit(Block{Kind: Rule})
	default:
		if !hasBlock(n) {
			p.emit(Block{Kind: Paragraph, Runs: p.htmlInline(n, Style{}, nil)})
			return
		}
		p.htmlMixed(n, depth)
	}
}

// htmlMixed emits an element holding both blocks and loose inline content:
// each run of inline content between blocks is a paragraph.
func (p *parser) htmlMixed(n *html.Node, depth int) {
	var runs []Run
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			p.emit(Block{Kind: Paragraph, Runs: runs})
			runs = nil
			p.htmlBlock(c, depth)
			continue
		}
		runs = p.htmlInlineNode(c, Style{}, runs)
	}
	p.emit(Block{Kind: Paragraph, Runs: runs})
}

func (p *parser) htmlItem(n *html.Node, depth int, ordered bool) {
	if n.Type != html.ElementNode {
		if t := strings.TrimSpace(textOf(n)); t != "" {
			p.emit(Block{Kind: Item, Level: depth, Ordered: ordered, Runs: appendRun(nil, t, Style{})})
		}
		return
	}
	var runs []Run
	var nested []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] && c.DataAtom != atom.P {
			nested = append(nested, c)
			continue
		}
		runs = p.htmlInlineNode(c, Style{}, runs)
	}
	p.emit(Block{Kind: Item, Level: depth, Ordered: ordered, Runs: runs})
	for _, c := range nested {
		p.htmlBlock(c, depth)
	}
}

// htmlRows emits the rows of a table, not those of tables nested in its
// cells, whose text stays in the cell.
func (p *parser) htmlRows(n *html.Node, table int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			row := Block{Kind: Row, Table: table}
			for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
				if cell.Type == html.ElementNode && (cell.DataAtom == atom.Td || cell.DataAtom == atom.Th) {
					row.Cells = append(row.Cells, Cell{Header: cell.DataAtom == atom.Th, Runs: trimRuns(p.htmlInline(cell, Style{}, nil))})
				}
			}
			p.emit(row)
		case atom.Tbody, atom.Thead, atom.Tfoot:
			p.htmlRows(c, table)
		case atom.Caption:
			p.emit(Block{Kind: Paragraph, Runs: p.htmlInline(c, Style{}, nil)})
		}
	}
}

func (p *parser) htmlInline(n *html.Node, st Style, runs []Run) []Run {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		runs = p.htmlInlineNode(c, st, runs)
	}
	return runs
}

func (p *parser) htmlInlineNode(c *html.Node, st Style, runs []Run) []Run {
	switch c.Type {
	case html.TextNode:
		return appendRun(runs, c.Data, st)
	case html.ElementNode:
	default:
		return runs
	}
	s := st
	switch c.DataAtom {
	case atom.B, atom.Strong:
		s.Strong = true
	case atom.I, atom.Em:
		s.Em = true
	case atom.Code, atom.Tt, atom.Kbd, atom.Samp:
		s.Code = true
	case atom.S, atom.Del, atom.Strike:
		s.Strike = true
	case atom.A:
		s.Href = attr(c, "href")
	case atom.Br:
		return appendRun(runs, " ", st)
	}
	if blockTags[c.DataAtom] && len(runs) > 0 {
		runs = appendRun(runs, " ", st)
	}
	runs = p.htmlInline(c, s, runs)
	if blockTags[c.DataAtom] {
		runs = appendRun(runs, " ", st)
	}
	return runs
}

func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sb.WriteString(textOf(c))
	}
	return sb.String()
}
