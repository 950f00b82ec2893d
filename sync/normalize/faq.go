package normalize

import (
	"regexp"
	"strings"
)

type question struct {
	Question string `toml:"question"`
	AnswerMD string `toml:"answer_md"`
}

type faqParams struct {
	Source    *source    `toml:"source,omitempty"`
	Questions []question `toml:"questions,omitempty"`
}

// faqTitle is the first configured page whose title ends in "/FAQ".
func (b *builder) faqTitle() string {
	for _, t := range b.configured() {
		if strings.HasSuffix(t, "/FAQ") {
			return t
		}
	}
	return ""
}

// writeFAQ writes faq/_index.md when the configured FAQ page is archived.
func (b *builder) writeFAQ() error {
	title := b.faqTitle()
	p := b.page(title)
	if p == nil {
		return nil
	}
	r := visible(p, p.Last())
	if r == nil {
		return nil
	}
	text, err := b.text(p.Title, r)
	if err != nil {
		return err
	}
	body, err := b.conv.markdown(text, r.Timestamp)
	if err != nil {
		return err
	}
	params := faqParams{Source: b.source(p.Title, r)}
	for _, q := range splitQuestions(text) {
		qt, err := b.conv.plainText(q.question, r.Timestamp)
		if err != nil {
			return err
		}
		md, err := b.conv.markdown(q.answer, r.Timestamp)
		if err != nil {
			return err
		}
		params.Questions = append(params.Questions, question{Question: qt, AnswerMD: md})
	}
	b.faqURL = "/faq/"
	fm := frontMatter{Title: p.Title, Type: "faq", URL: "/faq/", Date: r.Timestamp, Params: &params}
	return b.writeDoc("faq/_index.md", fm, body)
}

// rawQA is a question and its answer, both wikitext.
type rawQA struct{ question, answer string }

var (
	headingLine = regexp.MustCompile(`^(={1,6})\s*(.*?)\s*(={1,6})\s*$`)
	termLine    = regexp.MustCompile(`^;\s*([^:]*?)\s*(?::\s*(.*))?$`)
)

// splitQuestions finds the page's questions: headings or ";" definition
// terms whose text ends in "?", each followed by a non-empty answer (the
// lines up to the next heading or term, a term's ":" dropped). A page without that shape has no
// questions and is shown as its body only.
func splitQuestions(text string) []rawQA {
	var out []rawQA
	var cur *rawQA
	var answer []string
	fromTerm := false // the answer is ":" lines after a ";" term
	flush := func() {
		if cur != nil && strings.TrimSpace(strings.Join(answer, "\n")) != "" {
			cur.answer = strings.TrimSpace(strings.Join(answer, "\n")) + "\n"
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
			cur = &rawQA{question: q}
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
