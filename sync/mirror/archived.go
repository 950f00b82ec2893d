package mirror

import (
	"errors"
	"fmt"

	"github.com/wikisite/wikisite/sync/archive"
)

// templateNS is MediaWiki's Template namespace.
const templateNS = 10

// archived is the archive's metadata, read once per run.
type archived struct {
	store *archive.Store
	pages map[string]*archive.Page // by current title
}

func loadArchived(store *archive.Store) (*archived, error) {
	titles, err := store.Titles()
	if err != nil {
		return nil, err
	}
	a := &archived{store: store, pages: make(map[string]*archive.Page, len(titles))}
	for _, t := range titles {
		p, err := store.Page(t)
		if err != nil {
			return nil, err
		}
		a.pages[t] = p
	}
	return a, nil
}

// lookup finds the archived page for a configured title: under that title,
// under the title the wiki resolves it to, or under a title it was moved to.
func (a *archived) lookup(title, current string) *archive.Page {
	for _, t := range []string{title, current} {
		if p, ok := a.pages[archive.Canonical(t)]; ok {
			return p
		}
	}
	for _, p := range a.pages {
		for _, m := range p.Moves {
			if m.From == archive.Canonical(title) {
				return p
			}
		}
	}
	return nil
}

func isTemplate(p *archive.Page) bool { return p.Namespace == templateNS }

// templateCandidates lists, sorted, the archived templates and every other
// template the archived texts of the pages and templates name, so one
// Latest request learns which exist and which changed. Configured pages are
// left out (they are asked for anyway).
func (a *archived) templateCandidates(pages []string) []string {
	names := map[string]bool{}
	var texts []*archive.Page
	for _, t := range pages {
		if p := a.lookup(t, t); p != nil {
			texts = append(texts, p)
		}
	}
	for _, p := range a.pages {
		if isTemplate(p) {
			names[p.Title] = true
			texts = append(texts, p)
		}
	}
	for _, p := range texts {
		for _, r := range p.Revisions {
			text, err := a.store.Text(p.Title, r.ID)
			if err != nil {
				continue // hidden or unreadable: it names nothing we can use
			}
			for _, n := range templateNames(text) {
				names[n] = true
			}
		}
	}
	for _, t := range pages {
		delete(names, t)
	}
	return sortedKeys(names)
}

// put replaces the in-memory copy after a commit or a rename.
func (a *archived) put(p *archive.Page) { a.pages[p.Title] = p }

// reload rereads a page after Store.Rename rewrote it.
func (a *archived) reload(from, to string) (*archive.Page, error) {
	p, err := a.store.Page(to)
	if err != nil {
		return nil, fmt.Errorf("page %q after its move to %q: %w", from, to, err)
	}
	delete(a.pages, from)
	a.put(p)
	return p, nil
}

var errStop = errors.New("stop")
