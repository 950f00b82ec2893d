package normalize

import (
	"fmt"
	"sort"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// templateSets gives a conversion, before it runs, the pages it may
// transclude, as they stood at the revision's time, keyed by title; pages
// that did not exist yet or whose text is hidden are left out, as
// MediaWiki would show them as red links.
//
// Almost every transclusion is of a template, so at holds the Template:
// pages only, one set per template epoch (the number of template
// revisions saved up to that time: two times in the same epoch see the
// same templates). A set of every archived page changes with every
// revision of every page: kept per revision it held a long history's
// every text, and built per revision it read a wide site's every page
// once per revision. full builds that set for the rare conversion that
// transcludes a page outside the Template namespace (see
// converter.compute), and keeps none.
type templateSets struct {
	corpus    *corpus
	templates []string    // archived Template: titles
	stamps    []time.Time // every Template: revision's time, sorted
	sets      map[int]map[string]string
}

func newTemplateSets(c *corpus) *templateSets {
	t := &templateSets{corpus: c, sets: map[int]map[string]string{}}
	for _, title := range c.titles {
		if !isTemplate(title) {
			continue
		}
		t.templates = append(t.templates, title)
		for _, r := range c.pages[title].Revisions {
			t.stamps = append(t.stamps, r.Timestamp)
		}
	}
	sort.Slice(t.stamps, func(i, j int) bool { return t.stamps[i].Before(t.stamps[j]) })
	return t
}

// at returns the templates as they stood at at.
func (t *templateSets) at(at time.Time) (map[string]string, error) {
	epoch := sort.Search(len(t.stamps), func(i int) bool { return t.stamps[i].After(at) })
	if s, ok := t.sets[epoch]; ok {
		return s, nil
	}
	s, err := t.read(t.templates, at)
	if err != nil {
		return nil, err
	}
	t.sets[epoch] = s
	return s, nil
}

// full returns every archived page as it stood at at.
func (t *templateSets) full(at time.Time) (map[string]string, error) {
	return t.read(t.corpus.titles, at)
}

// transcludable reports whether the full set at at holds title: an
// archived page outside the Template namespace that existed then.
func (t *templateSets) transcludable(title string, at time.Time) bool {
	p := t.corpus.page(title)
	if p == nil || isTemplate(p.Title) {
		return false
	}
	r := p.At(at)
	return r != nil && !r.TextHidden
}

func (t *templateSets) read(titles []string, at time.Time) (map[string]string, error) {
	s := map[string]string{}
	for _, title := range titles {
		p := t.corpus.pages[title]
		r := p.At(at)
		if r == nil || r.TextHidden {
			continue
		}
		text, err := t.corpus.text(p.Title, r)
		if err != nil {
			return nil, err
		}
		s[p.Title] = text
	}
	return s, nil
}

// why says why title was not in the set for at, for the report.
func (t *templateSets) why(title string, at time.Time) string {
	p := t.corpus.page(title)
	if p == nil {
		return fmt.Sprintf("template %q is not archived", archive.Canonical(title))
	}
	r := p.At(at)
	if r == nil {
		return fmt.Sprintf("template %q did not exist yet at %s", p.Title, at.Format(time.RFC3339))
	}
	return fmt.Sprintf("template %q revision %d is hidden", p.Title, r.ID)
}
