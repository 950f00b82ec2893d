package wikitext

import (
	"strconv"
	"strings"
)

// Strip markers stand in for content that later stages must not parse
// (nowiki, pre, shortcodes, placeholders), as MediaWiki's strip markers do.
// sanitizeInput removes these private-use characters from the input.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

type tokenKind int

const (
	tokNowiki      tokenKind = iota // literal inline text
	tokPre                          // preformatted block, literal text
	tokShortcode                    // mapped template, rendered as a Hugo shortcode
	tokPlaceholder                  // visible stand-in for what we cannot render
	tokRef                          // a footnote's mark: text "[1]", name "#cite_note-1"
	tokNotes                        // a references list
	tokMath                         // <math>: its TeX source, shown as code
)

// token is the content behind one strip marker.
type token struct {
	kind   tokenKind
	text   string      // nowiki/pre/placeholder text
	name   string      // shortcode name
	title  string      // shortcode positional 1 (expanded wikitext)
	body   string      // shortcode positional 2 (expanded wikitext)
	params [][2]string // further shortcode params: name, expanded wikitext
	notes  []*note     // tokNotes
}

func (c *converter) mark(t token) string {
	c.tokens = append(c.tokens, t)
	return markOpen + strconv.Itoa(len(c.tokens)-1) + markClose
}

// tokenAt reports the token whose marker starts at s[i:], and the marker length.
func (c *converter) tokenAt(s string, i int) (*token, int) {
	if !strings.HasPrefix(s[i:], markOpen) {
		return nil, 0
	}
	j := i + len(markOpen)
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j || !strings.HasPrefix(s[k:], markClose) {
		return nil, 0
	}
	n, err := strconv.Atoi(s[j:k])
	if err != nil || n >= len(c.tokens) {
		return nil, 0
	}
	return &c.tokens[n], k + len(markClose) - i
}

// Preprocessor tree: text, {{templates}} and {{{arguments}}}.
type ppNode interface{}

type ppText string

type ppPart struct {
	nodes []ppNode
	eq    int // index in nodes where the value after a top-level "=" starts, or -1
}

type ppTemplate struct {
	parts []ppPart
	line  int
}

type ppArg struct{ parts []ppPart }

// ppElem is an open bracket on the preprocessor's stack.
type ppElem struct {
	open  byte // '{' or '['
	count int
	parts []ppPart
	line  int
}

var ppSpecial = func() (t [256]bool) {
	for _, b := range []byte("<{}[]|=") {
		t[b] = true
	}
	return t
}()

// preparse builds the preprocessor tree of s in one pass, like MediaWiki's
// Preprocessor_Hash: a stack of open brackets matched from the closing side.
// Comments are dropped here and nowiki/pre content is hidden behind markers.
func (c *converter) preparse(s string, baseLine int) []ppNode {
	var root []ppNode
	var stack []*ppElem
	line, counted := baseLine, 0
	textStart := 0
	cur := func() *ppPart {
		if len(stack) == 0 {
			return nil
		}
		top := stack[len(stack)-1]
		return &top.parts[len(top.parts)-1]
	}
	add := func(n ppNode) {
		if p := cur(); p != nil {
			p.nodes = append(p.nodes, n)
		} else {
			root = append(root, n)
		}
	}
	flush := func(end int) {
		if end > textStart {
			add(ppText(s[textStart:end]))
		}
		textStart = end
	}
	lineAt := func(i int) int {
		line += strings.Count(s[counted:i], "\n")
		counted = i
		return line
	}
	i := 0
	for i < len(s) {
		ch := s[i]
		if !ppSpecial[ch] {
			i++
			continue
		}
		var top *ppElem
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch {
		case ch == '<':
			if strings.HasPrefix(s[i:], "<!--") {
				start, end := commentSpan(s, i)
				if end == len(s) && !strings.HasSuffix(s, "-->") {
					c.diag(lineAt(i), "comment is not closed; the rest of the text is hidden")
				}
				flush(start)
				i, textStart = end, end
				continue
			}
			if end, marker, ok := c.extensionTag(s, i); ok {
				flush(i)
				add(ppText(marker))
				i, textStart = end, end
				continue
			}
			i++
		case ch == '{' && i+1 < len(s) && s[i+1] == '{':
			n := runLen(s, i, '{')
			flush(i)
			stack = append(stack, &ppElem{open: '{', count: n, parts: []ppPart{{eq: -1}}, line: lineAt(i)})
			i += n
			textStart = i
		case ch == '[' && i+1 < len(s) && s[i+1] == '[':
			flush(i)
			stack = append(stack, &ppElem{open: '[', count: 2, parts: []ppPart{{eq: -1}}})
			i += 2
			textStart = i
		case ch == '|' && top != nil && top.open == '{':
			flush(i)
			top.parts = append(top.parts, ppPart{eq: -1})
			i++
			textStart = i
		case ch == '=' && top != nil && top.open == '{' && top.parts[len(top.parts)-1].eq < 0:
			flush(i)
			p := &top.parts[len(top.parts)-1]
			p.eq = len(p.nodes)
			i++
			textStart = i
		case ch == '}' && top != nil && top.open == '{' && i+1 < len(s) && s[i+1] == '}':
			flush(i)
			m := runLen(s, i, '}')
			matched := 2
			if top.count >= 3 && m >= 3 {
				matched = 3
			}
			var node ppNode
			if matched == 3 {
				node = &ppArg{parts: top.parts}
			} else {
				node = &ppTemplate{parts: top.parts, line: top.line}
			}
			top.count -= matched
			switch {
			case top.count >= 2:
				top.parts = []ppPart{{nodes: []ppNode{node}, eq: -1}}
			default:
				stack = stack[:len(stack)-1]
				if top.count == 1 {
					add(ppText("{"))
				}
				add(node)
			}
			i += matched
			textStart = i
		case ch == ']' && top != nil && top.open == '[' && i+1 < len(s) && s[i+1] == ']':
			flush(i)
			stack = stack[:len(stack)-1]
			add(ppText("[["))
			for _, n := range top.parts[0].nodes {
				add(n)
			}
			add(ppText("]]"))
			i += 2
			textStart = i
		default:
			i++
		}
	}
	flush(len(s))
	for len(stack) > 0 { // unclosed brackets are literal text
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		add(ppText(strings.Repeat(string(top.open), top.count)))
		for k, p := range top.parts {
			if k > 0 {
				add(ppText("|"))
			}
			for j, n := range p.nodes {
				if j == p.eq {
					add(ppText("="))
				}
				add(n)
			}
			if p.eq == len(p.nodes) {
				add(ppText("="))
			}
		}
	}
	return root
}

func runLen(s string, i int, b byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == b {
		n++
	}
	return n
}

// commentSpan returns the bytes to remove for the comment starting at i: an
// unclosed comment runs to the end, and a comment alone on its line takes
// the line with it, as in MediaWiki.
func commentSpan(s string, i int) (start, end int) {
	j := strings.Index(s[i+4:], "-->")
	if j < 0 {
		return i, len(s)
	}
	end = i + 4 + j + 3
	ls := i
	for ls > 0 && (s[ls-1] == ' ' || s[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(s) && (s[le] == ' ' || s[le] == '\t') {
		le++
	}
	if ls > 0 && s[ls-1] == '\n' && le < len(s) && s[le] == '\n' {
		return ls, le + 1
	}
	return i, end
}

// extensionTag hides the content of <nowiki>, <pre> and code-highlighting
// tags behind a marker so that neither templates nor wiki markup apply.
func (c *converter) extensionTag(s string, i int) (end int, marker string, ok bool) {
	tg, ok := parseTag(s, i)
	if !ok || tg.closing {
		return 0, "", false
	}
	kind := tokPre
	switch tg.name {
	case "nowiki":
		kind = tokNowiki
	case "pre", "source", "syntaxhighlight":
	case "math":
		kind = tokMath
	default:
		return 0, "", false
	}
	if tg.selfClosing {
		if kind == tokNowiki {
			return tg.end, "", true
		}
		return tg.end, c.mark(token{kind: kind}), true
	}
	if fail, seen := c.noClose[tg.name]; seen && tg.end >= fail {
		return 0, "", false // a search from further back already failed
	}
	cs, ce := findCloseTag(s, tg.end, tg.name)
	if cs < 0 {
		if c.noClose == nil {
			c.noClose = map[string]int{}
		}
		c.noClose[tg.name] = tg.end
		return 0, "", false
	}
	text := s[tg.end:cs]
	if kind == tokNowiki {
		text = decodeEntities(text)
	} else {
		text = decodeEntities(strings.TrimPrefix(text, "\n"))
	}
	return ce, c.mark(token{kind: kind, text: text, name: codeLanguage(tg)}), true
}
