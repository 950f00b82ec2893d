package normalize

import (
	"fmt"
	"sort"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// templateSets gives a conversion, before it runs, the pages it may
// transclude: every archived page as it stood at the revision's time,
// keyed by title, pages that did not exist yet or whose text is hidden
// left out, as MediaWiki would show them as red links. A set is read once
// per epoch (the number of archived revisions saved up to that time: two
// times in the same epoch see the same pages).
type templateSets struct {
	corpus *corpus
	stamps []time.Time // every archived revision's time, sorted
	sets   map[int]map[string]string
}

func newTemplateSets(c *corpus) *templateSets {
	t := &templateSets{corpus: c, sets: map[int]map[string]string{}}
	for _, title := range c.titles {
		for _, r := range c.pages[title].Revisions {
			t.stamps = append(t.stamps, r.Timestamp)
		}
	}
	sort.Slice(t.stamps, func(i, j int) bool { return t.stamps[i].Before(t.stamps[j]) })
	return t
}

// at returns the pages as they stood at at.
func (t *templateSets) at(at time.Time) (map[string]string, error) {
	epoch := sort.Search(len(t.stamps), func(i int) bool { return t.stamps[i].After(at) })
	if s, ok := t.sets[epoch]; ok {
		return s, nil
	}
	s := map[string]string{}
	for _, title := range t.corpus.titles {
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
	t.sets[epoch] = s
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
