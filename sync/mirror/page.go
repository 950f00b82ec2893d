package mirror

import (
	"errors"
	"fmt"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// defaultBatch is how many revisions go into one archive transaction: one
// API batch, so a crash loses at most the batch in flight.
const defaultBatch = 50

// page brings one page up to date from its state on the wiki. It returns
// the templates named by the texts it fetched.
func (s *syncer) page(title string, st mw.PageState, configured bool) ([]string, error) {
	p := s.arch.lookup(title, st.Current)
	if p != nil || configured || !st.Missing {
		s.sum.Pages++
	}
	if st.Missing {
		s.done[title] = true
		return nil, s.missing(title, p, configured)
	}
	s.done[archive.Canonical(st.Current)] = true
	if p != nil && p.PageID != 0 && p.PageID != st.PageID {
		s.warn("page %q: the wiki's page id %d is not the archived %d (deleted and recreated?): skipped; move the archived folder away to start a new history",
			st.Current, st.PageID, p.PageID)
		return nil, nil
	}
	if p != nil && p.Title != archive.Canonical(st.Current) {
		var err error
		if p, err = s.rename(p, st.Current); err != nil {
			return nil, err
		}
	}
	if p == nil {
		p = &archive.Page{Title: archive.Canonical(st.Current), PageID: st.PageID, Namespace: st.Namespace}
	}
	if p.Missing {
		s.log.Info("page is back on the wiki", "page", p.Title)
		p.Missing = false
		if err := s.commit(p, nil, nil); err != nil {
			return nil, err
		}
	}
	var after int64
	if last := p.Last(); last != nil {
		after = last.ID
	}
	var found []string
	if st.LastRevID != after {
		var err error
		if found, err = s.fetch(p, after, 0); err != nil {
			return found, err
		}
	}
	more, err := s.backfill(p)
	return append(found, more...), err
}

// missing handles a page the wiki no longer (or never) had.
func (s *syncer) missing(title string, p *archive.Page, configured bool) error {
	if p == nil {
		if configured {
			s.warn("page %q is missing on the wiki: nothing to archive (check the title in params.wiki.pages)", title)
		}
		return nil
	}
	s.warn("page %q is missing on the wiki (deleted?): its %d archived revisions are kept", p.Title, len(p.Revisions))
	if p.Missing {
		return nil
	}
	p.Missing = true
	return s.commit(p, nil, nil)
}

// rename records that the wiki moved p to title.
func (s *syncer) rename(p *archive.Page, title string) (*archive.Page, error) {
	from, to := p.Title, archive.Canonical(title)
	move := archive.Move{From: from, To: to, Seen: time.Now().UTC().Truncate(time.Second)}
	if err := s.store.Rename(from, to, move); err != nil {
		return nil, fmt.Errorf("record the move of %q to %q: %w", from, to, err)
	}
	s.log.Info("page moved on the wiki", "from", from, "to", to)
	return s.arch.reload(from, to)
}

// discover fetches the whole history of a template no Latest request
// covered, one named only by texts fetched in this run.
func (s *syncer) discover(title string) ([]string, error) {
	s.done[title] = true
	p := &archive.Page{Title: title, Namespace: templateNS}
	found, err := s.fetch(p, 0, 0)
	if errors.Is(err, mw.ErrMissing) {
		s.log.Debug("template named in a text is not on the wiki", "title", title)
		return nil, nil
	}
	if err == nil {
		s.sum.Pages++
	}
	return found, err
}

// commit writes p with revs added, through tx (or a new one).
func (s *syncer) commit(p *archive.Page, tx *archive.Tx, revs []archive.Revision) error {
	if tx == nil {
		var err error
		if tx, err = s.store.Begin(); err != nil {
			return err
		}
	}
	next := *p
	next.Revisions = append(append([]archive.Revision(nil), p.Revisions...), revs...)
	next.Add()
	tx.PutPage(&next)
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("page %q: %w", p.Title, err)
	}
	*p = next
	s.arch.put(p)
	s.sum.NewRevisions += len(revs)
	for _, r := range revs {
		s.sum.Added = append(s.sum.Added, Added{Title: p.Title, Revision: r})
	}
	if s.opts.Progress != nil && len(revs) > 0 {
		fmt.Fprintf(s.opts.Progress, "%s: %d revisions archived\r", p.Title, len(p.Revisions))
	}
	s.log.Debug("committed revisions", "page", p.Title, "new", len(revs), "total", len(p.Revisions))
	return nil
}

func toArchive(r mw.Revision) archive.Revision {
	return archive.Revision{ID: r.ID, ParentID: r.ParentID, Timestamp: r.Timestamp, User: r.User,
		Comment: r.Comment, Size: r.Size, SHA1: r.SHA1, Minor: r.Minor,
		TextHidden: r.TextHidden, UserHidden: r.UserHidden, CommentHidden: r.CommentHidden}
}
