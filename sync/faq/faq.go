// Package faq splits a wiki FAQ page into its questions and answers, as
// sync/personas splits the personas page into personas: both turn one
// page's wikitext into the entities the site shows.
//
// It works on wikitext and returns wikitext; converting it is the
// caller's job (sync/normalize). A page without the shape has no
// questions.
package faq

import (
	"regexp"
	"strings"
)

// QA is one question and its answer, both wikitext.
type QA struct {
	Question string
	Answer   string // ends in a newline
}

var (
	headingLine = regexp.MustCompile(`^(={1,6})\s*(.*?)\s*(={1,6})\s*$`)
	termLine    = regexp.MustCompile(`^;\s*([^:]*?)\s*(?::\s*(.*))?$`)
)

// Split finds the page's questions: headings or ";" definition terms
// whose text ends in "?", each followed by a non-empty answer (the lines
// up to the next heading or term, a term's ":" dropped).
func Split(text string) []QA {
	var out []QA
	var cur *QA
	var answer []string
	fromTerm := false // the answer is ":" lines after a ";" term
	flush := func() {
		if cur != nil && strings.TrimSpace(strings.Join(answer, "\n")) != "" {
			cur.Answer = strings.TrimSpace(strings.Join(answer, "\n")) + "\n"
			out = append(out, *cur)
		}
		cur, answer = nil, nil
	}
	for _, line := range strings.Split(text, "\n") {
		q, rest, isBreak := questionLine(line)
		if !isBreak {
			if fromTerm && strings.HasPrefix(line, ":") {
				line = strings.TrimSpace(line[1:])
			}
			answer = append(answer, line)
			continue
		}
		flush()
		fromTerm = strings.HasPrefix(line, ";")
		if strings.HasSuffix(q, "?") {
			cur = &QA{Question: q}
			if rest != "" {
				answer = append(answer, rest)
			}
		}
	}
	flush()
	return out
}

// questionLine reports whether line is a heading or a ";" term (either
// ends the previous answer), with its text and, for "; term : def", the
// definition on the same line.
func questionLine(line string) (q, rest string, ok bool) {
	if m := headingLine.FindStringSubmatch(line); m != nil && len(m[1]) == len(m[3]) {
		return m[2], "", true
	}
	if m := termLine.FindStringSubmatch(line); m != nil {
		return m[1], m[2], true
	}
	return "", "", false
}
