package wikitext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikisite/wikisite/sync/pagename"
)

// parserFunction evaluates {{#name: first | args…}}; ok is false when name
// is no parser function we know, so the caller treats it as a template.
// Branches are expanded only when taken, as in MediaWiki.
func (c *converter) parserFunction(name, first string, args []ppPart, f *frame, line int) (string, bool) {
	arg := func(i int) string {
		if i >= len(args) {
			return ""
		}
		return strings.TrimSpace(c.expandPart(args[i], f))
	}
	first = strings.TrimSpace(first)
	switch name {
	case "#if":
		if first != "" {
			return arg(0), true
		}
		return arg(1), true
	case "#ifeq":
		if equalValues(first, arg(0)) {
			return arg(1), true
		}
		return arg(2), true
	case "#ifexist":
		if c.exists(first) {
			return arg(0), true
		}
		return arg(1), true
	case "#switch":
		return c.switchFunc(first, args, f), true
	case "lc":
		return strings.ToLower(first), true
	case "uc":
		return strings.ToUpper(first), true
	case "lcfirst":
		return mapFirst(first, unicode.ToLower), true
	case "ucfirst":
		return mapFirst(first, unicode.ToUpper), true
	}
	if out, ok := c.moreParserFunction(name, first, args, f, line); ok {
		return out, true
	}
	if strings.HasPrefix(name, "#") {
		// MediaWiki shows a call of a function it lacks (#invoke without
		// Scribunto) as the wikitext itself.
		c.diag(line, fmt.Sprintf("parser function %s is not supported; shown as written", name))
		return c.literalTemplate(name+":"+first, args, f), true
	}
	return "", false
}

func (c *converter) exists(title string) bool {
	if !validTitle(title) {
		return false
	}
	_, ok := c.template(pagename.Canonical(title))
	return ok
}

// switchFunc implements #switch with fall-through, #default and a final
// unnamed default.
func (c *converter) switchFunc(value string, args []ppPart, f *frame) string {
	matched := false
	var def *ppPart
	for i := range args {
		p := &args[i]
		if p.eq < 0 {
			key := strings.TrimSpace(c.expandString(p.nodes, f))
			if i == len(args)-1 && !matched {
				return key
			}
			if equalValues(key, value) {
				matched = true
			}
			continue
		}
		key := strings.TrimSpace(c.expandString(p.nodes[:p.eq], f))
		if matched || equalValues(key, value) {
			return strings.TrimSpace(c.expandString(p.nodes[p.eq:], f))
		}
		if key == "#default" {
			def = p
		}
	}
	if def != nil {
		return strings.TrimSpace(c.expandString(def.nodes[def.eq:], f))
	}
	return ""
}

// equalValues compares like MediaWiki: numerically when both are numbers.
func equalValues(a, b string) bool {
	if a == b {
		return true
	}
	fa, ea := strconv.ParseFloat(a, 64)
	fb, eb := strconv.ParseFloat(b, 64)
	return ea == nil && eb == nil && fa == fb
}

func mapFirst(s string, m func(rune) rune) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(m(r)) + s[n:]
}
