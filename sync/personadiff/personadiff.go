// Package personadiff compares two versions of a personas page: which personas
// were added, removed or renamed, which of their fields changed, and a word
// diff of each changed section, plus the text around the personas.
//
// It is a pure function over two wikitext strings: sync/personas takes each
// apart and sync/worddiff diffs the pieces. It reads no archive, knows no
// meetings and renders no HTML — the site's rendered diffs of converted
// documents are sync/docdiff's; this is what `wikisite diff` prints in a
// terminal, a pull request or a job summary, and what its --format json
// emits.
package personadiff

import (
	"github.com/wikisite/wikisite/sync/personas"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// The kinds of change a persona or a section can have.
const (
	Added   = "added"
	Removed = "removed"
	Renamed = "renamed" // a persona under a new name (and slug); may also have changed
	Changed = "changed"
)

// Diff is the difference between two versions of a page.
type Diff struct {
	// Personas are the personas that differ, in the new version's order,
	// then the removed ones in the old version's order.
	Personas []Persona `json:"personas"`
	// Text is the changes to the text outside the personas: the page's
	// preamble, its group headings, and what follows the personas.
	Text []Section `json:"text"`
}

// Empty reports whether the two versions are the same.
func (d Diff) Empty() bool { return len(d.Personas) == 0 && len(d.Text) == 0 }

// Persona is one persona that differs between the versions.
type Persona struct {
	// Slug is the persona's slug in the new version (the old one's when
	// removed); OldSlug is set when a rename changed it.
	Slug    string `json:"slug"`
	OldSlug string `json:"old_slug,omitempty"`
	// Name is the persona's name in the new version (the old one's when
	// removed); OldName is set when it changed.
	Name    string `json:"name"`
	OldName string `json:"old_name,omitempty"`
	// Change is Added, Removed, Renamed or Changed.
	Change   string    `json:"change"`
	Fields   []Field   `json:"fields,omitempty"`
	Sections []Section `json:"sections,omitempty"`
}

// Field is a profile row or a line of the persona's head (name, role,
// quote, …) whose value changed; Old or New is "" when the row is new or gone.
type Field struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Section is a sub-section (or a stretch of text) that changed.
type Section struct {
	Title  string `json:"title"`
	Change string `json:"change"` // Added, Removed or Changed
	// Diff is the word diff of the section's wikitext: its equal and
	// delete spans spell the old text, its equal and insert spans the new.
	Diff []Span `json:"diff"`
}

// Span is a run of text and what the change does to it: "equal",
// "insert" or "delete".
type Span struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Compare diffs the old and new wikitext of a personas page. A page with no
// persona headings is compared as text only.
func Compare(old, new string) Diff {
	a, _ := personas.Split(old)
	b, _ := personas.Split(new)
	var d Diff
	pairs, removed := match(a.Personas, b.Personas)
	for i := range b.Personas {
		if j := pairs[i]; j >= 0 {
			if p, ok := comparePersona(&a.Personas[j], &b.Personas[i]); ok {
				d.Personas = append(d.Personas, p)
			}
			continue
		}
		d.Personas = append(d.Personas, whole(&b.Personas[i], Added))
	}
	for _, j := range removed {
		d.Personas = append(d.Personas, whole(&a.Personas[j], Removed))
	}
	d.Text = appendSection(d.Text, "Before the personas", a.Preamble, b.Preamble)
	d.Text = appendSection(d.Text, "Group headings", groupText(a), groupText(b))
	d.Text = appendSection(d.Text, "After the personas", a.Trailer, b.Trailer)
	return d
}

// match pairs each new persona with an old one: the same slug first, then,
// among those left, the same "Persona #N" number (a rename). It returns, per
// new persona, the old index or -1, and the old personas left unpaired.
func match(old, new []personas.Persona) (pairs []int, removed []int) {
	pairs = make([]int, len(new))
	used := make([]bool, len(old))
	for i := range new {
		pairs[i] = -1
		for j := range old {
			if !used[j] && old[j].Slug == new[i].Slug {
				pairs[i], used[j] = j, true
				break
			}
		}
	}
	for i := range new {
		if pairs[i] >= 0 || new[i].Number == 0 {
			continue
		}
		for j := range old {
			if !used[j] && old[j].Number == new[i].Number {
				pairs[i], used[j] = j, true
				break
			}
		}
	}
	for j := range old {
		if !used[j] {
			removed = append(removed, j)
		}
	}
	return pairs, removed
}

// whole is a persona that is only in one version: every field and section
// as added or removed.
func whole(p *personas.Persona, change string) Persona {
	var empty personas.Persona
	out := Persona{Slug: p.Slug, Name: p.Name, Change: change}
	a, b := &empty, p
	if change == Removed {
		a, b = p, &empty
	}
	out.Fields = compareFields(a, b)
	out.Sections = compareSections(a, b)
	return out
}

func comparePersona(a, b *personas.Persona) (Persona, bool) {
	out := Persona{Slug: b.Slug, Name: b.Name, Change: Changed}
	if a.Slug != b.Slug {
		out.Change, out.OldSlug = Renamed, a.Slug
	}
	if a.Name != b.Name {
		out.OldName = a.Name
	}
	out.Fields = compareFields(a, b)
	out.Sections = compareSections(a, b)
	if out.Change == Changed && len(out.Fields) == 0 && len(out.Sections) == 0 {
		return out, false
	}
	return out, true
}

func groupText(d personas.Document) string {
	var s string
	for _, g := range d.Groups {
		s += g.Wikitext
	}
	return s
}

// appendSection adds the change from old to new, if any, to list.
func appendSection(list []Section, title, old, new string) []Section {
	if old == new {
		return list
	}
	change := Changed
	switch {
	case old == "":
		change = Added
	case new == "":
		change = Removed
	}
	var spans []Span
	for _, s := range worddiff.Words(old, new) {
		spans = append(spans, Span{Op: s.Op.String(), Text: s.Text})
	}
	return append(list, Section{Title: title, Change: change, Diff: spans})
}
