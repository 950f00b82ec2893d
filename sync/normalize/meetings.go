package normalize

import (
	"time"

	"github.com/wikisite/wikisite/sync/content"
)

type meetingRef struct {
	Slug    string    `toml:"slug"`
	Title   string    `toml:"title"`
	Date    time.Time `toml:"date"`
	Minutes string    `toml:"minutes"`
	Index   int       `toml:"index"`
	First   bool      `toml:"first"`
}

// versionLink is one entry of the version switcher.
type versionLink struct {
	Slug    string    `toml:"slug"`
	Title   string    `toml:"title"`
	Date    time.Time `toml:"date,omitempty"`
	URL     string    `toml:"url"`
	Current bool      `toml:"current"`
	Compare string    `toml:"compare,omitempty"` // the compare page with the current version (compare.go)
}

type snapshotEntry struct {
	Page      string    `toml:"page"`
	Revision  int64     `toml:"revision,omitzero"`
	Timestamp time.Time `toml:"timestamp,omitempty"`
	Author    string    `toml:"author,omitempty"`
	WikiURL   string    `toml:"wiki_url,omitempty"`
	Exists    bool      `toml:"exists"`
}

// timelineEntry summarises a meeting for the home and meetings pages.
type timelineEntry struct {
	Slug      string    `toml:"slug"`
	Title     string    `toml:"title"`
	Date      time.Time `toml:"date"`
	URL       string    `toml:"url"`
	Minutes   string    `toml:"minutes"`
	First     bool      `toml:"first"`
	None      bool      `toml:"none"`      // nothing changed since the previous meeting
	Revisions int       `toml:"revisions"` // revisions saved since the previous meeting
	Personas  int       `toml:"personas"`  // personas on the page at the meeting
}

type meetingParams struct {
	Source   *source         `toml:"source,omitempty"`
	Meeting  meetingRef      `toml:"meeting"`
	Versions []versionLink   `toml:"versions"`
	Snapshot []snapshotEntry `toml:"snapshot"`
	// SnapshotMore counts the configured pages past the first listedPages,
	// which the snapshot leaves out.
	SnapshotMore int     `toml:"snapshot_more,omitzero"`
	Changes      changes `toml:"changes"`
}

type timelineParams struct {
	Timeline []timelineEntry `toml:"timeline"`
}

// meetingStages is every stage but the latest.
func (b *readerPages) meetingStages() []stage { return b.stages[:len(b.stages)-1] }

// writeMeetings writes meetings/<date>.md, the persona pages of each
// meeting and meetings/_index.md.
func (b *readerPages) writeMeetings() error {
	for k := range b.meetingStages() {
		c, err := b.changesSince(k)
		if err != nil {
			return err
		}
		if err := b.writeMeeting(k, c); err != nil {
			return err
		}
		s := &b.stages[k]
		b.timeline = append(b.timeline, timelineEntry{Slug: s.slug, Title: s.title, Date: s.date, URL: s.url,
			Minutes: s.meeting.Minutes, First: k == 0, None: c.None, Revisions: c.Summary.Revisions, Personas: len(s.personas)})
	}
	fm := content.FrontMatter{Title: "Meetings", Type: "meetings", URL: "/meetings/", Params: timelineParams{b.timeline}}
	return b.tree.WriteDoc("meetings/_index.md", fm, "")
}

func (b *readerPages) writeMeeting(k int, c changes) error {
	s := &b.stages[k]
	versions, err := b.withCompares(b.versionLinks(k), k, -1)
	if err != nil {
		return err
	}
	params := meetingParams{Meeting: b.meetingRef(s), Versions: versions, Changes: c}
	for i, v := range s.versions {
		if i == listedPages {
			params.SnapshotMore = len(s.versions) - i
			break
		}
		e := snapshotEntry{Page: v.title, Exists: v.rev != nil}
		if v.rev != nil {
			e.Revision, e.Timestamp, e.Author = v.rev.ID, v.rev.Timestamp, v.rev.User
			e.WikiURL = b.links.revision(v.title, v.rev.ID)
		}
		params.Snapshot = append(params.Snapshot, e)
	}
	body := ""
	if s.primary.rev != nil {
		params.Source = b.credits.pageSource(s.primary.title, s.primary.rev, s.url+"authors/")
		md, err := b.conv.markdown(s.primary.text, s.primary.at())
		if err != nil {
			return err
		}
		body = md
	}
	fm := content.FrontMatter{Title: s.title, Type: "meeting", URL: s.url, Date: s.date, Params: &params}
	if err := b.tree.WriteDoc("meetings/"+s.slug+".md", fm, body); err != nil {
		return err
	}
	b.rep.Meetings++
	for i, x := range s.personas {
		if err := b.writeMeetingPersona(k, s.ids[i], x); err != nil {
			return err
		}
	}
	return nil
}

func (b *readerPages) writeMeetingPersona(k, id int, x persona) error {
	s, slug := &b.stages[k], b.slugs[id]
	params := x.params
	params.Slug = slug
	ref := b.meetingRef(s)
	versions, err := b.withCompares(b.versionLinks(k), k, id)
	if err != nil {
		return err
	}
	params.Meeting, params.Versions = &ref, versions
	url := s.url + "personas/" + slug + "/"
	params.Source = b.credits.personaSource(k, slug, url+"authors/")
	fm := content.FrontMatter{Title: params.Name, Type: "persona", URL: url, Date: s.date, Params: &params}
	return b.tree.WriteDoc("meetings/"+s.slug+"--"+slug+".md", fm, x.body())
}

func (b *readerPages) meetingRef(s *stage) meetingRef {
	return meetingRef{Slug: s.slug, Title: s.title, Date: s.date, Minutes: s.meeting.Minutes, Index: s.index, First: s.index == 0}
}

// versionLinks is the version switcher, current marking stage k.
func (b *readerPages) versionLinks(k int) []versionLink {
	var out []versionLink
	for i, s := range b.meetingStages() {
		out = append(out, versionLink{Slug: s.slug, Title: s.title, Date: s.date, URL: s.url, Current: i == k})
	}
	return append(out, versionLink{Slug: "latest", Title: "Latest", URL: "/", Current: k == len(b.stages)-1})
}
