// Package dumpimport merges a MediaWiki XML export into the archive: the
// dump's revision ids, timestamps, users and comments are kept, revisions the
// archive already holds are skipped, and everything is staged in one archive
// transaction that commits only after the whole dump has been read and
// checked. Reading the dump is sync/mwxml's job, storing revisions is
// sync/archive's; this package holds only the merge between them.
package dumpimport

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mwxml"
)

// ErrConflict means the archive holds a revision id with another text than
// the dump's: a revision id names one text forever, so the dump is likely
// from another wiki.
var ErrConflict = errors.New("the archive holds another text for this revision id")

// Options says what an import may bring in.
type Options struct {
	// Check, when set, sees every page of the dump once the whole dump has
	// been read and checked, before anything is committed; an error from it
	// aborts the import. The command uses it to refuse pages nobody
	// configured, which the next build would publish.
	Check func(pages []PageRef) error
}

// PageRef names one page of a dump.
type PageRef struct {
	Title     string // canonical
	Namespace int
}

// Import loads the dump read from r into store under the archive's lock, in
// one transaction: on any error the archive is left exactly as it was.
func Import(ctx context.Context, store *archive.Store, r io.Reader, opts Options) (Summary, error) {
	lock, err := store.Lock()
	if err != nil {
		return Summary{}, err
	}
	defer lock.Unlock()
	tx, err := store.Begin()
	if err != nil {
		return Summary{}, err
	}
	defer tx.Rollback()
	im := newImporter(store, tx)
	err = mwxml.Read(bufio.NewReaderSize(r, 1<<16), func(p *mwxml.Page, rev *mwxml.Revision) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return im.revision(p, rev)
	})
	if err != nil {
		return Summary{}, err
	}
	if opts.Check != nil {
		if err := opts.Check(im.refs()); err != nil {
			return Summary{}, err
		}
	}
	if err := im.commit(); err != nil {
		return Summary{}, err
	}
	// Only after the commit: a failed import leaves the archive as it was,
	// leftovers included.
	if im.sum.Orphans, err = store.RemoveOrphans(); err != nil {
		return im.sum, err
	}
	return im.sum, nil
}

// Summary counts what an import did.
type Summary struct {
	Pages     int // pages in the dump
	Revisions int // distinct revisions in the dump
	Added     int // revisions the archive did not hold
	// Orphans are texts an interrupted sync or import had left without
	// metadata, removed after the commit (see archive.Store.Orphans).
	Orphans []string
}

// importer merges a dump's revisions into archive pages by revision id.
type importer struct {
	store *archive.Store
	tx    *archive.Tx
	pages map[string]*pageImport // by canonical title
	order []string               // titles in dump order
	seen  map[int64]seenRevision // revisions met so far in the dump
	sum   Summary
}

type pageImport struct {
	page  *archive.Page
	added []archive.Revision // merged in at the end: Page.Add sorts
}

type seenRevision struct{ title, sha1 string }

func newImporter(store *archive.Store, tx *archive.Tx) *importer {
	return &importer{store: store, tx: tx, pages: map[string]*pageImport{}, seen: map[int64]seenRevision{}}
}

// revision stages one revision unless the archive, or the dump itself,
// already holds it; the same id with another text is an error.
func (im *importer) revision(p *mwxml.Page, r *mwxml.Revision) error {
	title := archive.Canonical(p.Title)
	pi, err := im.page(title, p)
	if err != nil {
		return err
	}
	rev := archiveRevision(r)
	if prev, ok := im.seen[r.ID]; ok {
		if prev.title != title || !sameText(prev.sha1, rev.SHA1) {
			return fmt.Errorf("page %q revision %d: the dump holds revision %d twice, with different texts or pages (first in page %q)", title, r.ID, r.ID, prev.title)
		}
		return nil
	}
	im.seen[r.ID] = seenRevision{title: title, sha1: rev.SHA1}
	im.sum.Revisions++
	if old, ok := pi.page.Revision(r.ID); ok {
		if !sameText(old.SHA1, rev.SHA1) {
			return fmt.Errorf("page %q revision %d: %w (sha1 %s, the dump says %s)", title, r.ID, ErrConflict, old.SHA1, rev.SHA1)
		}
		return nil
	}
	if !rev.TextHidden {
		if err := im.tx.PutText(title, rev, r.Text); err != nil {
			return err
		}
	}
	pi.added = append(pi.added, rev)
	im.sum.Added++
	return nil
}

// page returns the archive page a dump page merges into, reading it from
// the archive the first time.
func (im *importer) page(title string, p *mwxml.Page) (*pageImport, error) {
	if pi, ok := im.pages[title]; ok {
		return pi, nil
	}
	page, err := im.store.Page(title)
	if errors.Is(err, archive.ErrNoPage) {
		page, err = &archive.Page{Title: title, PageID: p.ID, Namespace: p.NS}, nil
	}
	if err != nil {
		return nil, err
	}
	pi := &pageImport{page: page}
	im.pages[title] = pi
	im.order = append(im.order, title)
	im.sum.Pages++
	return pi, nil
}

// refs lists the dump's pages in dump order.
func (im *importer) refs() []PageRef {
	out := make([]PageRef, len(im.order))
	for i, title := range im.order {
		out[i] = PageRef{Title: title, Namespace: im.pages[title].page.Namespace}
	}
	return out
}

// commit stages the metadata of every page that gained revisions and
// commits the transaction.
func (im *importer) commit() error {
	for _, title := range im.order {
		pi := im.pages[title]
		if len(pi.added) == 0 {
			continue
		}
		pi.page.Add(pi.added...)
		im.tx.PutPage(pi.page)
	}
	return im.tx.Commit()
}

// archiveRevision keeps what the archive records of a dump revision. A
// revision whose dump gives no sha1 gets its text's, so the archive can
// check it later.
func archiveRevision(r *mwxml.Revision) archive.Revision {
	rev := archive.Revision{
		ID:            r.ID,
		ParentID:      r.ParentID,
		Timestamp:     r.Timestamp,
		User:          r.Contributor.Name(),
		Comment:       r.Comment,
		Size:          len(r.Text),
		SHA1:          r.SHA1,
		Minor:         r.Minor,
		TextHidden:    r.TextDeleted,
		UserHidden:    r.Contributor.Deleted,
		CommentHidden: r.CommentDeleted,
	}
	if rev.SHA1 == "" && !rev.TextHidden {
		rev.SHA1 = archive.SHA1(r.Text)
	}
	return rev
}

// sameText compares two hex sha1s; an unknown one (a hidden text) matches.
func sameText(a, b string) bool {
	return a == "" || b == "" || a == b
}
