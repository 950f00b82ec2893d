package mirror

import (
	"errors"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// fetch archives the revisions of p newer than after, committing every
// s.batch; with until > 0 it stops before revision until (a backfill).
// What was committed before an error stays committed.
//
// The commits run in a second goroutine, one batch behind the requests:
// while batch n is checked and written, the request for batch n+1 is
// already out, so the client's work overlaps the wiki's instead of adding
// to it. Requests stay serial and their number does not change: the next
// one is still made only when the wiki's reply says there is more.
func (s *syncer) fetch(p *archive.Page, after, until int64) ([]string, error) {
	c := s.startCommitter(p)
	known := make(map[int64]bool, len(p.Revisions))
	for _, r := range p.Revisions {
		known[r.ID] = true
	}
	var cur batch
	err := s.wiki.Revisions(s.ctx, p.Title, after, func(r mw.Revision) error {
		if until > 0 && r.ID == until {
			return errStop
		}
		if known[r.ID] {
			return nil
		}
		known[r.ID] = true
		cur.revs = append(cur.revs, r)
		if len(cur.revs) < s.batch {
			return nil
		}
		b := cur
		cur = batch{}
		return c.send(b)
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if len(cur.revs) > 0 {
		// Even after a failed request the revisions already fetched are
		// sound: keep them, as a resumed sync would fetch them again.
		if serr := c.send(cur); err == nil {
			err = serr
		}
	}
	if cerr := c.close(); err == nil {
		err = cerr
	}
	return sortedKeys(c.names), err
}

// batch is revisions fetched, in order, waiting for their commit.
type batch struct{ revs []mw.Revision }

// committer commits one page's batches in its own goroutine. It alone
// touches the page, the syncer's summary and the archive until close.
type committer struct {
	s     *syncer
	p     *archive.Page
	in    chan batch
	done  chan struct{} // closed when run returns; err is set before
	err   error
	names map[string]bool // templates the texts call
}

func (s *syncer) startCommitter(p *archive.Page) *committer {
	// Unbuffered: one batch is committed while the next is fetched, and a
	// third waits for the commit, which bounds memory to two replies.
	c := &committer{s: s, p: p, in: make(chan batch), done: make(chan struct{}), names: map[string]bool{}}
	go c.run()
	return c
}

func (c *committer) run() {
	defer close(c.done)
	for b := range c.in {
		if err := c.commit(b); err != nil {
			c.err = err
			return
		}
	}
}

// send hands b over, or returns the error that stopped the committer.
func (c *committer) send(b batch) error {
	select {
	case c.in <- b:
		return nil
	case <-c.done:
		return c.err
	}
}

// close waits for the batches sent to be committed.
func (c *committer) close() error {
	close(c.in)
	<-c.done
	return c.err
}

// commit stages and commits one batch. A text that fails its sha1 check
// ends the batch: the revisions before it are committed, and the error is
// returned.
func (c *committer) commit(b batch) error {
	tx, err := c.s.store.Begin()
	if err != nil {
		return err
	}
	revs := make([]archive.Revision, 0, len(b.revs))
	var bad error
	for _, r := range b.revs {
		rev := toArchive(r)
		if !r.TextHidden {
			if bad = tx.PutText(c.p.Title, rev, r.Text); bad != nil {
				break
			}
			for _, n := range templateNames(r.Text) {
				c.names[n] = true
			}
		}
		revs = append(revs, rev)
	}
	if len(revs) == 0 {
		tx.Rollback()
		return bad
	}
	if c.p.PageID == 0 {
		c.p.PageID, c.p.Namespace = b.revs[0].PageID, b.revs[0].Namespace
	}
	if err := c.s.commit(c.p, tx, revs); err != nil {
		return err
	}
	return bad
}
