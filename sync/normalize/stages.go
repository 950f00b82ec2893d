package normalize

import (
	"fmt"
	"strconv"
	"time"

	"github.com/wikisite/wikisite/sync/personas"
)

// stage is the document at one meeting, or (the last stage) as it stands
// now. Personas carry an identity that follows them across stages, so a
// renamed persona keeps its history and its URL.
type stage struct {
	slug, title string
	date        time.Time
	url         string
	meeting     *Meeting // nil for the latest stage
	index       int
	versions    []version // each configured page, in configuration order
	primary     version
	personas    []persona
	ids         []int // identity of each persona
}

// versions is the document at each meeting and as it stands now: the
// configured pages as they stood, their personas converted, and each
// persona's identity across the stages, so a renamed persona keeps its
// history and its URL. It also compares consecutive stages (changes.go,
// sections.go).
type versions struct {
	*corpus
	conv     *converter
	diffs    *differ
	rendered *renderedDiffs // the documents' rendered diffs, cached (rendered.go)
	links    wikiLinks
	meetings []Meeting
	primary  string   // the configured page the personas come from
	stages   []stage  // one per meeting, then the latest
	slugs    []string // persona identity → slug
	// rule splits the primary page; fixed, when set, is the primary page
	// (a configured document's), else primaryTitle chooses it.
	rule  personas.Rule
	fixed string
	// reserved are slugs no identity may take: the names of pages beside
	// the entities' own.
	reserved []string
	// focus are the configured documents' pages, whose diffs every
	// meeting shows however many other pages changed (changes.go).
	focus map[string]bool
}

func readVersions(c *corpus, conv *converter, diffs *differ, links wikiLinks, meetings []Meeting) (*versions, error) {
	v := &versions{corpus: c, conv: conv, diffs: diffs, rendered: newRenderedDiffs(conv), links: links, meetings: meetings}
	return v, v.buildStages()
}

// primaryTitle is the page the personas come from: the first configured
// page whose newest text has personas, else the first configured page
// that is archived ("" when none is).
func (b *versions) primaryTitle() (string, error) {
	first := ""
	for _, t := range b.configured {
		p := b.page(t)
		if p == nil {
			continue
		}
		if first == "" {
			first = p.Title
		}
		v, err := b.versionOf(p, visible(p, p.Last()))
		if err != nil {
			return "", err
		}
		if v.split {
			return p.Title, nil
		}
	}
	return first, nil
}

// stages builds one stage per meeting, oldest first, and the latest stage.
func (b *versions) buildStages() error {
	primary, err := b.fixed, error(nil)
	if primary == "" {
		primary, err = b.primaryTitle()
	}
	if err != nil {
		return err
	}
	b.primary = primary
	for i := range b.meetings {
		m := &b.meetings[i]
		s, err := b.stageAt(m.Date, primary)
		if err != nil {
			return err
		}
		s.slug, s.title, s.date, s.url, s.meeting, s.index = m.slug(), m.Title, m.Date, "/meetings/"+m.slug()+"/", m, i
		b.stages = append(b.stages, s)
	}
	latest, err := b.stageAt(b.latestTime(), primary)
	if err != nil {
		return err
	}
	latest.slug, latest.title, latest.url, latest.index = "latest", "Latest", "/", len(b.stages)
	latest.date = latest.primary.at()
	b.stages = append(b.stages, latest)
	b.assignIdentities()
	return nil
}

// latestTime is the time of the newest archived revision of any
// configured page, so the latest stage sees every page's newest revision.
func (b *versions) latestTime() time.Time {
	var t time.Time
	for _, title := range b.configured {
		if p := b.page(title); p != nil && p.Last() != nil && p.Last().Timestamp.After(t) {
			t = p.Last().Timestamp
		}
	}
	return t
}

func (b *versions) stageAt(t time.Time, primary string) (stage, error) {
	var s stage
	for _, title := range b.configured {
		v, err := b.versionAt(title, t)
		if err != nil {
			return s, err
		}
		s.versions = append(s.versions, v)
		if title == primary {
			s.primary = v
		}
	}
	ps, err := b.personasOf(s.primary)
	s.personas = ps
	return s, err
}

// assignIdentities matches each stage's personas with the previous
// stage's, and names every identity by its newest slug.
func (b *versions) assignIdentities() {
	next := 0
	for k := range b.stages {
		cur := &b.stages[k]
		cur.ids = make([]int, len(cur.personas))
		var m []int
		if k > 0 {
			m = match(b.stages[k-1].personas, cur.personas)
		}
		for i := range cur.personas {
			if k > 0 && m[i] >= 0 {
				cur.ids[i] = b.stages[k-1].ids[m[i]]
				continue
			}
			cur.ids[i] = next
			next++
		}
	}
	b.slugs = make([]string, next)
	taken := map[string]bool{}
	for _, r := range b.reserved {
		taken[r] = true
	}
	for k := len(b.stages) - 1; k >= 0; k-- {
		for i, id := range b.stages[k].ids {
			if b.slugs[id] != "" {
				continue
			}
			slug := b.stages[k].personas[i].p.Slug
			if slug == "" {
				slug = "persona-" + strconv.Itoa(id+1)
			}
			for n := 2; taken[slug]; n++ {
				slug = fmt.Sprintf("%s-%d", b.stages[k].personas[i].p.Slug, n)
			}
			taken[slug] = true
			b.slugs[id] = slug
		}
	}
}

// find returns the persona with identity id in stage s, if present.
func (s *stage) find(id int) (persona, bool) {
	for i, x := range s.ids {
		if x == id {
			return s.personas[i], true
		}
	}
	return persona{}, false
}
