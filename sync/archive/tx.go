package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// Tx stages a batch of writes and applies them all at Commit. Hold the
// Store's Lock for the life of a Tx.
type Tx struct {
	s       *Store
	staging string
	texts   []stagedText
	pages   []*Page
	closed  bool
}

type stagedText struct {
	title string
	id    int64
	path  string // in the staging folder
	final string // in the page folder, once Commit moved it
}

// Begin starts a transaction. Staging folders left by a crashed process
// are removed first: nothing in them was ever visible.
func (s *Store) Begin() (*Tx, error) {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, fmt.Errorf("archive %s: %w", s.dir, err)
	}
	stale, _ := filepath.Glob(filepath.Join(s.dir, ".staging-*"))
	for _, dir := range stale {
		os.RemoveAll(dir)
	}
	dir, err := os.MkdirTemp(s.dir, ".staging-")
	if err != nil {
		return nil, fmt.Errorf("archive %s: %w", s.dir, err)
	}
	return &Tx{s: s, staging: dir}, nil
}

// Add merges revisions into the page by id, keeping it ordered oldest first.
func (p *Page) Add(revs ...Revision) {
	p.Revisions = sortRevisions(append(p.Revisions, revs...))
}

// PutText stages a revision's text after checking it against rev.SHA1.
func (tx *Tx) PutText(title string, rev Revision, text []byte) error {
	title = Canonical(title)
	if rev.SHA1 != "" && !strings.EqualFold(SHA1(text), rev.SHA1) {
		return fmt.Errorf("page %q revision %d: sha1 mismatch: the text hashes to %s, the wiki says %s", title, rev.ID, SHA1(text), rev.SHA1)
	}
	path := filepath.Join(tx.staging, strconv.Itoa(len(tx.texts))+".wiki")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		return fmt.Errorf("page %q revision %d: stage text: %w", title, rev.ID, err)
	}
	tx.texts = append(tx.texts, stagedText{title: title, id: rev.ID, path: path})
	return nil
}

// PutPage stages a page's complete metadata, replacing what the archive holds.
func (tx *Tx) PutPage(p *Page) {
	cp := *p
	cp.Title = Canonical(p.Title)
	cp.Revisions = sortRevisions(p.Revisions)
	tx.pages = append(tx.pages, &cp)
}

// Commit checks that every revision named in the staged metadata has its
// text, either staged or already archived, then moves the texts into place
// and writes the metadata last.
func (tx *Tx) Commit() error {
	if tx.closed {
		return errors.New("archive: transaction already closed")
	}
	defer tx.Rollback()
	dirOf := map[string]string{}
	dir := func(title string) string {
		if d, ok := dirOf[title]; ok {
			return d
		}
		dirOf[title] = tx.s.pageDir(title)
		return dirOf[title]
	}
	staged := map[string]bool{}
	for _, t := range tx.texts {
		staged[t.title+"\x00"+strconv.FormatInt(t.id, 10)] = true
	}
	for _, p := range tx.pages {
		for _, r := range p.Revisions {
			if r.TextHidden || staged[p.Title+"\x00"+strconv.FormatInt(r.ID, 10)] {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir(p.Title), textName(r.ID))); err != nil {
				return fmt.Errorf("page %q revision %d: no text staged or archived", p.Title, r.ID)
			}
		}
	}
	created := map[string]bool{}
	for i, t := range tx.texts {
		d := dir(t.title)
		if !created[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("page %q: %w", t.title, err)
			}
			created[d] = true
		}
		tx.texts[i].final = filepath.Join(d, textName(t.id))
		if err := os.Rename(t.path, tx.texts[i].final); err != nil {
			return fmt.Errorf("page %q revision %d: %w", t.title, t.id, err)
		}
	}
	if err := syncTexts(tx.s.dir, tx.texts); err != nil {
		return err
	}
	for d := range created {
		if err := atomicfile.SyncDir(d); err != nil {
			return err
		}
	}
	for _, p := range tx.pages {
		data, err := encodeMeta(p)
		if err != nil {
			return err
		}
		if err := atomicfile.WriteFile(filepath.Join(dir(p.Title), metaFile), data); err != nil {
			return fmt.Errorf("page %q: write metadata: %w", p.Title, err)
		}
		// The folder now holds the page for sure: the next commit need
		// not parse page.toml to find it again.
		tx.s.remember(p.Title, dir(p.Title))
	}
	return nil
}

// Rollback drops everything staged. It is safe to call after Commit.
func (tx *Tx) Rollback() {
	tx.closed = true
	if err := os.RemoveAll(tx.staging); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return
	}
}

// Rename records that the wiki renamed a page: the metadata under the new
// title is written first, then the folder is renamed, so a crash between the
// two leaves a page that find still locates by its new title.
func (s *Store) Rename(from, to string, move Move) error {
	from, to = Canonical(from), Canonical(to)
	defer s.forget()
	p, err := s.Page(from)
	if err != nil {
		return err
	}
	if _, err := s.find(to); err == nil {
		return fmt.Errorf("page %q: cannot record the move to %q: the archive already holds %q", from, to, to)
	}
	oldDir := s.pageDir(from)
	p.Title = to
	p.Moves = append(p.Moves, move)
	data, err := encodeMeta(p)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(oldDir, metaFile), data); err != nil {
		return fmt.Errorf("page %q: write metadata: %w", from, err)
	}
	newDir := filepath.Join(s.dir, PathName(to))
	if err := os.Rename(oldDir, newDir); err != nil {
		return fmt.Errorf("page %q: move folder to %q: %w", from, to, err)
	}
	return atomicfile.SyncDir(s.dir)
}
