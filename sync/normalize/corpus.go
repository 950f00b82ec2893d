package normalize

import (
	"errors"
	"sort"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
)

// corpus is the archive as one Write reads it: every page's metadata,
// read once, and the texts read lately, which the conversions and diffs
// of neighbouring revisions share.
type corpus struct {
	store  *archive.Store
	titles []string                 // archived titles, sorted
	pages  map[string]*archive.Page // by canonical title
	texts  *memo[textKey, string]
	// drafts are the texts of the revisions overlayDrafts added, which
	// the archive does not hold, so they are never forgotten.
	drafts     map[textKey]string
	configured []string // the configured titles in canonical form, in order
	// files is the archive's record of the files the pages show.
	files *archive.Files
}

type textKey struct {
	title string
	id    int64
}

// textBudget bounds the texts a corpus remembers (see memo): a few
// hundred revisions of a long page, and every text of a small site.
const textBudget = 48 << 20

func readCorpus(store *archive.Store, configured []string) (*corpus, error) {
	c := &corpus{store: store, pages: map[string]*archive.Page{}, drafts: map[textKey]string{},
		texts: newMemo(textBudget, func(k textKey, s string) int { return len(s) + len(k.title) })}
	titles, err := store.Titles()
	if err != nil {
		return nil, err
	}
	c.titles = titles
	for _, t := range titles {
		p, err := store.Page(t)
		if err != nil {
			return nil, err
		}
		c.pages[p.Title] = p
	}
	for _, t := range configured {
		c.configured = append(c.configured, archive.Canonical(t))
	}
	if c.files, err = store.Files(); err != nil {
		return nil, err
	}
	return c, nil
}

// page returns an archived page by any spelling of its title.
func (c *corpus) page(title string) *archive.Page {
	return c.pages[archive.Canonical(title)]
}

// text returns a revision's wikitext; hidden texts read as "". It is not
// safe for concurrent use: texts are read before work is spread out.
func (c *corpus) text(title string, r *archive.Revision) (string, error) {
	if r == nil || r.TextHidden {
		return "", nil
	}
	k := textKey{archive.Canonical(title), r.ID}
	if s, ok := c.drafts[k]; ok {
		return s, nil
	}
	if s, ok := c.texts.get(k); ok {
		return s, nil
	}
	data, err := c.store.Text(title, r.ID)
	if errors.Is(err, archive.ErrHidden) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	s := string(data)
	c.texts.put(k, s)
	return s, nil
}

// ourLink is wikitext.Options.Link: our own page for archived titles, ""
// (the wiki's article) for the rest.
func (c *corpus) ourLink(title string) string {
	if c.page(title) == nil {
		return ""
	}
	return "/wiki/" + sitePath(archive.Canonical(title)) + "/"
}

// unarchived lists, sorted, the configured pages the archive lacks.
func (c *corpus) unarchived() []string {
	var missing []string
	for _, t := range c.configured {
		if c.page(t) == nil {
			missing = append(missing, t)
		}
	}
	sort.Strings(missing)
	return missing
}

// visible returns the newest revision at or before r whose text is not
// hidden, or nil.
func visible(p *archive.Page, r *archive.Revision) *archive.Revision {
	for r != nil && r.TextHidden {
		r = p.Parent(r)
	}
	return r
}

func isTemplate(title string) bool { return strings.HasPrefix(title, "Template:") }
