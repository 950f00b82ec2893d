package mirror

import (
	"context"
	"fmt"

	"github.com/wikisite/wikisite/sync/archive"
)

// PageStatus compares one configured page in the archive with the wiki.
type PageStatus struct {
	// Title is the page as configured; Current is its title on the wiki.
	Title, Current string
	// ArchiveRev is the archive's newest revision (0: not archived);
	// WikiRev the wiki's (0: missing).
	ArchiveRev, WikiRev int64
	// Behind means the wiki has revisions newer than ArchiveRev.
	Behind bool
	// New counts them when Status was asked to count, else it is 0.
	New int
	// Missing means the wiki has no such page.
	Missing bool
}

// UpToDate reports whether the archive holds everything the wiki has.
func (ps PageStatus) UpToDate() bool { return ps.Missing || !ps.Behind }

// Status compares the archive with the wiki without writing anything, in
// one request for up to 50 pages. With count, it also counts the new
// revisions of each page that is behind, at one cheap request (ids only,
// 500 per request) per such page.
func Status(ctx context.Context, wiki Wiki, store *archive.Store, pages []string, count bool) ([]PageStatus, error) {
	arch, err := loadArchived(store)
	if err != nil {
		return nil, err
	}
	pages = canonicalUnique(pages)
	states, err := wiki.Latest(ctx, pages)
	if err != nil {
		return nil, fmt.Errorf("ask the wiki for the latest revisions: %w", err)
	}
	out := make([]PageStatus, 0, len(pages))
	for _, t := range pages {
		st := states[t]
		ps := PageStatus{Title: t, Current: st.Current, WikiRev: st.LastRevID, Missing: st.Missing}
		if p := arch.lookup(t, st.Current); p != nil && p.Last() != nil {
			ps.ArchiveRev = p.Last().ID
		}
		ps.Behind = !ps.Missing && ps.WikiRev != ps.ArchiveRev
		if ps.Behind && count {
			if ps.New, err = wiki.Count(ctx, st.Current, ps.ArchiveRev); err != nil {
				return nil, err
			}
		}
		out = append(out, ps)
	}
	return out, nil
}
