// Package archive keeps every revision of the mirrored wiki pages on disk.
//
// The archive is the source of truth of wikisite: a folder meant to be
// committed to git and read by people. Each page has a folder named after its
// title (see PathName), holding one file per revision, <revid>.wiki, with
// exactly that revision's wikitext, and page.toml, the page's metadata (page
// id, title, moves, and one [[revision]] table per revision, oldest first).
//
// Writes go through a Tx: texts are staged, checked against their sha1, then
// moved into place, and the metadata is written last, each file by
// temp-file-and-rename. A crash at any instant leaves every page.toml naming
// only revisions whose text is on disk. Staging folders left behind are
// removed by the next Tx; texts moved into place whose metadata was never
// written are listed by Orphans and removed by RemoveOrphans, which sync
// and import call under the lock. The archive knows nothing of the wiki or
// of the site.
package archive

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Errors a caller may branch on.
var (
	ErrNoPage = errors.New("page not in the archive")
	ErrHidden = errors.New("revision text is hidden on the wiki")
)

const metaFile = "page.toml"

// Store is an archive folder. It may be read from several goroutines.
type Store struct {
	dir string

	// dirs caches the folder found for each title: readers ask for many
	// texts of one page, and confirming the folder means parsing its
	// page.toml. Commits keep it right; a Rename drops it. See dirs.go.
	mu   sync.Mutex
	dirs map[string]string
	// complete means dirs lists every page: it came from a scan made while
	// this Store held the write lock, when no other process can add one.
	complete bool
	locked   bool
	// metaReads counts page.toml parses, for tests of the cache.
	metaReads atomic.Int64
}

// Open returns the archive in dir. The folder need not exist yet: the first
// write creates it.
func Open(dir string) (*Store, error) {
	info, err := os.Stat(dir)
	if err == nil && !info.IsDir() {
		return nil, fmt.Errorf("archive %s: not a folder", dir)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the archive's folder.
func (s *Store) Dir() string { return s.dir }

// Page is one wiki page's metadata.
type Page struct {
	Title     string     `toml:"title"`
	PageID    int64      `toml:"page_id"`
	Namespace int        `toml:"namespace"`
	Missing   bool       `toml:"missing,omitempty"` // the wiki no longer has the page; its history is kept
	Moves     []Move     `toml:"move,omitempty"`
	Revisions []Revision `toml:"revision"`
}

// Move records that the page was renamed on the wiki.
type Move struct {
	From string    `toml:"from"`
	To   string    `toml:"to"`
	Seen time.Time `toml:"seen"` // when a sync first saw the new title
}

// Revision is one saved version of a page.
type Revision struct {
	ID            int64     `toml:"id"`
	ParentID      int64     `toml:"parent_id"`
	Timestamp     time.Time `toml:"timestamp"`
	User          string    `toml:"user"`
	Comment       string    `toml:"comment"`
	Size          int       `toml:"size"`
	SHA1          string    `toml:"sha1"` // hex, as the API gives it
	Minor         bool      `toml:"minor,omitempty"`
	TextHidden    bool      `toml:"text_hidden,omitempty"`
	UserHidden    bool      `toml:"user_hidden,omitempty"`
	CommentHidden bool      `toml:"comment_hidden,omitempty"`
}

// Last returns the newest revision, or nil for a page without revisions.
func (p *Page) Last() *Revision {
	if len(p.Revisions) == 0 {
		return nil
	}
	return &p.Revisions[len(p.Revisions)-1]
}

// Revision returns the revision with the given id.
func (p *Page) Revision(id int64) (*Revision, bool) {
	for i := range p.Revisions {
		if p.Revisions[i].ID == id {
			return &p.Revisions[i], true
		}
	}
	return nil, false
}

// At returns the last revision saved at or before t, or nil if the page did
// not exist yet.
func (p *Page) At(t time.Time) *Revision {
	i := sort.Search(len(p.Revisions), func(i int) bool { return p.Revisions[i].Timestamp.After(t) })
	if i == 0 {
		return nil
	}
	return &p.Revisions[i-1]
}

// Parent returns the revision before r in the archive (by time), or nil.
func (p *Page) Parent(r *Revision) *Revision {
	for i := range p.Revisions {
		if p.Revisions[i].ID == r.ID {
			if i == 0 {
				return nil
			}
			return &p.Revisions[i-1]
		}
	}
	return nil
}

// sortRevisions orders revisions oldest first and drops duplicate ids,
// keeping the later entry so that fresh metadata replaces stale.
func sortRevisions(revs []Revision) []Revision {
	byID := make(map[int64]int, len(revs))
	var out []Revision
	for _, r := range revs {
		if i, ok := byID[r.ID]; ok {
			out[i] = r
			continue
		}
		byID[r.ID] = len(out)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Revision) int {
		if c := a.Timestamp.Compare(b.Timestamp); c != 0 {
			return c
		}
		return compareInt(a.ID, b.ID)
	})
	return out
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// SHA1 returns the hex sha1 of a revision text, the form the API reports.
func SHA1(text []byte) string {
	sum := sha1.Sum(text)
	return hex.EncodeToString(sum[:])
}

// Titles lists the titles of the archived pages, sorted.
func (s *Store) Titles() ([]string, error) {
	pages, err := s.scan()
	if err != nil {
		return nil, err
	}
	titles := make([]string, 0, len(pages))
	for title := range pages {
		titles = append(titles, title)
	}
	sort.Strings(titles)
	return titles, nil
}

// scan reads every page folder's metadata, mapping titles to folders. A
// folder whose page.toml is missing holds a page whose first write never
// finished, and is skipped.
func (s *Store) scan() (map[string]string, error) {
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	pages := map[string]string{}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := filepath.Join(s.dir, e.Name())
		p, err := s.readMeta(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
		if other, dup := pages[p.Title]; dup {
			return nil, fmt.Errorf("archive: %s and %s both hold page %q: remove the stale one", other, dir, p.Title)
		}
		pages[p.Title] = dir
	}
	s.scanned(pages)
	return pages, nil
}

// Page reads a page's metadata. The error wraps ErrNoPage when the archive
// does not hold the page.
func (s *Store) Page(title string) (*Page, error) {
	dir, err := s.find(Canonical(title))
	if err != nil {
		return nil, err
	}
	p, err := s.readMeta(dir)
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", title, err)
	}
	return p, nil
}

// Text reads a revision's wikitext.
func (s *Store) Text(title string, id int64) ([]byte, error) {
	title = Canonical(title)
	dir, err := s.find(title)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, textName(id)))
	if errors.Is(err, fs.ErrNotExist) {
		if p, perr := s.Page(title); perr == nil {
			if r, ok := p.Revision(id); ok && r.TextHidden {
				return nil, fmt.Errorf("page %q revision %d: %w", title, id, ErrHidden)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("page %q revision %d: %w", title, id, err)
	}
	return b, nil
}

func textName(id int64) string { return strconv.FormatInt(id, 10) + ".wiki" }
