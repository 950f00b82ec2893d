package wikitext

import (
	"fmt"
	"strings"
)

// isHeadingLine reports "= x =" style lines (trailing spaces allowed).
func isHeadingLine(l string) bool {
	t := strings.TrimRight(l, " \t")
	return len(t) >= 3 && t[0] == '=' && t[len(t)-1] == '=' && strings.Trim(t, "=") != ""
}

// parseHeading reads a heading; its level is the smaller of the two runs
// of "=", at most 6, and extra "=" belong to the text, as in MediaWiki.
func (c *converter) parseHeading(l string, line int) block {
	t := strings.TrimRight(l, " \t")
	lead := min(runLen(t, 0, '='), 6)
	trail := 0
	for trail < len(t) && t[len(t)-1-trail] == '=' {
		trail++
	}
	level := min(lead, trail, 6)
	inner := t[level : len(t)-level]
	if strings.TrimSpace(inner) == "" {
		c.diag(line, fmt.Sprintf("empty heading %q", t))
	}
	return &heading{level: level, inl: trimInlines(c.parseInline(strings.TrimSpace(inner), line))}
}
