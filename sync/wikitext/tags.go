package wikitext

import "strings"

// tag is one HTML-ish tag as written in wikitext.
type tag struct {
	name        string // lower case
	attrs       string
	closing     bool
	selfClosing bool
	end         int // offset just after '>'
}

// maxTagLen bounds a tag's length so that many unclosed "<a \"" stay cheap.
const maxTagLen = 4096

// parseTag reads a tag starting at s[i] == '<'.
func parseTag(s string, i int) (tag, bool) {
	var t tag
	j := i + 1
	if j < len(s) && s[j] == '/' {
		t.closing = true
		j++
	}
	k := j
	for k < len(s) && (isASCIILetter(s[k]) || (k > j && s[k] >= '0' && s[k] <= '9')) {
		k++
	}
	if k == j || k >= len(s) {
		return t, false
	}
	t.name = strings.ToLower(s[j:k])
	if c := s[k]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' {
		return t, false
	}
	var quote byte
	for e := k; e < len(s) && e-i < maxTagLen; e++ {
		switch c := s[e]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return t, false
		case c == '>':
			t.attrs = s[k:e]
			if strings.HasSuffix(t.attrs, "/") {
				t.selfClosing = true
				t.attrs = t.attrs[:len(t.attrs)-1]
			}
			t.end = e + 1
			return t, true
		}
	}
	return t, false
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// tagRole says what the converter does with an allowed tag.
type tagRole int

const (
	roleUnknown     tagRole = iota // shown as literal text, like MediaWiki does
	roleTransparent                // dropped, content kept (styles lost)
	roleBlock                      // a paragraph break, content kept
	roleInline                     // becomes an inline node
	roleBreak                      // <br>
	roleRule                       // <hr>
)

var tagRoles = map[string]tagRole{
	"span": roleTransparent, "font": roleTransparent, "small": roleTransparent,
	"big": roleTransparent, "abbr": roleTransparent, "cite": roleTransparent,
	"dfn": roleTransparent, "bdi": roleTransparent, "bdo": roleTransparent,
	"data": roleTransparent, "time": roleTransparent, "mark": roleTransparent,
	"ruby": roleTransparent, "rb": roleTransparent, "rp": roleTransparent,
	"rt": roleTransparent, "q": roleTransparent, "wbr": roleTransparent,
	"ref": roleTransparent, "includeonly": roleTransparent,
	"noinclude": roleTransparent, "onlyinclude": roleTransparent,
	"div": roleBlock, "center": roleBlock, "p": roleBlock, "blockquote": roleBlock,
	"h1": roleBlock, "h2": roleBlock, "h3": roleBlock, "h4": roleBlock,
	"h5": roleBlock, "h6": roleBlock, "table": roleBlock, "tr": roleBlock,
	"td": roleBlock, "th": roleBlock, "caption": roleBlock, "thead": roleBlock,
	"tbody": roleBlock, "tfoot": roleBlock, "ul": roleBlock, "ol": roleBlock,
	"li": roleBlock, "dl": roleBlock, "dt": roleBlock, "dd": roleBlock,
	"references": roleBlock, "gallery": roleBlock,
	"b": roleInline, "strong": roleInline, "i": roleInline, "em": roleInline,
	"code": roleInline, "tt": roleInline, "kbd": roleInline, "samp": roleInline,
	"var": roleInline, "s": roleInline, "strike": roleInline, "del": roleInline,
	"u": roleInline, "ins": roleInline, "sup": roleInline, "sub": roleInline,
	"br": roleBreak, "hr": roleRule,
}

// inlineKindOf maps an inline tag to the node kind it becomes.
func inlineKindOf(name string) inlineKind {
	switch name {
	case "b", "strong":
		return inStrong
	case "i", "em":
		return inEm
	case "code", "tt", "kbd", "samp", "var":
		return inCode
	case "s", "strike", "del":
		return inDel
	case "u", "ins":
		return inIns
	case "sup":
		return inSup
	case "sub":
		return inSub
	}
	return inSpan
}
