// Package personas splits a personas page's wikitext into its preamble and
// one record per persona: heading, name, role, quote, image, profile table
// and sub-sections, each still in wikitext.
//
// It is a pure function over a string: it does no I/O, keeps no state, and
// does not convert wikitext to Markdown (callers pass the pieces to the
// converter). It reads the page line by line, the way the page is written by
// hand, and never fails: text it does not recognise stays in the preamble, a
// persona's Intro or the trailer. SplitRule takes any other document apart
// the same way, by a Rule saying which headings start an entity.
package personas

import (
	"regexp"
	"strconv"
)

// Document is a personas page taken apart. Preamble, then the groups and
// personas in page order (see Group.First), then Trailer, spell the page
// exactly.
type Document struct {
	// Preamble is the wikitext before the first persona or group heading:
	// header boxes, discussion, the ideas list.
	Preamble string
	// Groups are the headings that gather personas, such as
	// "== Primary Personas ==", with the text between each and its first
	// persona.
	Groups   []Group
	Personas []Persona
	// Trailer is the wikitext from the first heading after the personas
	// that closes them and is neither a persona nor a group, such as a
	// following "== See also ==".
	Trailer string
}

// Group is a heading that gathers personas.
type Group struct {
	Key     string // "primary", "secondary", "anti-persona", …
	Heading string // the heading's text as written, e.g. "Primary Personas"
	Level   int
	// First is the index in Document.Personas of the group's first persona;
	// the group's Wikitext comes right before it in the page. A group with
	// no personas has First equal to the next group's (or len(Personas)).
	First int
	// Wikitext is the heading line and any text up to the first persona.
	Wikitext string
}

// Persona is one persona's section of the page.
type Persona struct {
	Number   int    // 1 from "Persona #1…", 0 if the heading has no number
	Heading  string // the heading's text as written, e.g. "Persona #1: SysAdmin MacGuyver"
	Nickname string // what follows "Persona #N:" in the heading, e.g. "SysAdmin MacGuyver"
	Level    int    // the heading's level
	Group    string // the enclosing Group's Key, "" outside any group

	// Name, Role, Organisation and Quote are wikitext lifted from the lines
	// under the heading: the name line, the title line split at its first
	// ';' (else ','), and the quote without its quotation marks.
	Name, Role, Organisation, Quote string
	Image                           string // the picture's file name, without "File:"
	Profile                         []Field
	Sections                        []Section
	// Intro is the wikitext between the heading and the first sub-section
	// that was not lifted into the fields above; usually empty.
	Intro string
	// Slug is a URL path segment from Name ("sandra-summers"), or
	// "persona-N" without a name; unique within the document.
	Slug string
	// Wikitext is the persona's whole section, heading line included.
	Wikitext string
}

// Field is one row of a persona's profile table.
type Field struct {
	Key      string // stable snake_case key, e.g. "age", "years_of_experience"
	Label    string // the row's label as written
	Wikitext string // the row's value
}

// Section is a sub-section of a persona, such as Motivation or Goals.
type Section struct {
	Title    string
	Slug     string // unique within the persona
	Level    int
	Wikitext string // the body, heading line excluded, without surrounding blank lines or a closing rule
}

// Rule says which headings of a page start an entity and what is read
// from each, so a document other than a personas page (a PRD's use cases,
// another group's personas) splits the same way. The zero Rule is the
// personas page's: "Persona #N: Nickname" headings at any level, "…
// Personas" group headings, the profile table as Profile.
type Rule struct {
	// Heading, when set, matches the text of a heading that starts an
	// entity instead of the persona pattern; its first submatch, if any
	// and a number, is the entity's Number and its second the Nickname.
	// Group headings are then not looked for.
	Heading *regexp.Regexp
	// Level, when not 0, is the only heading level that starts an entity.
	Level int
	// NoProfile keeps a profile table in the entity's Intro instead of
	// reading it into Profile.
	NoProfile bool
}

// Split takes a personas page apart. It reports false, and a Document whose
// Preamble is the whole page, when the page has no persona headings.
func Split(src string) (Document, bool) { return SplitRule(src, Rule{}) }

// SplitRule takes a page apart into the entities r finds, as Split does
// for personas.
func SplitRule(src string, r Rule) (Document, bool) {
	lines := splitLines(src)
	heads := findHeadings(lines)
	doc, spans := layout(src, lines, heads, r)
	if len(doc.Personas) == 0 {
		return Document{Preamble: src}, false
	}
	used := map[string]bool{}
	for i := range doc.Personas {
		p := &doc.Personas[i]
		readPersona(p, lines[spans[i].from:spans[i].to], heads, !r.NoProfile)
		slug := personaSlug(p)
		if r.Heading != nil && slugify(p.Name) == "" {
			slug = slugOr(p.Nickname, slug)
		}
		p.Slug = unique(slug, used)
	}
	return doc, true
}

func personaSlug(p *Persona) string {
	if s := slugify(p.Name); s != "" {
		return s
	}
	if p.Number > 0 {
		return "persona-" + strconv.Itoa(p.Number)
	}
	return "persona"
}
