package normalize

import (
	"sort"
	"time"
)

// changes is what changed between two meetings (see the schema).
type changes struct {
	First           bool            `toml:"first"`
	None            bool            `toml:"none"`
	Previous        *link           `toml:"previous,omitempty"`
	PersonasAdded   []personaRef    `toml:"personas_added,omitempty"`
	PersonasRemoved []personaRef    `toml:"personas_removed,omitempty"`
	PersonasRenamed []renamed       `toml:"personas_renamed,omitempty"`
	Fields          []fieldChange   `toml:"fields,omitempty"`
	Sections        []sectionChange `toml:"sections,omitempty"`
	Revisions       []revisionRef   `toml:"revisions,omitempty"`
}

type link struct {
	Slug  string `toml:"slug"`
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

type personaRef struct {
	Slug string `toml:"slug"`
	Name string `toml:"name"`
}

type renamed struct {
	Slug string `toml:"slug"`
	From string `toml:"from"`
	To   string `toml:"to"`
}

type fieldChange struct {
	Persona string `toml:"persona"`
	Slug    string `toml:"slug"`
	Label   string `toml:"label"`
	Old     string `toml:"old"`
	New     string `toml:"new"`
}

type sectionChange struct {
	Persona string  `toml:"persona"`
	Title   string  `toml:"title"`
	Class   string  `toml:"class"`
	Blocks  []block `toml:"blocks,omitempty"`
	HTML    string  `toml:"html,omitempty"` // the rendered diff (sync/docdiff); "" when no visible text changed
}

type revisionRef struct {
	Page      string    `toml:"page"`
	ID        int64     `toml:"id"`
	Parent    int64     `toml:"parent"`
	User      string    `toml:"user"`
	Timestamp time.Time `toml:"timestamp"`
	Comment   string    `toml:"comment"`
	Minor     bool      `toml:"minor"`
	URL       string    `toml:"url"`
	DiffURL   string    `toml:"diff_url"`
}

// changesSince compares stage k with stage k-1.
func (b *versions) changesSince(k int) (changes, error) {
	if k == 0 {
		return changes{First: true}, nil
	}
	prev, cur := &b.stages[k-1], &b.stages[k]
	c := changes{Previous: &link{Slug: prev.slug, Title: prev.title, URL: prev.url}}
	c.Revisions = b.revisionsBetween(prev.date, cur.date)
	c.None = len(c.Revisions) == 0
	b.personaChanges(prev, cur, &c)
	secs, err := b.sectionChanges(prev, cur)
	c.Sections = secs
	return c, err
}

// revisionsBetween lists the configured pages' revisions saved in (from, to],
// oldest first.
func (b *versions) revisionsBetween(from, to time.Time) []revisionRef {
	var out []revisionRef
	for _, title := range b.configured {
		p := b.page(title)
		if p == nil {
			continue
		}
		for i := range p.Revisions {
			r := &p.Revisions[i]
			if !r.Timestamp.After(from) || r.Timestamp.After(to) {
				continue
			}
			ref := revisionRef{Page: p.Title, ID: r.ID, User: r.User, Timestamp: r.Timestamp, Comment: r.Comment,
				Minor: r.Minor, URL: b.links.revision(p.Title, r.ID)}
			if parent := p.Parent(r); parent != nil {
				ref.Parent, ref.DiffURL = parent.ID, b.links.diff(p.Title, r.ID, parent.ID)
			}
			out = append(out, ref)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Timestamp.Before(out[j].Timestamp) })
	return out
}

// personaChanges fills the added, removed, renamed and field lists.
func (b *versions) personaChanges(prev, cur *stage, c *changes) {
	for i, x := range cur.personas {
		id := cur.ids[i]
		old, ok := prev.find(id)
		if !ok {
			c.PersonasAdded = append(c.PersonasAdded, personaRef{Slug: b.slugs[id], Name: x.params.Name})
			continue
		}
		if from, to := displayName(old), displayName(x); from != to {
			c.PersonasRenamed = append(c.PersonasRenamed, renamed{Slug: b.slugs[id], From: from, To: to})
		}
		for _, f := range fieldChanges(old, x) {
			c.Fields = append(c.Fields, fieldChange{Persona: x.params.Name, Slug: b.slugs[id], Label: f.Label, Old: f.Old, New: f.New})
		}
	}
	for i, x := range prev.personas {
		if _, ok := cur.find(prev.ids[i]); !ok {
			c.PersonasRemoved = append(c.PersonasRemoved, personaRef{Slug: b.slugs[prev.ids[i]], Name: x.params.Name})
		}
	}
}

// displayName is how a rename is shown: the name, and the nickname in
// parentheses when there is one. A persona is renamed when this changes,
// so a new or changed nickname counts as a rename.
func displayName(x persona) string {
	if x.params.Nickname == "" {
		return x.params.Name
	}
	return x.params.Name + " (" + x.params.Nickname + ")"
}

// change is a changed value of a persona: a profile row, or one of the
// role, organisation, quote, group and image shown on the persona's card.
type change struct{ Label, Old, New string }

func fieldChanges(old, cur persona) []change {
	var out []change
	o, n := old.params, cur.params
	for _, f := range []change{{"Role", o.Role, n.Role}, {"Organisation", o.Organisation, n.Organisation},
		{"Quote", o.Quote, n.Quote}, {"Group", o.Group, n.Group}, {"Image", o.Image, n.Image}} {
		if f.Old != f.New {
			out = append(out, f)
		}
	}
	oldBy := map[string]field{}
	for _, f := range o.Fields {
		oldBy[f.Key] = f
	}
	seen := map[string]bool{}
	for _, f := range n.Fields {
		seen[f.Key] = true
		if was := oldBy[f.Key]; was.Value != f.Value {
			out = append(out, change{f.Label, was.Value, f.Value})
		}
	}
	for _, f := range o.Fields {
		if !seen[f.Key] {
			out = append(out, change{f.Label, f.Value, ""})
		}
	}
	return out
}
