package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mwxml"
)

const importSynopsis = "import [--config FILE] [--archive DIR] FILE.xml\n\n" +
	"Loads a MediaWiki XML export (Special:Export, schema 0.10 or 0.11) into the\n" +
	"archive, keeping its revision ids, timestamps, users and comments. Revisions\n" +
	"the archive already holds are skipped. All or nothing: on any error the\n" +
	"archive is left exactly as it was."

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("import", importSynopsis, stderr, &c, false)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage{msg: "import: name exactly one XML dump file"}
	}
	if _, _, err := c.load(); err != nil {
		return err
	}
	store, err := archive.Open(c.archivePath)
	if err != nil {
		return err
	}
	sum, err := importFile(ctx, store, files[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d pages: %d revisions (%d new)\n", sum.pages, sum.revisions, sum.added)
	return nil
}

// parseInterspersed parses flags placed before or after the file names, as
// in `wikisite import dump.xml --archive DIR`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return names, nil
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// importFile loads the dump at path into store under the archive's lock, in
// one transaction.
func importFile(ctx context.Context, store *archive.Store, path string) (importSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return importSummary{}, withHint(fmt.Errorf("import: %w", err), "name an XML file written by Special:Export")
	}
	defer f.Close()
	lock, err := store.Lock()
	if errors.Is(err, archive.ErrLocked) {
		return importSummary{}, withHint(err, "wait for the other wikisite command to finish, then run the import again")
	}
	if err != nil {
		return importSummary{}, err
	}
	defer lock.Unlock()
	tx, err := store.Begin()
	if err != nil {
		return importSummary{}, err
	}
	defer tx.Rollback()
	im := newImporter(store, tx)
	err = mwxml.Read(bufio.NewReaderSize(f, 1<<16), func(p *mwxml.Page, r *mwxml.Revision) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return im.revision(p, r)
	})
	if err == nil {
		err = im.commit()
	}
	if err != nil {
		return importSummary{}, withHint(fmt.Errorf("import %s: %w", path, err), "nothing was imported: the archive is unchanged")
	}
	return im.sum, nil
}

// importSummary counts what an import did.
type importSummary struct {
	pages     int // pages in the dump
	revisions int // distinct revisions in the dump
	added     int // revisions the archive did not hold
}

// importer merges a dump's revisions into archive pages by revision id.
type importer struct {
	store *archive.Store
	tx    *archive.Tx
	pages map[string]*pageImport // by canonical title
	order []string               // titles in dump order
	seen  map[int64]seenRevision // revisions met so far in the dump
	sum   importSummary
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
	im.sum.revisions++
	if old, ok := pi.page.Revision(r.ID); ok {
		if !sameText(old.SHA1, rev.SHA1) {
			return withHint(fmt.Errorf("page %q revision %d: the archive holds another text (sha1 %s, the dump says %s)", title, r.ID, old.SHA1, rev.SHA1),
				"a revision id names one text forever: is the dump from another wiki?")
		}
		return nil
	}
	if !rev.TextHidden {
		if err := im.tx.PutText(title, rev, r.Text); err != nil {
			return err
		}
	}
	pi.added = append(pi.added, rev)
	im.sum.added++
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
	im.sum.pages++
	return pi, nil
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
