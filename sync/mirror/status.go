package mirror

import (
	"context"
	"fmt"
	"time"

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

// Status compares the archive with the wiki without writing anything.
// When the set's record is fresh, one look at the wiki's recent changes
// answers for the whole set; otherwise (or when that look finds changes)
// it lists the set and asks for the latest revisions, one request per 50
// pages. With count, it also counts the new revisions of each page that
// is behind, at one cheap request (ids only, 500 per request) per page.
func Status(ctx context.Context, wiki Wiki, store *archive.Store, opts Options, count bool) ([]PageStatus, error) {
	arch, err := loadArchived(store)
	if err != nil {
		return nil, err
	}
	ps, err := store.PageSet()
	if err != nil {
		return nil, err
	}
	r := opts.rules()
	if stale(ps, r, time.Now()) == "" {
		v, err := check(ctx, wiki, ps, r, arch)
		if err != nil {
			return nil, fmt.Errorf("ask the wiki for its recent changes: %w", err)
		}
		if !v.full && len(v.edited) == 0 {
			return unchanged(ps.Current(), arch), nil
		}
	}
	pages := r.pages
	if r.listed() {
		s := &syncer{ctx: ctx, wiki: wiki}
		members, _, err := s.resolve(r)
		if err != nil {
			return nil, err
		}
		pages = sortedKeys(keysOf(members))
	}
	return compare(ctx, wiki, arch, pages, count)
}

// unchanged reports every page as the archive has it: the wiki's recent
// changes showed no edit since.
func unchanged(pages []string, arch *archived) []PageStatus {
	out := make([]PageStatus, 0, len(pages))
	for _, t := range pages {
		ps := PageStatus{Title: t, Current: t}
		if p := arch.lookup(t, t); p != nil && p.Last() != nil {
			ps.ArchiveRev, ps.WikiRev, ps.Current = p.Last().ID, p.Last().ID, p.Title
			ps.Missing = p.Missing
		} else {
			ps.Missing = true // in the set but never archived: the wiki lacks it
		}
		out = append(out, ps)
	}
	return out
}

func compare(ctx context.Context, wiki Wiki, arch *archived, pages []string, count bool) ([]PageStatus, error) {
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
