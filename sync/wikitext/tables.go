package wikitext

import (
	"strconv"
	"strings"
)

// tableParser accumulates one {| … |} table.
type tableParser struct {
	c      *converter
	t      *table
	row    *tableRow
	cell   *tableCell
	raw    []string // current cell's wikitext lines
	line   int      // current cell's first line
	before []string // stray text before the first cell: MediaWiki shows it above the table
}

// parseTable reads the table starting at lines[start]; a table missing
// "|}" ends with the input. It returns the line after the table.
func (c *converter) parseTable(lines []string, start, base int) (block, int) {
	p := &tableParser{c: c, t: &table{}}
	depth := 0
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		tl := strings.TrimLeft(l, " \t")
		if depth > 0 {
			p.raw = append(p.raw, l)
			if strings.HasPrefix(tl, "{|") {
				depth++
			} else if strings.HasPrefix(tl, "|}") {
				depth--
			}
			continue
		}
		switch {
		case strings.HasPrefix(tl, "|}"):
			p.endCell()
			if rest := tl[2:]; strings.TrimSpace(rest) != "" {
				lines[i] = rest // text after "|}" is shown after the table
				return p.result(), i
			}
			return p.result(), i + 1
		case strings.HasPrefix(tl, "{|"):
			if p.cell == nil {
				p.newCell(false, "", base+i)
			}
			p.raw = append(p.raw, l)
			p.t.nested = true
			depth = 1
		case strings.HasPrefix(tl, "|-"):
			p.endCell()
			p.row = &tableRow{}
			p.t.rows = append(p.t.rows, p.row)
		case strings.HasPrefix(tl, "|+"):
			p.endCell()
			_, text := splitCellAttrs(tl[2:])
			p.t.caption = trimInlines(c.parseInline(strings.TrimSpace(text), base+i))
		case strings.HasPrefix(tl, "|"), strings.HasPrefix(tl, "!"):
			header := tl[0] == '!'
			for _, piece := range splitCells(tl[1:], header) {
				attrs, text := splitCellAttrs(piece)
				p.newCell(header, attrs, base+i)
				p.raw = append(p.raw, strings.TrimLeft(text, " \t"))
			}
		case p.cell != nil:
			p.raw = append(p.raw, l)
		default:
			p.before = append(p.before, l)
		}
	}
	c.diag(base+start, "table is missing its closing \"|}\"; closed at the end of the text")
	p.endCell()
	return p.result(), len(lines)
}

func (p *tableParser) newCell(header bool, attrs string, line int) {
	p.endCell()
	if p.row == nil {
		p.row = &tableRow{}
		p.t.rows = append(p.t.rows, p.row)
	}
	p.cell = &tableCell{header: header, rowspan: spanAttr(attrs, "rowspan"), colspan: spanAttr(attrs, "colspan")}
	p.row.cells = append(p.row.cells, p.cell)
	p.line = line
}

func (p *tableParser) endCell() {
	if p.cell == nil {
		return
	}
	p.cell.blocks = p.c.parseBlocks(strings.Join(p.raw, "\n"), p.line)
	p.cell, p.raw = nil, nil
}

func (p *tableParser) result() block {
	rows := p.t.rows[:0]
	for _, r := range p.t.rows {
		if len(r.cells) > 0 {
			rows = append(rows, r)
		}
	}
	p.t.rows = rows
	if len(p.before) == 0 {
		return p.t
	}
	pre := p.c.parseBlocks(strings.Join(p.before, "\n"), p.line)
	return &container{blocks: append(pre, p.t)}
}

// splitCells splits a row line at "||" (and "!!" in header lines),
// outside links.
func splitCells(s string, header bool) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '[' && s[i+1] == '[':
			depth++
			i++
		case s[i] == ']' && s[i+1] == ']' && depth > 0:
			depth--
			i++
		case depth == 0 && (s[i] == '|' && s[i+1] == '|' || header && s[i] == '!' && s[i+1] == '!'):
			out = append(out, s[start:i])
			start = i + 2
			i++
		}
	}
	return append(out, s[start:])
}

// splitCellAttrs separates "attrs | content"; a "|" inside a link is
// content, as in MediaWiki.
func splitCellAttrs(s string) (attrs, content string) {
	k := strings.IndexByte(s, '|')
	if k < 0 || strings.Contains(s[:k], "[[") || strings.Contains(s[:k], markOpen) {
		return "", s
	}
	return s[:k], s[k+1:]
}

// spanAttr reads a numeric rowspan/colspan; anything else is dropped.
func spanAttr(attrs, name string) int {
	low := strings.ToLower(attrs)
	k := strings.Index(low, name)
	if k < 0 {
		return 1
	}
	v := strings.TrimLeft(low[k+len(name):], " ")
	if !strings.HasPrefix(v, "=") {
		return 1
	}
	v = strings.TrimLeft(v[1:], ` "'`)
	n := 0
	for n < len(v) && v[n] >= '0' && v[n] <= '9' {
		n++
	}
	x, err := strconv.Atoi(v[:n])
	if err != nil || x < 1 {
		return 1
	}
	return min(x, 1000)
}

// simpleTable reports whether a GFM table shows t faithfully: a header
// row of th cells only, no th elsewhere, no spans, nesting or block content.
func simpleTable(t *table) bool {
	if t.nested || len(t.rows) == 0 {
		return false
	}
	for i, r := range t.rows {
		for _, cell := range r.cells {
			if cell.header != (i == 0) || cell.rowspan > 1 || cell.colspan > 1 {
				return false
			}
			if len(cell.blocks) > 1 {
				return false
			}
			if len(cell.blocks) == 1 {
				p, ok := cell.blocks[0].(*paragraph)
				if !ok || hasKind(p.inl, inBreak) || hasKind(p.inl, inBlock) {
					return false
				}
			}
		}
	}
	return true
}

func hasKind(nodes []*inline, k inlineKind) bool {
	for _, n := range nodes {
		if n.kind == k || hasKind(n.children, k) {
			return true
		}
	}
	return false
}
