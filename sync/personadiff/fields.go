package personadiff

import "github.com/wikisite/wikisite/sync/personas"

// head are the lines under a persona's heading that sync/personas lifts
// out, compared like profile rows.
var head = []struct {
	key, label string
	get        func(*personas.Persona) string
}{
	{"name", "Name", func(p *personas.Persona) string { return p.Name }},
	{"nickname", "Nickname", func(p *personas.Persona) string { return p.Nickname }},
	{"group", "Group", func(p *personas.Persona) string { return p.Group }},
	{"role", "Role", func(p *personas.Persona) string { return p.Role }},
	{"organisation", "Organisation", func(p *personas.Persona) string { return p.Organisation }},
	{"quote", "Quote", func(p *personas.Persona) string { return p.Quote }},
	{"image", "Image", func(p *personas.Persona) string { return p.Image }},
}

// compareFields lists the head lines and profile rows whose values differ:
// the head first, then the rows in the new version's order, then rows that
// only the old version has.
func compareFields(a, b *personas.Persona) []Field {
	var out []Field
	for _, h := range head {
		if o, n := h.get(a), h.get(b); o != n {
			out = append(out, Field{Key: h.key, Label: h.label, Old: o, New: n})
		}
	}
	old := map[string]personas.Field{}
	for _, f := range a.Profile {
		old[f.Key] = f
	}
	seen := map[string]bool{}
	for _, f := range b.Profile {
		seen[f.Key] = true
		if o := old[f.Key]; o.Wikitext != f.Wikitext {
			out = append(out, Field{Key: f.Key, Label: f.Label, Old: o.Wikitext, New: f.Wikitext})
		}
	}
	for _, f := range a.Profile {
		if !seen[f.Key] {
			out = append(out, Field{Key: f.Key, Label: f.Label, Old: f.Wikitext})
		}
	}
	return out
}

// compareSections diffs the sub-sections matched by slug, in the new
// version's order, then those only the old version has; the text before
// the first sub-section counts as one more, "Introduction".
func compareSections(a, b *personas.Persona) []Section {
	out := appendSection(nil, "Introduction", a.Intro, b.Intro)
	old := map[string]personas.Section{}
	for _, s := range a.Sections {
		old[s.Slug] = s
	}
	seen := map[string]bool{}
	for _, s := range b.Sections {
		seen[s.Slug] = true
		out = appendSection(out, s.Title, old[s.Slug].Wikitext, s.Wikitext)
	}
	for _, s := range a.Sections {
		if !seen[s.Slug] {
			out = appendSection(out, s.Title, s.Wikitext, "")
		}
	}
	return out
}
