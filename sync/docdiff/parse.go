package docdiff

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Doc is a converted document: its Markdown and the lines of it that are
// shortcode calls, each mapped to what a reader sees of it, as
// sync/wikitext lists them (Result.Shortcodes): a box's opening line to its
// name and title ("Warning: This is a draft document!"), closing lines and
// the markers around raw HTML to "". Parse reads those lines as boxes and
// raw HTML instead of text, without parsing the calls back.
type Doc struct {
	Markdown   string
	Shortcodes map[string]string
}

// Parse reads a converted document into its blocks, in document order.
// It never fails: text it does not recognise is read as Markdown.
func Parse(d Doc) []Block {
	md := clean(d.Markdown)
	p := &parser{md: goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))}
	var chunk []string
	flush := func() {
		if len(chunk) > 0 {
			p.markdown(strings.Join(chunk, "\n"))
			chunk = chunk[:0]
		}
	}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		shows, call := d.Shortcodes[lines[i]]
		switch {
		case !call:
			chunk = append(chunk, lines[i])
		case shows != "":
			flush()
			p.box(shows)
		case closing(lines[i]):
			flush()
			p.boxes = max(0, p.boxes-1)
		default: // a raw HTML block's opening marker: HTML up to its closing one
			flush()
			j := i + 1
			for j < len(lines) {
				if shows, call := d.Shortcodes[lines[j]]; call && shows == "" && closing(lines[j]) {
					break
				}
				j++
			}
			p.html(strings.Join(lines[i+1:min(j, len(lines))], "\n"))
			i = j
		}
	}
	flush()
	return p.out
}

// closing tells a shortcode's closing line ({{% /name %}}, {{< /name >}})
// from an opening one.
func closing(line string) bool {
	return strings.HasPrefix(line, "{{% /") || strings.HasPrefix(line, "{{< /")
}

// clean makes the text valid UTF-8 without NULs and with \n line ends, as
// a browser would read it, so every string a Block holds is safe to write.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

type parser struct {
	md     goldmark.Markdown
	src    []byte
	out    []Block
	boxes  int // open boxes
	tables int // tables seen
}

func (p *parser) emit(b Block) {
	b.InBox = p.boxes > 0
	if b.Kind != Row && b.Kind != Rule && b.Kind != Box {
		if b.Kind != Code {
			b.Runs = trimRuns(b.Runs)
		}
		if len(b.Runs) == 0 {
			return
		}
	}
	p.out = append(p.out, b)
}

// box emits a box from what it shows, "Name: title": Name names the
// block, the title is its text.
func (p *parser) box(shows string) {
	name, title, _ := strings.Cut(clean(shows), ":")
	p.emit(Block{Kind: Box, Name: strings.TrimSpace(name), Runs: trimRuns(appendRun(nil, title, Style{}))})
	p.boxes++
}

// boxClass keeps the letters, digits and dashes of a box's name, lower
// case, so it can name a CSS class.
func boxClass(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			sb.WriteRune(r)
		case r == ' ' || r == '_':
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

func (p *parser) markdown(src string) {
	p.src = []byte(src)
	doc := p.md.Parser().Parse(text.NewReader(p.src))
	p.block(doc, 0)
}

func (p *parser) block(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.node(c, depth)
	}
}

func (p *parser) node(c ast.Node, depth int) {
	switch c := c.(type) {
	case *ast.Heading:
		p.emit(Block{Kind: Heading, Level: c.Level, Runs: p.inline(c, Style{}, nil)})
	case *ast.Paragraph, *ast.TextBlock:
		p.emit(Block{Kind: Paragraph, Runs: p.inline(c, Style{}, nil)})
	case *ast.List:
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			p.item(it, depth+1, c.IsOrdered())
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		p.emit(Block{Kind: Code, Runs: appendRun(nil, p.lines(c), Style{})})
	case *ast.ThematicBreak:
		p.emit(Block{Kind: Rule})
	case *ast.HTMLBlock:
		// Hugo renders in safe mode: raw HTML in Markdown is dropped.
	case *east.Table:
		p.table(c)
	default:
		p.block(c, depth)
	}
}

// item emits a list item from its text, then what is nested in it.
func (p *parser) item(it ast.Node, depth int, ordered bool) {
	var runs []Run
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock {
			if runs != nil {
				runs = appendRun(runs, " ", Style{})
			}
			runs = p.inline(c, Style{}, runs)
		}
	}
	p.emit(Block{Kind: Item, Level: depth, Ordered: ordered, Runs: runs})
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindParagraph && c.Kind() != ast.KindTextBlock {
			p.node(c, depth)
		}
	}
}

func (p *parser) table(t *east.Table) {
	p.tables++
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, head := r.(*east.TableHeader)
		row := Block{Kind: Row, Table: p.tables}
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row.Cells = append(row.Cells, Cell{Header: head, Runs: trimRuns(p.inline(c, Style{}, nil))})
		}
		p.emit(row)
	}
}

func (p *parser) lines(n ast.Node) string {
	var sb strings.Builder
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		sb.Write(seg.Value(p.src))
	}
	return strings.TrimRight(sb.String(), "\n")
}

// inline appends n's inline content to runs in style st.
func (p *parser) inline(n ast.Node, st Style, runs []Run) []Run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			runs = appendRun(runs, p.text(c.Segment.Value(p.src), c.IsRaw() || st.Code), st)
			if c.SoftLineBreak() || c.HardLineBreak() {
				runs = appendRun(runs, " ", st)
			}
		case *ast.String:
			runs = appendRun(runs, p.text(c.Value, c.IsRaw() || c.IsCode() || st.Code), st)
		case *ast.CodeSpan:
			s := st
			s.Code = true
			runs = p.inline(c, s, runs)
		case *ast.Emphasis:
			s := st
			if c.Level >= 2 {
				s.Strong = true
			} else {
				s.Em = true
			}
			runs = p.inline(c, s, runs)
		case *east.Strikethrough:
			s := st
			s.Strike = true
			runs = p.inline(c, s, runs)
		case *ast.Link:
			s := st
			s.Href = string(util.URLEscape(c.Destination, true))
			runs = p.inline(c, s, runs)
		case *ast.AutoLink:
			s := st
			s.Href = string(util.URLEscape(c.URL(p.src), false))
			runs = appendRun(runs, string(c.Label(p.src)), s)
		case *ast.RawHTML:
			// dropped, as Hugo's safe mode does
		default: // images (their alt text) and whatever else holds text
			runs = p.inline(c, st, runs)
		}
	}
	return runs
}

// text resolves entities and backslash escapes as goldmark's renderer
// does; raw text, in code, keeps them.
func (p *parser) text(src []byte, raw bool) string {
	if raw {
		return string(src)
	}
	return TextValue(src)
}

// TextValue is what a reader sees of a goldmark text segment: entities
// (&lt;) and backslash escapes (\*) resolved, by rendering the segment as
// goldmark does and unescaping the HTML once. Callers that take text out
// of converted Markdown use it so nothing reaches a page escaped twice.
func TextValue(src []byte) string {
	if bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, '\\') < 0 {
		return clean(string(src))
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	ghtml.DefaultWriter.Write(w, src)
	w.Flush()
	return clean(html.UnescapeString(buf.String()))
}
