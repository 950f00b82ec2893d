package wikitext

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeEntities decodes &name; &#123; &#x7B; like MediaWiki: only
// well-formed entities with a semicolon; anything else stays literal.
func decodeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, ';')
		if end < 2 || end > 34 {
			b.WriteByte('&')
			s = s[1:]
		} else if r, ok := entity(s[1:end]); ok {
			b.WriteString(r)
			s = s[end+1:]
		} else {
			b.WriteByte('&')
			s = s[1:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

func entity(name string) (string, bool) {
	if name[0] == '#' {
		var n uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		r := rune(n)
		if err != nil || n == 0 || n > utf8.MaxRune || !utf8.ValidRune(r) || isMarkRune(r) {
			return "", false
		}
		return string(r), true
	}
	for _, c := range []byte(name) {
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') {
			return "", false
		}
	}
	d := html.UnescapeString("&" + name + ";")
	// html also decodes a known prefix ("&ltA0;" → "<A0;"); MediaWiki
	// wants the whole name, so the semicolon must have been consumed.
	if d == "&"+name+";" || (strings.HasSuffix(d, ";") && name != "semi") {
		return "", false
	}
	return d, true
}

// isMarkRune reports the private-use runes reserved for strip markers.
func isMarkRune(r rune) bool { return r == 0xE000 || r == 0xE001 }

// escapeMD makes wiki text literal in Markdown. It escapes what could start
// Markdown or HTML inline syntax, and neutralises Hugo shortcode delimiters
// with entities (goldmark decodes them even in safe mode).
func escapeMD(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		plain = !mdSpecial[s[i]]
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '<':
			b.WriteString("&lt;") // never a tag, and no "<script" in the source
		case '\\', '`', '*', '_', '[', ']', '|', '~':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '&':
			b.WriteString("&amp;")
		case '{', '}':
			// always: neighbouring text nodes must not join into "{{<"
			b.WriteString("&#" + strconv.Itoa(int(c)) + ";")
		case '\n', '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var mdSpecial = func() (t [256]bool) {
	for _, b := range []byte("<\\`*_[]|~&{}\n\t") {
		t[b] = true
	}
	return t
}()

// escapeLineStart escapes what would make a Markdown line a block: a
// heading, quote, list item, rule, setext underline or front matter fence.
func escapeLineStart(line string) string {
	t := strings.TrimLeft(line, " \t")
	if t == "" {
		return t
	}
	switch t[0] {
	case '#', '>', '-', '+', '=':
		return "\\" + t
	}
	d := 0
	for d < len(t) && t[d] >= '0' && t[d] <= '9' {
		d++
	}
	if d > 0 && d < len(t) && (t[d] == '.' || t[d] == ')') {
		return t[:d] + "\\" + t[d:]
	}
	return t
}

// escapeHTML escapes text for the wikihtml block, shortcode delimiters included.
func escapeHTML(s string) string {
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;",
	`"`, "&#34;", "'", "&#39;", "{", "&#123;", "}", "&#125;")

// escapeParam makes plain text safe inside a shortcode's quoted parameter:
// backslash and quote are escaped; characters that could end the shortcode
// or start another become character references.
func escapeParam(s string) string {
	return paramEscaper.Replace(s)
}

var paramEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "<", "&lt;", ">", "&gt;",
	"%", "&#37;", "{", "&#123;", "}", "&#125;", "\n", " ")

// escapeURL makes a URL safe as a Markdown link destination.
func escapeURL(u string) string {
	return urlEscaper.Replace(u)
}

var urlEscaper = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C",
	">", "%3E", `"`, "%22", `\`, "%5C", "{", "%7B", "}", "%7D", "|", "%7C",
	"[", "%5B", "]", "%5D", "`", "%60", "\n", "%0A")
