package normalize

import (
	"github.com/wikisite/wikisite/sync/personas"
)

// sectionChanges diffs the text of every part of the configured pages
// diffed (indexes into the stages' versions) between two stages: for the personas page its preamble, each matched
// persona's introduction (title "") and sections, and its trailer; every
// other configured page as a whole (titled with the page's title). Added
// and removed personas are listed by personaChanges, not diffed here.
// Group headings ("Primary Personas") are parts titled with the heading.
func (b *versions) sectionChanges(prev, cur *stage, diffed []int) ([]sectionChange, error) {
	var out []sectionChange
	for _, i := range diffed {
		v, old := cur.versions[i], prev.versions[i]
		if sameText(old, v) {
			continue
		}
		var parts []part
		if v.title == b.primary {
			parts = b.primaryParts(prev, cur)
		} else {
			parts = []part{{title: v.title, old: old.text, new: v.text}}
		}
		changed := parts[:0]
		for _, p := range parts {
			if p.old != p.new {
				changed = append(changed, p)
			}
		}
		// Rendered together, so a block moved between sections is shown
		// once, where it went.
		html, err := b.renderedParts(changed, old.at(), v.at())
		if err != nil {
			return nil, err
		}
		for k, p := range changed {
			d, err := b.diffs.diff(p.old, p.new, old.at(), v.at())
			if err != nil {
				return nil, err
			}
			out = append(out, sectionChange{Persona: p.persona, Title: p.title, Class: d.class, Blocks: d.blocks, HTML: html[k]})
		}
	}
	return out, nil
}

func sameText(a, b version) bool {
	return a.rev == nil && b.rev == nil || a.rev != nil && b.rev != nil && a.text == b.text
}

// part is one piece of wikitext compared between two versions.
type part struct {
	persona, title string
	old, new       string
}

func (b *versions) primaryParts(prev, cur *stage) []part {
	od, nd := prev.primary.doc, cur.primary.doc
	parts := []part{{old: od.Preamble, new: nd.Preamble}}
	parts = append(parts, groupParts(od.Groups, nd.Groups)...)
	for i, x := range cur.personas {
		old, ok := prev.find(cur.ids[i])
		if !ok {
			continue
		}
		parts = append(parts, part{persona: x.params.Name, old: old.p.Intro, new: x.p.Intro})
		parts = append(parts, sectionParts(x.params.Name, old.p.Sections, x.p.Sections)...)
	}
	return append(parts, part{title: "end of page", old: od.Trailer, new: nd.Trailer})
}

// sectionParts pairs sections by slug: the new order first, then sections
// that were removed.
func sectionParts(name string, old, cur []personas.Section) []part {
	oldBy := map[string]string{}
	for _, s := range old {
		oldBy[s.Slug] = s.Wikitext
	}
	seen := map[string]bool{}
	var out []part
	for _, s := range cur {
		seen[s.Slug] = true
		out = append(out, part{persona: name, title: s.Title, old: oldBy[s.Slug], new: s.Wikitext})
	}
	for _, s := range old {
		if !seen[s.Slug] {
			out = append(out, part{persona: name, title: s.Title, old: s.Wikitext})
		}
	}
	return out
}

// groupParts pairs the group headings (with their text) by key.
func groupParts(old, cur []personas.Group) []part {
	oldBy := map[string]string{}
	for _, g := range old {
		oldBy[g.Key] = g.Wikitext
	}
	seen := map[string]bool{}
	var out []part
	for _, g := range cur {
		seen[g.Key] = true
		out = append(out, part{title: g.Heading, old: oldBy[g.Key], new: g.Wikitext})
	}
	for _, g := range old {
		if !seen[g.Key] {
			out = append(out, part{title: g.Heading, old: g.Wikitext})
		}
	}
	return out
}
