package personas

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// span is a range of lines [from, to).
type span struct{ from, to int }

// personaHeading matches "Persona", "Persona #1", "Persona 2: DevOps",
// "Persona #3 – Name", but not "Personas".
var personaHeading = regexp.MustCompile(`(?i)^persona(?:\s*#?\s*(\d+))?\s*(?:[:\-–—]\s*(.*))?$`)

// groupHeading matches "Primary Personas", "Secondary personas",
// "Anti-Personas", "Antipersonas": one word, then "personas".
var groupHeading = regexp.MustCompile(`(?i)^([\pL\pN]+)[\s-]*personas$`)

func groupKey(title string) (string, bool) {
	m := groupHeading.FindStringSubmatch(title)
	if m == nil {
		return "", false
	}
	if key := strings.ToLower(m[1]); key != "anti" {
		return key, true
	}
	return "anti-persona", true
}

// layout cuts the page into preamble, groups, personas and trailer. A
// persona runs to the next heading of its level or above; a group heading
// runs to its first persona. The first heading that closes a persona (or a
// group's text) and is neither starts the trailer.
func layout(src string, lines []line, heads []heading, r Rule) (Document, []span) {
	var (
		doc    Document
		spans  []span
		open   = -1 // level of the open persona or group, -1 before any
		group  = -1 // index of the enclosing group, -1 outside any
		cut    = func(i int) int { return lines[i].start }
		start  = 0 // offset where the open piece began
		finish func(end int)
	)
	finish = func(int) {}
	for _, h := range heads {
		m := r.match(h)
		key, isGroup := "", false
		if r.Heading == nil {
			key, isGroup = groupKey(h.title)
		}
		switch {
		case m != nil || isGroup:
			if open < 0 {
				doc.Preamble = src[:cut(h.line)]
			} else {
				finish(cut(h.line))
			}
			start = cut(h.line)
		case open >= 0 && h.level <= open:
			finish(cut(h.line))
			doc.Trailer = src[cut(h.line):]
			return doc, spans
		default:
			continue
		}
		if isGroup {
			doc.Groups = append(doc.Groups, Group{Key: key, Heading: h.title, Level: h.level, First: len(doc.Personas)})
			g := len(doc.Groups) - 1
			group = g
			finish = func(end int) { doc.Groups[g].Wikitext = src[start:end] }
			open = h.level
			continue
		}
		if group >= 0 && h.level <= doc.Groups[group].Level {
			group = -1
		}
		p := newPersona(h, m)
		if group >= 0 {
			p.Group = doc.Groups[group].Key
		}
		doc.Personas = append(doc.Personas, p)
		spans = append(spans, span{from: h.line})
		i := len(doc.Personas) - 1
		finish = func(end int) {
			doc.Personas[i].Wikitext = src[start:end]
			spans[i].to = lineAt(lines, end)
		}
		open = h.level
	}
	if open < 0 {
		doc.Preamble = src
	} else {
		finish(len(src))
	}
	return doc, spans
}

// match returns the heading's number and nickname submatches (m[1],
// m[2], either possibly "") when it starts an entity under r, else nil.
func (r Rule) match(h heading) []string {
	if r.Level != 0 && h.level != r.Level {
		return nil
	}
	if r.Heading == nil {
		return personaHeading.FindStringSubmatch(h.title)
	}
	m := r.Heading.FindStringSubmatch(h.title)
	if m == nil {
		return nil
	}
	if len(m) < 3 {
		m = append(m, "", "")[:3]
		m[2] = h.title // no nickname group: the heading names the entity
	}
	return m
}

func newPersona(h heading, m []string) Persona {
	p := Persona{Heading: h.title, Level: h.level, Nickname: strings.TrimSpace(m[2])}
	p.Number, _ = strconv.Atoi(m[1])
	return p
}

// lineAt returns the index of the line that starts at offset, or len(lines).
func lineAt(lines []line, offset int) int {
	return sort.Search(len(lines), func(i int) bool { return lines[i].start >= offset })
}
