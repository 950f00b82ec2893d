package personas

import (
	"regexp"
	"strings"
)

// readHead lifts the name, title, quote, image and profile table out of the
// lines between a persona's heading and its first sub-section; what is left
// becomes the Intro. Lines that only open or close a <div>, <center> or
// <span>, breaks and rules are layout and are dropped.
func readHead(p *Persona, lines []line, profile bool) {
	var rest []line
	var texts []string // candidate name, title and quote lines, in order
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		switch {
		case strings.HasPrefix(t, "{|") && p.Profile == nil:
			end := tableEnd(lines, i)
			if profile {
				p.Profile = parseTable(lines[i+1 : end])
			} else {
				rest = append(rest, lines[i:min(end+1, len(lines))]...)
			}
			i = end
		case strings.HasPrefix(strings.ToLower(t), "<span"):
			end := spanEnd(lines, i)
			texts = append(texts, spanText(join(lines[i:end+1])))
			i = end
		case p.Image == "" && imageLink.MatchString(t):
			p.Image = imageName(t)
			if rem := strings.TrimSpace(imageLink.ReplaceAllString(t, "")); rem != "" {
				rest = append(rest, lines[i])
			}
		case t == "" || isLayout(t):
			if t == "" {
				rest = append(rest, lines[i])
			}
		case isNameLike(t):
			texts = append(texts, t)
		default:
			rest = append(rest, lines[i])
		}
	}
	extra := assign(p, texts)
	p.Intro = strings.TrimSpace(join(rest) + "\n" + strings.Join(extra, "\n"))
}

// assign gives the quote (the text in quotation marks), the name (the first
// other text) and the title (the second) their fields, and returns any
// texts left over.
func assign(p *Persona, texts []string) []string {
	var extra []string
	titled := false
	for _, t := range texts {
		switch {
		case t == "":
		case p.Quote == "" && isQuoted(t):
			p.Quote = unquote(t)
		case p.Name == "":
			p.Name = unbold(t)
		case !titled:
			p.Role, p.Organisation = splitTitle(t)
			titled = true
		default:
			extra = append(extra, t)
		}
	}
	return extra
}

// isNameLike tells a short plain line (a name, a title, a quote) from
// paragraphs, lists, tables and other markup.
func isNameLike(t string) bool {
	return len(t) < 300 && !strings.ContainsAny(t[:1], "*#:;|!{<=[") && !strings.Contains(t, "\n")
}

func isLayout(t string) bool {
	l := strings.ToLower(t)
	return isRule(l) || isTag(l, "div") || isTag(l, "center") || isTag(l, "br") || isTag(l, "span") || isTag(l, "p")
}

// tableEnd returns the index of the line that closes the table opened at
// lines[i], or len(lines) when it is not closed.
func tableEnd(lines []line, i int) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		switch {
		case strings.HasPrefix(t, "{|"):
			depth++
		case strings.HasPrefix(t, "|}"):
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return len(lines)
}

// spanEnd returns the index of the line holding the </span> that closes
// the span opened at lines[i], or i when none does.
func spanEnd(lines []line, i int) int {
	for j := i; j < len(lines); j++ {
		if strings.Contains(strings.ToLower(lines[j].text), "</span>") {
			return j
		}
	}
	return i
}

var spanTags = regexp.MustCompile(`(?i)</?span\b[^>]*>`)

// spanText returns the text of a <span …>…</span> block without its tags.
func spanText(s string) string {
	return strings.TrimSpace(spanTags.ReplaceAllString(s, ""))
}

var imageLink = regexp.MustCompile(`(?i)\[\[\s*(?:file|image)\s*:\s*([^|\]]*)[^\]]*\]\]`)

func imageName(t string) string {
	return strings.TrimSpace(imageLink.FindStringSubmatch(t)[1])
}

// quotePairs are the quotation marks a quote may be wrapped in.
var quotePairs = [][2]string{{`"`, `"`}, {"“", "”"}, {"„", "“"}, {"«", "»"}, {"‘", "’"}}

func isQuoted(t string) bool {
	t = unitalic(t)
	for _, q := range quotePairs {
		if len(t) > len(q[0])+len(q[1]) && strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) {
			return true
		}
	}
	return false
}

func unquote(t string) string {
	t = unitalic(t)
	for _, q := range quotePairs {
		if strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) {
			return strings.TrimSpace(t[len(q[0]) : len(t)-len(q[1])])
		}
	}
	return t
}

// unitalic and unbold drop the italic (two apostrophes) or bold (three)
// markup wrapped around all of t.
func unitalic(t string) string { return unwrap(t, "''") }
func unbold(t string) string   { return unwrap(unwrap(t, "'''"), "''") }

func unwrap(t, q string) string {
	if len(t) > 2*len(q) && strings.HasPrefix(t, q) && strings.HasSuffix(t, q) {
		return strings.TrimSpace(t[len(q) : len(t)-len(q)])
	}
	return t
}

// splitTitle splits "Role; Organisation" at the first ';', or at the first
// ',' when there is none.
func splitTitle(t string) (role, org string) {
	i := strings.IndexByte(t, ';')
	if i < 0 {
		i = strings.IndexByte(t, ',')
	}
	if i < 0 {
		return t, ""
	}
	return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
}
