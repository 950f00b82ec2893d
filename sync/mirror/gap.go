package mirror

import "github.com/wikisite/wikisite/sync/archive"

// backfill fetches revisions missing from p's parent chain: a revision
// whose parent is neither 0 nor archived, as a partial dump import leaves.
// Each gap is fetched once per run, from the archived revision before it up
// to the revision that names the missing parent; a parent the wiki does not
// list (deleted, or merged from another page) becomes a warning.
func (s *syncer) backfill(p *archive.Page) ([]string, error) {
	tried := map[int64]bool{}
	var found []string
	for {
		child, prev, ok := firstGap(p, tried)
		if !ok {
			return found, nil
		}
		tried[child.ID] = true
		s.log.Info("backfilling a gap in the history", "page", p.Title, "revision", child.ID, "parent", child.ParentID)
		more, err := s.fetch(p, prev, child.ID)
		found = append(found, more...)
		if err != nil {
			return found, err
		}
		if _, ok := p.Revision(child.ParentID); !ok {
			s.warn("page %q revision %d: its parent revision %d is not in the wiki's history of the page; the gap stays",
				p.Title, child.ID, child.ParentID)
		}
	}
}

// firstGap finds the oldest revision, not yet tried, whose parent is
// missing, with the id of the archived revision before it (0 if none).
func firstGap(p *archive.Page, tried map[int64]bool) (child archive.Revision, prev int64, ok bool) {
	known := make(map[int64]bool, len(p.Revisions))
	for _, r := range p.Revisions {
		known[r.ID] = true
	}
	for i, r := range p.Revisions {
		if r.ParentID == 0 || known[r.ParentID] || tried[r.ID] {
			continue
		}
		if i > 0 {
			prev = p.Revisions[i-1].ID
		}
		return r, prev, true
	}
	return archive.Revision{}, 0, false
}
