package wikitext

import (
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/pagename"
)

// moreParserFunction evaluates the ParserFunctions and core functions
// beyond the conditionals: #expr, #ifexpr, #time, #tag, #titleparts and
// DISPLAYTITLE. ok is false for any other name.
func (c *converter) moreParserFunction(name, first string, args []ppPart, f *frame, line int) (string, bool) {
	arg := func(i int) string {
		if i >= len(args) {
			return ""
		}
		return strings.TrimSpace(c.expandPart(args[i], f))
	}
	switch name {
	case "#expr":
		v, err := evalExpr(first)
		switch {
		case err == errEmptyExpr:
			return "", true
		case err != nil:
			return exprError(err), true
		}
		return formatNumber(v), true
	case "#ifexpr":
		v, err := evalExpr(first)
		switch {
		case err == errEmptyExpr:
			return arg(1), true
		case err != nil:
			return exprError(err), true
		case v != 0:
			return arg(0), true
		}
		return arg(1), true
	case "#time":
		return c.timeFunc(first, arg(0)), true
	case "#tag":
		return c.tagFunc(first, args, f), true
	case "#titleparts":
		return titleParts(first, arg(0), arg(1)), true
	case "displaytitle":
		c.displayTitle = c.plainOf(first)
		return "", true
	}
	return "", false
}

// exprError is how MediaWiki shows a bad expression: bold, in the text.
func exprError(err error) string {
	return "<strong>Expression error: " + escapeWikiText(err.Error()) + "</strong>"
}

// tagFunc is {{#tag:name|content|attr=value…}}: the tag, written out and
// parsed like any other, so the allow-list applies.
func (c *converter) tagFunc(name string, args []ppPart, f *frame) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if !validParamName(name) {
		return ""
	}
	var b strings.Builder
	b.WriteString("<" + name)
	content := ""
	for i, p := range args {
		if p.eq < 0 {
			if i == 0 {
				content = c.expandString(p.nodes, f)
			}
			continue
		}
		k := strings.TrimSpace(c.expandString(p.nodes[:p.eq], f))
		v := strings.Trim(strings.TrimSpace(c.expandString(p.nodes[p.eq:], f)), `"'`)
		if validParamName(k) {
			b.WriteString(" " + k + `="` + strings.ReplaceAll(v, `"`, "&quot;") + `"`)
		}
	}
	b.WriteString(">" + content + "</" + name + ">")
	return b.String()
}

// titleParts is {{#titleparts:title|count|first}}: count segments of the
// slash-separated title from segment first (1-based; negative counts
// from the end).
func titleParts(title, count, first string) string {
	parts := strings.Split(pagename.Canonical(title), "/")
	n, _ := strconv.Atoi(count)
	start, _ := strconv.Atoi(first)
	switch {
	case start > 0:
		start--
	case start < 0:
		start = max(0, len(parts)+start)
	}
	if start >= len(parts) {
		return ""
	}
	parts = parts[start:]
	switch {
	case n > 0 && n < len(parts):
		parts = parts[:n]
	case n < 0:
		parts = parts[:max(0, len(parts)+n)]
	}
	return strings.Join(parts, "/")
}
