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
	// Pages are the changed pages whose diffs the meeting does not show
	// (see diffedPages), the first listedPages of them; PagesMore counts
	// the rest.
	Pages     []pageChange `toml:"pages,omitempty"`
	PagesMore int          `toml:"pages_more,omitzero"`
	// Revisions are the diffed pages' revisions in between, the newest
	// listedRevisions of them; RevisionsMore counts the older ones left out.
	Revisions     []revisionRef `toml:"revisions,omitempty"`
	RevisionsMore int           `toml:"revisions_more,omitzero"`
	// Limits, set when one of them left something out, are the limits, for
	// the page to state; Histories then link the diffed pages' histories,
	// where the revisions left out are.
	Limits    *limits `toml:"limits,omitempty"`
	Histories []link  `toml:"histories,omitempty"`
	// Summary counts everything that changed, for the timeline and the
	// meetings feed, which show no diffs.
	Summary changeSummary `toml:"summary"`
}

// A wide site (a whole category or prefix) changes hundreds of pages
// between two meetings; a meeting page holding every one's diff was 1.5 MB
// at 100 pages (bench/README.md, scale), and making them was a fifth of
// the build. So, as MediaWiki's recent changes do, a meeting shows what
// a reader comes for in full and the rest as a list of links.
const (
	// diffedPages is how many changed pages, besides the personas page and
	// the configured documents, a meeting shows the diffs of: the first in
	// configuration order.
	diffedPages = 10
	// listedPages is how many more changed pages it lists, each with its
	// counts and a link to its diffs in the page's history.
	listedPages = 200
	// listedRevisions is how many of the diffed pages' revisions it lists.
	listedRevisions = 50
	// summaryNames is how many page and author names a summary keeps.
	summaryNames = 10
)

// focusPages are the pages of the configured documents (see
// versions.focus).
func focusPages(c *corpus, docs []Document) map[string]bool {
	out := map[string]bool{}
	for _, d := range docs {
		titles, _ := d.sections(c)
		for _, t := range titles {
			out[t] = true
		}
	}
	return out
}

// limits are the constants above, for a meeting page to state.
type limits struct {
	Diffed    int `toml:"diffed"`
	Listed    int `toml:"listed"`
	Revisions int `toml:"revisions"`
}

// pageChange is a changed page that a meeting lists without its diff.
type pageChange struct {
	Page      string   `toml:"page"`
	URL       string   `toml:"url"`       // the page on this site
	DiffsURL  string   `toml:"diffs_url"` // its history, at the newest revision in between
	Revisions int      `toml:"revisions"` // saved in between
	Authors   []string `toml:"authors"`   // who saved them, in order of their first
	Bytes     int      `toml:"bytes"`     // the size change, as the wiki counts it
	Created   bool     `toml:"created,omitempty"`
}

// changeSummary is what changed between two meetings in counts and names.
type changeSummary struct {
	PageCount int      `toml:"page_count"`      // configured pages changed
	Pages     []string `toml:"pages,omitempty"` // the first summaryNames of them
	Revisions int      `toml:"revisions"`       // every page's, in between
	// Authors saved the revisions, most revisions first, the first
	// summaryNames of AuthorCount.
	Authors     []string `toml:"authors,omitempty"`
	AuthorCount int      `toml:"author_count"`
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
	history   string    // the revision's entry in the page's history on this site
}

// changesSince compares stage k with stage k-1.
func (b *versions) changesSince(k int) (changes, error) {
	if k == 0 {
		return changes{First: true}, nil
	}
	prev, cur := &b.stages[k-1], &b.stages[k]
	c := changes{Previous: &link{Slug: prev.slug, Title: prev.title, URL: prev.url}}
	var diffed []int
	others := 0 // diffed pages that are not the personas page or a document
	authors := map[string]int{}
	for i, v := range cur.versions {
		revs := b.revisionsBetween(v.title, prev.date, cur.date)
		if len(revs) == 0 && sameText(prev.versions[i], v) {
			continue
		}
		c.Summary.PageCount++
		if len(c.Summary.Pages) < summaryNames {
			c.Summary.Pages = append(c.Summary.Pages, v.title)
		}
		c.Summary.Revisions += len(revs)
		for _, r := range revs {
			if r.User != "" {
				authors[r.User]++
			}
		}
		focus := v.title == b.primary || b.focus[v.title]
		switch {
		case focus || others < diffedPages:
			if !focus {
				others++
			}
			diffed = append(diffed, i)
			c.Revisions = append(c.Revisions, revs...)
		case len(c.Pages) < listedPages:
			c.Pages = append(c.Pages, b.pageChange(prev.versions[i], v, revs))
		default:
			c.PagesMore++
		}
	}
	c.None = c.Summary.Revisions == 0
	c.Summary.Authors, c.Summary.AuthorCount = topAuthors(authors, summaryNames), len(authors)
	sort.SliceStable(c.Revisions, func(i, j int) bool { return c.Revisions[i].Timestamp.Before(c.Revisions[j].Timestamp) })
	if n := len(c.Revisions) - listedRevisions; n > 0 {
		c.Revisions, c.RevisionsMore = c.Revisions[n:], n
		for _, i := range diffed {
			t := cur.versions[i].title
			c.Histories = append(c.Histories, link{Title: t, URL: "/history/" + sitePath(t) + "/"})
		}
	}
	if len(c.Pages) > 0 || c.RevisionsMore > 0 {
		c.Limits = &limits{Diffed: diffedPages, Listed: listedPages, Revisions: listedRevisions}
	}
	b.personaChanges(prev, cur, &c)
	secs, err := b.sectionChanges(prev, cur, diffed)
	c.Sections = secs
	return c, err
}

// revisionsBetween lists the revisions of title saved in (from, to],
// oldest first, with where each is in the page's history on this site.
func (b *versions) revisionsBetween(title string, from, to time.Time) []revisionRef {
	p := b.page(title)
	if p == nil {
		return nil
	}
	// The revisions are oldest first: find the run in (from, to] by search.
	lo := sort.Search(len(p.Revisions), func(i int) bool { return p.Revisions[i].Timestamp.After(from) })
	hi := sort.Search(len(p.Revisions), func(i int) bool { return p.Revisions[i].Timestamp.After(to) })
	var out []revisionRef
	for i := lo; i < hi; i++ {
		r := &p.Revisions[i]
		ref := revisionRef{Page: p.Title, ID: r.ID, User: r.User, Timestamp: r.Timestamp, Comment: r.Comment,
			Minor: r.Minor, URL: b.links.revision(p.Title, r.ID), history: historyEntryURL(p.Title, len(p.Revisions), i, r.ID)}
		if parent := p.Parent(r); parent != nil {
			ref.Parent, ref.DiffURL = parent.ID, b.links.diff(p.Title, r.ID, parent.ID)
		}
		out = append(out, ref)
	}
	return out
}

// pageChange lists a changed page by its counts, linking its history at
// the newest of revs, the revisions in between.
func (b *versions) pageChange(old, cur version, revs []revisionRef) pageChange {
	pc := pageChange{Page: cur.title, URL: "/wiki/" + sitePath(cur.title) + "/", DiffsURL: "/history/" + sitePath(cur.title) + "/",
		Revisions: len(revs), Created: old.rev == nil && cur.rev != nil}
	if n := len(revs); n > 0 {
		pc.DiffsURL = revs[n-1].history
	}
	seen := map[string]bool{}
	for _, r := range revs {
		if r.User != "" && !seen[r.User] {
			seen[r.User] = true
			pc.Authors = append(pc.Authors, r.User)
		}
	}
	if cur.rev != nil {
		pc.Bytes = cur.rev.Size
	}
	if old.rev != nil {
		pc.Bytes -= old.rev.Size
	}
	return pc
}

// topAuthors is the first n names of counts, most revisions first, then
// by name.
func topAuthors(counts map[string]int, n int) []string {
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if a, b := counts[names[i]], counts[names[j]]; a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	return names[:min(n, len(names))]
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
