package normalize

import (
	"context"
	"slices"
	"time"

	"github.com/wikisite/wikisite/sync/content"
)

// historyEvent is one entry of a persona's history (see the schema).
type historyEvent struct {
	Meeting  string    `toml:"meeting"`
	Title    string    `toml:"title"`
	Date     time.Time `toml:"date"`
	URL      string    `toml:"url"`
	Event    string    `toml:"event"`
	FromName string    `toml:"from_name"`
	ToName   string    `toml:"to_name"`
	Fields   []fchange `toml:"fields,omitempty"`
	Sections []string  `toml:"sections,omitempty"`
}

type fchange struct {
	Label string `toml:"label"`
	Old   string `toml:"old"`
	New   string `toml:"new"`
}

type listParams struct {
	Source   *source `toml:"source,omitempty"`
	Personas []card  `toml:"personas"`
}

// readerPages writes the pages a reader of the document comes for, from
// the versions: the home page, the personas, the meetings and the FAQ.
type readerPages struct {
	*versions
	credits  *credits // who wrote what, for footers and authors views
	tree     *content.Tree
	title    string // the site's
	rep      *Report
	timeline []timelineEntry // filled by writeMeetings for writeHome
	faqURL   string          // set by writeFAQ for writeHome
	compares *comparePlan    // computed on first use (compare.go)
	// section is a configured document's URL section ("use-cases"),
	// "" for the personas page, whose entities are at /personas/.
	section string
	drafts  []Draft // shown in every page's banner (draft.go)
}

func (b *readerPages) write(ctx context.Context) error {
	return steps(ctx, b.writePersonas, b.writeMeetings, b.writeCompares, b.writeAuthors, b.writeFAQ, b.writeHome)
}

// writePersonas writes personas/<slug>.md for every persona ever seen at a
// meeting or now, and personas/_index.md. A persona no longer on the page
// keeps its page, with its last known state and removed = true.
func (b *readerPages) writePersonas() error {
	section := b.sectionOr()
	latest := &b.stages[len(b.stages)-1]
	for id, slug := range b.slugs {
		k, x := b.lastSeen(id)
		params := x.params
		params.Slug, params.Removed = slug, k != len(b.stages)-1
		params.History = b.personaHistory(id)
		url := b.entityURL(slug)
		t, err := b.table(id)
		if err != nil {
			return err
		}
		params.Compare = t
		if b.section != "" {
			if err := b.writePersonaAuthors(b.credits.pages[b.primary], k, slices.Index(b.stages[k].ids, id), url); err != nil {
				return err
			}
		}
		params.Source = b.credits.personaSource(k, slug, url+"authors/")
		fm := content.FrontMatter{Title: pageTitle(x), Type: "persona", URL: url, Date: b.stages[k].primary.at(), Params: &params}
		if err := b.tree.WriteDoc(section+"/"+slug+".md", fm, x.body()); err != nil {
			return err
		}
		b.rep.Personas++
	}
	body, params, err := b.personaList(latest)
	if err != nil {
		return err
	}
	title := "Personas"
	if b.section != "" {
		title = latest.primary.title
	}
	fm := content.FrontMatter{Title: title, Type: "personas", URL: "/" + section + "/", Date: latest.primary.at(), Params: &params}
	return b.tree.WriteDoc(section+"/_index.md", fm, body)
}

// sectionOr is the URL section of the entities: "personas" for the
// personas page, else the configured document's.
func (b *readerPages) sectionOr() string {
	if b.section == "" {
		return "personas"
	}
	return b.section
}

// entityURL is the page of the persona, or entity, with this slug.
func (b *readerPages) entityURL(slug string) string { return "/" + b.sectionOr() + "/" + slug + "/" }

// pageTitle names a persona's, or entity's, pages: its name, else (an
// entity's heading often gives no name) its nickname.
func pageTitle(x persona) string {
	if x.params.Name == "" {
		return x.params.Nickname
	}
	return x.params.Name
}

// shownName is displayName on a persona's own pages, where an entity
// whose heading gives no name is its nickname, not " (nickname)".
func shownName(x persona) string {
	if x.params.Name == "" {
		return x.params.Nickname
	}
	return displayName(x)
}

// personaList is the body and cards of a list of the latest personas.
func (b *readerPages) personaList(s *stage) (string, listParams, error) {
	var params listParams
	for i, x := range s.personas {
		slug := b.slugs[s.ids[i]]
		c := x.card(b.entityURL(slug))
		c.Slug = slug
		params.Personas = append(params.Personas, c)
	}
	if s.primary.rev == nil {
		return "", params, nil
	}
	params.Source = b.credits.pageSource(s.primary.title, s.primary.rev, "/wiki/"+sitePath(s.primary.title)+"/authors/")
	body, err := b.conv.markdown(s.primary.doc.Preamble, s.primary.at())
	return body, params, err
}

// lastSeen returns the newest stage holding identity id, and the persona.
func (b *readerPages) lastSeen(id int) (int, persona) {
	for k := len(b.stages) - 1; k >= 0; k-- {
		if x, ok := b.stages[k].find(id); ok {
			return k, x
		}
	}
	panic("normalize: identity without a persona") // assignIdentities creates ids only for personas
}

// personaHistory lists, oldest first, the stages where persona id
// appeared, was renamed, changed or was removed.
func (b *readerPages) personaHistory(id int) []historyEvent {
	var out []historyEvent
	for k := range b.stages {
		s := &b.stages[k]
		cur, now := s.find(id)
		var old persona
		var before bool
		if k > 0 {
			old, before = b.stages[k-1].find(id)
		}
		e := historyEvent{Meeting: s.slug, Title: s.title, Date: s.date, URL: s.url}
		if now && s.meeting != nil && b.section == "" {
			e.URL = s.url + "personas/" + b.slugs[id] + "/"
		} else if now {
			e.URL = b.entityURL(b.slugs[id])
		}
		switch {
		case now && !before:
			e.Event, e.ToName = "appeared", shownName(cur)
		case !now && before:
			e.Event, e.FromName = "removed", shownName(old)
		case now && before:
			e.FromName, e.ToName = shownName(old), shownName(cur)
			for _, f := range fieldChanges(old, cur) {
				e.Fields = append(e.Fields, fchange(f))
			}
			e.Sections = changedSections(old, cur)
			switch {
			case e.FromName != e.ToName:
				e.Event = "renamed"
			case len(e.Fields) > 0 || len(e.Sections) > 0:
				e.Event = "changed"
			}
		}
		if e.Event != "" {
			out = append(out, e)
		}
	}
	return out
}

// changedSections lists the titles of sections whose text changed, was
// added or was removed; "Introduction" first when the text under the
// heading did.
func changedSections(old, cur persona) []string {
	var out []string
	if old.intro != cur.intro {
		out = append(out, "Introduction")
	}
	for _, s := range cur.p.Sections {
		if md, ok := old.sections[s.Slug]; !ok || md != cur.sections[s.Slug] {
			out = append(out, s.Title)
		}
	}
	for _, s := range old.p.Sections {
		if _, ok := cur.sections[s.Slug]; !ok {
			out = append(out, s.Title)
		}
	}
	return out
}

type homeParams struct {
	Source   *source         `toml:"source,omitempty"`
	Personas []card          `toml:"personas"`
	FAQ      string          `toml:"faq"`
	Timeline []timelineEntry `toml:"timeline"`
	// Drafts, when the build previews unsaved edits, are what every
	// page's "Draft (not on the wiki)" banner names and links.
	Drafts []draftNote `toml:"drafts,omitempty"`
}

// writeHome writes _index.md: the personas page's preamble as it stands,
// the persona cards, the FAQ link and the meetings timeline.
func (b *readerPages) writeHome() error {
	latest := &b.stages[len(b.stages)-1]
	body, list, err := b.personaList(latest)
	if err != nil {
		return err
	}
	params := homeParams{Source: list.Source, Personas: list.Personas, FAQ: b.faqURL, Timeline: b.timeline}
	if params.Drafts, err = b.draftNotes(); err != nil {
		return err
	}
	fm := content.FrontMatter{Title: b.title, Type: "home", URL: "/", Date: latest.primary.at(), Params: &params}
	return b.tree.WriteDoc("_index.md", fm, body)
}
