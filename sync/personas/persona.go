package personas

import "strings"

// readPersona fills a persona's fields from its lines, the first of which
// is its heading.
func readPersona(p *Persona, lines []line, heads []heading, profile bool) {
	subs := subHeadings(lines[1:], heads)
	headEnd := len(lines)
	if len(subs) > 0 {
		headEnd = subs[0]
	}
	readHead(p, lines[1:headEnd], profile)
	used := map[string]bool{}
	for k, at := range subs {
		end := len(lines)
		if k+1 < len(subs) {
			end = subs[k+1]
		}
		h := heads[lines[at].heading]
		p.Sections = append(p.Sections, Section{
			Title:    h.title,
			Slug:     unique(slugOr(h.title, "section"), used),
			Level:    h.level,
			Wikitext: body(lines[at+1 : end]),
		})
	}
}

// subHeadings returns the indices, in the persona's lines, of its
// sub-section headings: those of the highest level found under the persona
// heading. Deeper headings stay in their section's body.
func subHeadings(lines []line, heads []heading) []int {
	top := 7
	for _, l := range lines {
		if l.heading >= 0 {
			top = min(top, heads[l.heading].level)
		}
	}
	var at []int
	for i, l := range lines {
		if l.heading >= 0 && heads[l.heading].level == top {
			at = append(at, i+1) // +1: lines[0] is the persona heading
		}
	}
	return at
}

// body joins lines into wikitext without the blank lines around it or a
// closing horizontal rule, which on these pages separates personas.
func body(lines []line) string {
	for len(lines) > 0 && (isBlank(lines[len(lines)-1].text) || isRule(lines[len(lines)-1].text)) {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && isBlank(lines[0].text) {
		lines = lines[1:]
	}
	return join(lines)
}

// join returns the lines' text, one per line, without a final line break.
func join(lines []line) string {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

func isRule(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(t, "----") && strings.Trim(t, "-") == "" {
		return true
	}
	return isTag(t, "hr")
}

// isTag reports whether t (lower case, trimmed) is just an opening,
// closing or self-closing tag of the given name, such as "<hr />".
func isTag(t, name string) bool {
	if !strings.HasPrefix(t, "<") {
		return false
	}
	t = t[1:]
	t = strings.TrimPrefix(t, "/")
	if len(t) == len(name) || !strings.HasPrefix(t, name) || !strings.HasSuffix(t, ">") {
		return false
	}
	rest := t[len(name):]
	return rest[0] == '>' || rest[0] == ' ' || rest[0] == '/' || rest[0] == '\t'
}
