package wikitext

import (
	"strings"
)

// parseBlocks splits expanded wikitext into blocks, line by line, as
// MediaWiki's block pass does. line is the number of s's first line.
func (c *converter) parseBlocks(s string, line int) []block {
	if s != "" && !strings.Contains(s, "\n") && strings.IndexByte("{=*#:;- \t", s[0]) < 0 {
		return c.paragraphs(s, line) // one plain line, e.g. a table cell
	}
	var out []block
	c.walkBlocks(s, line, func(b block) { out = append(out, b) })
	return out
}

// walkBlocks parses s and hands each top-level block to emit as soon as it
// is complete, so that a large page need not hold its whole AST.
func (c *converter) walkBlocks(s string, line int, emit func(block)) {
	lines := strings.Split(s, "\n")
	var para []string
	paraLine := line
	endPara := func() {
		if len(para) > 0 {
			for _, b := range c.paragraphs(strings.Join(para, "\n"), paraLine) {
				emit(b)
			}
			para = para[:0]
		}
	}
	for i := 0; i < len(lines); {
		l := lines[i]
		ln := line + i
		trimmed := strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(trimmed, "{|"):
			endPara()
			t, next := c.parseTable(lines, i, line)
			emit(t)
			i = next
			continue
		case isHeadingLine(l):
			endPara()
			emit(c.parseHeading(l, ln))
		case l != "" && strings.IndexByte("*#:;", l[0]) >= 0:
			endPara()
			next := i
			for next < len(lines) && lines[next] != "" && strings.IndexByte("*#:;", lines[next][0]) >= 0 {
				next++
			}
			emit(c.parseList(lines[i:next], ln))
			i = next
			continue
		case strings.HasPrefix(l, "----"):
			endPara()
			emit(&rule{})
			if rest := strings.TrimLeft(l, "-"); strings.TrimSpace(rest) != "" {
				para, paraLine = append(para, rest), ln
			}
		case strings.TrimSpace(l) == "":
			endPara()
		case l[0] == ' ' && !hasBlockTag(l):
			endPara()
			next := i
			for next < len(lines) && strings.HasPrefix(lines[next], " ") && strings.TrimSpace(lines[next]) != "" && !hasBlockTag(lines[next]) {
				next++
			}
			emit(c.spacePre(lines[i:next], ln))
			i = next
			continue
		default:
			if len(para) == 0 {
				paraLine = ln
			}
			para = append(para, l)
		}
		i++
	}
	endPara()
}

// hasBlockTag reports a line that MediaWiki does not turn into <pre> even
// though it starts with a space: one holding block-level HTML or a marker.
func hasBlockTag(l string) bool {
	if strings.Contains(l, markOpen) {
		return true
	}
	low := strings.ToLower(l)
	for _, t := range []string{"<div", "</div", "<table", "</table", "<p", "</p", "<blockquote", "</blockquote", "<center", "</center", "<hr", "<li", "<ul", "<ol", "<h"} {
		if strings.Contains(low, t) {
			return true
		}
	}
	return false
}

func (c *converter) spacePre(lines []string, line int) block {
	for i, l := range lines {
		lines[i] = l[1:]
	}
	return &preBlock{inl: c.parseInline(strings.Join(lines, "\n"), line)}
}

// paragraphs parses a run of text lines; block tags and block markers
// inside it split it into several blocks.
func (c *converter) paragraphs(s string, line int) []block {
	nodes := c.parseInline(s, line)
	if !hasKind(nodes, inBlock) { // the common case: one paragraph
		if !hasVisible(nodes) {
			return nil
		}
		return []block{&paragraph{inl: trimInlines(nodes)}}
	}
	var out []block
	var cur []*inline
	end := func() {
		if hasVisible(cur) {
			out = append(out, &paragraph{inl: trimInlines(cur)})
		}
		cur = nil
	}
	for _, n := range nodes {
		if n.kind != inBlock {
			cur = append(cur, n)
			continue
		}
		end()
		if n.blk != nil {
			out = append(out, n.blk)
		}
	}
	end()
	return out
}

// hasVisible reports whether nodes hold anything but whitespace and breaks.
func hasVisible(nodes []*inline) bool {
	for _, n := range nodes {
		switch n.kind {
		case inText:
			if strings.TrimSpace(n.text) != "" {
				return true
			}
		case inBreak:
		case inBlock:
			if n.blk != nil {
				return true
			}
		default:
			if n.kind == inLink || n.kind == inPlaceholder || n.kind == inImage || hasVisible(n.children) {
				return true
			}
		}
	}
	return false
}

// trimInlines drops leading and trailing whitespace and line breaks.
func trimInlines(nodes []*inline) []*inline {
	for len(nodes) > 0 {
		n := nodes[0]
		if n.kind == inBreak {
			nodes = nodes[1:]
			continue
		}
		if n.kind == inText {
			t := strings.TrimLeft(n.text, " \t\n")
			if t == "" {
				nodes = nodes[1:]
				continue
			}
			if len(t) != len(n.text) {
				nodes[0] = &inline{kind: inText, text: t}
			}
		}
		break
	}
	for len(nodes) > 0 {
		n := nodes[len(nodes)-1]
		if n.kind == inBreak {
			nodes = nodes[:len(nodes)-1]
			continue
		}
		if n.kind == inText {
			t := strings.TrimRight(n.text, " \t\n")
			if t == "" {
				nodes = nodes[:len(nodes)-1]
				continue
			}
			if len(t) != len(n.text) {
				nodes[len(nodes)-1] = &inline{kind: inText, text: t}
			}
		}
		break
	}
	return nodes
}
