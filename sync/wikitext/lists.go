package wikitext

import "strings"

// listClass groups the prefix characters into list kinds: ';' and ':'
// are items of one definition list.
func listClass(b byte) byte {
	if b == ':' {
		return ';'
	}
	return b
}

// parseList builds nested lists from consecutive lines starting with
// "*#:;", comparing prefixes column by column like MediaWiki.
func (c *converter) parseList(lines []string, line int) block {
	type entry struct {
		prefix string
		text   string
		line   int
	}
	var entries []entry
	for i, l := range lines {
		n := 0
		for n < len(l) && strings.IndexByte("*#:;", l[n]) >= 0 {
			n++
		}
		prefix, text := l[:n], l[n:]
		if n > maxListDepth { // deeper nesting would make output quadratic in size
			prefix = prefix[:maxListDepth]
		}
		n = len(prefix)
		// ";term : definition" on one line becomes a dt and a dd.
		if prefix[n-1] == ';' {
			if k := definitionColon(text); k >= 0 {
				entries = append(entries, entry{prefix, text[:k], line + i})
				entries = append(entries, entry{prefix[:n-1] + ":", text[k+1:], line + i})
				continue
			}
		}
		entries = append(entries, entry{prefix, text, line + i})
	}
	var build func(es []entry, depth int) []block
	build = func(es []entry, depth int) []block {
		var out []block
		var cur *list
		var item *listItem
		for i := 0; i < len(es); {
			e := es[i]
			k := listClass(e.prefix[depth])
			if cur == nil || cur.kind != k {
				cur = &list{kind: k}
				out = append(out, cur)
				item = nil
			}
			if len(e.prefix) == depth+1 {
				item = &listItem{kind: e.prefix[depth], inl: trimInlines(c.parseInline(strings.TrimSpace(e.text), e.line))}
				cur.items = append(cur.items, item)
				i++
				continue
			}
			// deeper lines continue the current item (or an empty one)
			if item == nil || (k == ';' && item.kind != e.prefix[depth]) {
				item = &listItem{kind: e.prefix[depth]}
				cur.items = append(cur.items, item)
			}
			j := i
			for j < len(es) && len(es[j].prefix) > depth+1 && listClass(es[j].prefix[depth]) == k && es[j].prefix[depth] == item.kind {
				j++
			}
			item.children = append(item.children, build(es[i:j], depth+1)...)
			i = j
		}
		return out
	}
	blocks := build(entries, 0)
	if len(blocks) == 1 {
		return blocks[0]
	}
	return &container{blocks: blocks}
}

// maxListDepth caps list nesting; MediaWiki has no cap, but Markdown
// indents every level, so output would grow with the square of the depth.
const maxListDepth = 32

// container groups blocks that came from one construct.
type container struct{ blocks []block }

// definitionColon finds the ':' ending a ";term" outside links, URLs and tags.
func definitionColon(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "[["):
			depth++
			i++
		case strings.HasPrefix(s[i:], "]]") && depth > 0:
			depth--
			i++
		case s[i] == '<':
			if t, ok := parseTag(s, i); ok {
				i = t.end - 1
			}
		case s[i] == ':' && depth == 0 && !strings.HasPrefix(s[i:], "://"):
			return i
		}
	}
	return -1
}
