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
	text    strings.Builder
}

// parseInline turns wikitext into inline nodes.
func (c *converter) parseInline(s string, line int) []*inline {
	return c.parseInlineOpt(s, line, false)
}

func (c *converter) parseInlineOpt(s string, line int, noLinks bool) []*inline {
	p := &inlineParser{c: c, s: s, line: line, noLinks: noLinks}
	p.scan()
	return buildTree(resolveQuotes(p.ev))
}

var inlineSpecial = func() (t [256]bool) {
	for _, b := range []byte("'[<&\n~hHfF") {
		t[b] = true
	}
	t[markOpen[0]] = true
	return t
}()

func (p *inlineParser) flush() {
	if p.text.Len() > 0 {
		p.ev = append(p.ev, event{kind: evText, text: decodeEntities(p.text.String())})
		p.text.Reset()
	}
}

func (p *inlineParser) emit(e event) {
	p.flush()
	p.ev = append(p.ev, e)
}

func (p *inlineParser) scan() {
	s := p.s
	for i := 0; i < len(s); {
		start := i
		for i < len(s) && !inlineSpecial[s[i]] {
			i++
		}
		p.text.WriteString(s[start:i])
		if i >= len(s) {
			break
		}
		i = p.special(i)
	}
	p.flush()
}

// special handles the construct starting at s[i] and returns where to go on.
func (p *inlineParser) special(i int) int {
	s := p.s
	switch ch := s[i]; {
	case ch == '\'':
		n := runLen(s, i, '\'')
		if n < 2 {
			p.text.WriteByte('\'')
			return i + 1
		}
		e := event{kind: evQuote, qlen: n}
		if i > 0 {
			e.prev1 = s[i-1]
		}
		if i > 1 {
			e.prev2 = s[i-2]
		}
		p.emit(e)
		return i + n
	case ch == '\n':
		p.emit(event{kind: evNewline})
		p.text.WriteByte('\n')
		return i + 1
	case ch == '~':
		n := runLen(s, i, '~')
		if n >= 3 && n <= 5 {
			p.c.diag(p.line, fmt.Sprintf("signature %q is only expanded when a page is saved; shown as text", s[i:i+n]))
		}
		p.text.WriteString(s[i : i+n])
		return i + n
	case ch == '[':
		if p.noLinks {
			break
		}
		if strings.HasPrefix(s[i:], "[[[") {
			p.text.WriteByte('[') // "[[[x]]]" is a bracket around a link
			return i + 1
		}
		if strings.HasPrefix(s[i:], "[[") {
			if end, ok := p.internalLink(i); ok {
				return end
			}
			p.text.WriteString("[[")
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
			p.emit(event{kind: evNode, node: tokenInline(tk)})
			return i + n
		}
		p.text.WriteString(s[i:min(i+len(markOpen), len(s))])
		return i + min(len(markOpen), len(s)-i)
	default: // h, H, f, F: a bare URL?
		if !p.noLinks {
			if end, ok := p.bareURL(i); ok {
				return end
			}
		}
	}
	p.text.WriteByte(s[i])
	return i + 1
}

func tokenInline(tk *token) *inline {
	switch tk.kind {
	case tokNowiki:
		return &inline{kind: inText, text: tk.text}
	case tokPlaceholder:
		return &inline{kind: inPlaceholder, text: tk.text}
	case tokPre:
		return &inline{kind: inBlock, blk: &preBlock{text: tk.text}}
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
	case roleBlock:
		p.emit(event{kind: evNode, node: &inline{kind: inBlock}})
	case roleRule:
		p.emit(event{kind: evNode, node: &inline{kind: inBlock, blk: &rule{}}})
	case roleBreak:
		p.emit(event{kind: evNode, node: &inline{kind: inBreak}})
	case roleInline:
		switch {
		case t.selfClosing:
		case t.closing:
			p.emit(event{kind: evClose, ik: inlineKindOf(t.name)})
		default:
			p.emit(event{kind: evOpen, ik: inlineKindOf(t.name)})
		}
	default:
		return 0, false
	}
	return t.end, true
}

// buildTree nests open/close events; unclosed elements close at the end,
// stray closers are dropped (as MediaWiki's HTML balancing does).
func buildTree(evs []event) []*inline {
	root := &inline{}
	stack := []*inline{root}
	top := func() *inline { return stack[len(stack)-1] }
	for _, e := range evs {
		switch e.kind {
		case evText:
			appendText(top(), e.text)
		case evNode:
			top().children = append(top().children, e.node)
		case evOpen:
			n := &inline{kind: e.ik}
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

func appendText(parent *inline, s string) {
	if s == "" {
		return
	}
	if n := len(parent.children); n > 0 && parent.children[n-1].kind == inText {
		parent.children[n-1].text += s
		return
	}
	parent.children = append(parent.children, &inline{kind: inText, text: s})
}
