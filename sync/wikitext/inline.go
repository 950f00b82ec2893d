package wikitext

import (
	"fmt"
	"strings"
)

type eventKind int

const (
	evText eventKind = iota
	evOpen
	evClose
	evNode
	evQuote
	evNewline
)

// event is one item of a tokenized inline run, before nesting is resolved.
type event struct {
	kind         eventKind
	text         string
	ik           inlineKind
	node         *inline
	qlen         int  // evQuote: apostrophe count
	prev1, prev2 byte // evQuote: the two bytes before the run, for doQuotes
}

// inlineParser tokenizes one paragraph (or cell, heading, item) of text.
type inlineParser struct {
	c       *converter
	s       string
	line    int
	noLinks bool // inside link text: links are text
	ev      []event
	textAt  int // start of the pending text: text is always a slice of s
}

// parseInline turns wikitext into inline nodes.
func (c *converter) parseInline(s string, line int) []*inline {
	return c.parseInlineOpt(s, line, false)
}

func (c *converter) parseInlineOpt(s string, line int, noLinks bool) []*inline {
	if isPlainInline(s) {
		return []*inline{c.slab.node(inline{kind: inText, text: s})}
	}
	p := &inlineParser{c: c, s: s, line: line, noLinks: noLinks, ev: make([]event, 0, 4+len(s)/32)}
	p.scan()
	return buildTree(&c.slab, resolveQuotes(p.ev))
}

// isPlainInline reports text with no inline markup at all: most table
// cells and list items of a large page take this short cut.
func isPlainInline(s string) bool {
	for i := 0; i < len(s); i++ {
		if inlineSpecial[s[i]] {
			return false
		}
	}
	return true
}

var inlineSpecial = func() (t [256]bool) {
	for _, b := range []byte("'[<&\n~:") {
		t[b] = true
	}
	t[markOpen[0]] = true
	return t
}()

// lineAt is the line of s[i] in the input (diagnostics only).
func (p *inlineParser) lineAt(i int) int {
	return p.line + strings.Count(p.s[:i], "\n")
}

// flush ends the pending text at i.
func (p *inlineParser) flush(i int) {
	if i > p.textAt {
		p.ev = append(p.ev, event{kind: evText, text: decodeEntities(p.s[p.textAt:i])})
	}
	p.textAt = i
}

// emit adds e for the construct s[i:end].
func (p *inlineParser) emit(i, end int, e event) {
	p.flush(i)
	p.ev = append(p.ev, e)
	p.textAt = end
}

func (p *inlineParser) scan() {
	s := p.s
	for i := 0; i < len(s); {
		for i < len(s) && !inlineSpecial[s[i]] {
			i++
		}
		if i >= len(s) {
			break
		}
		i = p.special(i)
	}
	p.flush(len(s))
}

// special handles the construct starting at s[i] and returns where to go on.
func (p *inlineParser) special(i int) int {
	s := p.s
	switch ch := s[i]; {
	case ch == '\'':
		n := runLen(s, i, '\'')
		if n < 2 {
			return i + 1
		}
		e := event{kind: evQuote, qlen: n}
		if i > 0 {
			e.prev1 = s[i-1]
		}
		if i > 1 {
			e.prev2 = s[i-2]
		}
		p.emit(i, i+n, e)
		return i + n
	case ch == '\n':
		p.emit(i, i, event{kind: evNewline})
		return i + 1
	case ch == '~':
		n := runLen(s, i, '~')
		if n >= 3 && n <= 5 {
			p.c.diag(p.lineAt(i), fmt.Sprintf("signature %q is only expanded when a page is saved; shown as text", s[i:i+n]))
		}
		return i + n
	case ch == '[':
		if p.noLinks {
			break
		}
		if strings.HasPrefix(s[i:], "[[[") {
			return i + 1 // "[[[x]]]" is a bracket around a link
		}
		if strings.HasPrefix(s[i:], "[[") {
			if end, ok := p.internalLink(i); ok {
				return end
			}
			return i + 2
		}
		if end, ok := p.externalLink(i); ok {
			return end
		}
	case ch == '<':
		if end, ok := p.tag(i); ok {
			return end
		}
	case ch == '&':
		// entities are decoded when text is flushed
	case ch == markOpen[0]:
		if tk, n := p.c.tokenAt(s, i); tk != nil {
			p.emit(i, i+n, event{kind: evNode, node: tokenInline(p.c, tk)})
			return i + n
		}
		return i + min(len(markOpen), len(s)-i)
	case ch == ':': // "://" of a bare URL?
		if !p.noLinks && strings.HasPrefix(s[i:], "://") {
			if start := urlStart(s, i); start >= p.textAt {
				if end, ok := p.bareURL(start); ok {
					return end
				}
			}
		}
	}
	return i + 1
}

// urlStart finds where the scheme ending at s[colon] begins, or -1.
func urlStart(s string, colon int) int {
	for _, scheme := range []string{"https", "http", "ftp"} {
		k := colon - len(scheme)
		if k >= 0 && strings.EqualFold(s[k:colon], scheme) {
			return k
		}
	}
	return -1
}

func tokenInline(c *converter, tk *token) *inline {
	switch tk.kind {
	case tokNowiki:
		return &inline{kind: inText, text: tk.text}
	case tokPlaceholder:
		return &inline{kind: inPlaceholder, text: tk.text}
	case tokPre:
		return &inline{kind: inBlock, blk: &preBlock{text: tk.text, lang: tk.name}}
	case tokMath:
		return &inline{kind: inMath, children: textNodes(tk.text)}
	case tokRef:
		return &inline{kind: inLink, url: tk.name, children: textNodes(tk.text)}
	case tokNotes:
		return &inline{kind: inBlock, blk: c.notesBlock(tk.notes)}
	}
	return &inline{kind: inBlock, blk: &shortcodeBlock{tk: tk}}
}

// tag handles an HTML-ish tag; unknown tags are left as text.
func (p *inlineParser) tag(i int) (int, bool) {
	t, ok := parseTag(p.s, i)
	if !ok {
		return 0, false
	}
	switch tagRoles[t.name] {
	case roleTransparent:
		p.flush(i)
		p.textAt = t.end
	case roleBlock:
		p.emit(i, t.end, event{kind: evNode, node: &inline{kind: inBlock}})
	case roleRule:
		p.emit(i, t.end, event{kind: evNode, node: &inline{kind: inBlock, blk: &rule{}}})
	case roleBreak:
		p.emit(i, t.end, event{kind: evNode, node: &inline{kind: inBreak}})
	case roleInline:
		switch {
		case t.selfClosing:
			p.flush(i)
			p.textAt = t.end
		case t.closing:
			p.emit(i, t.end, event{kind: evClose, ik: inlineKindOf(t.name)})
		default:
			p.emit(i, t.end, event{kind: evOpen, ik: inlineKindOf(t.name)})
		}
	default:
		if !t.closing {
			p.c.diag(p.lineAt(i), fmt.Sprintf("tag <%s> is not allowed in wikitext; shown as text", t.name))
		}
		return 0, false
	}
	return t.end, true
}

// buildTree nests open/close events; unclosed elements close at the end,
// stray closers are dropped (as MediaWiki's HTML balancing does).
func buildTree(slab *nodeSlab, evs []event) []*inline {
	root := slab.node(inline{children: make([]*inline, 0, len(evs))})
	var buf [8]*inline
	stack := append(buf[:0], root)
	top := func() *inline { return stack[len(stack)-1] }
	for _, e := range evs {
		switch e.kind {
		case evText:
			if e.text != "" {
				top().children = append(top().children, slab.node(inline{kind: inText, text: e.text}))
			}
		case evNode:
			top().children = append(top().children, e.node)
		case evOpen:
			n := slab.node(inline{kind: e.ik})
			top().children = append(top().children, n)
			stack = append(stack, n)
		case evClose:
			for k := len(stack) - 1; k > 0; k-- {
				if stack[k].kind == e.ik {
					stack = stack[:k]
					break
				}
			}
		}
	}
	return root.children
}
