package archive

import (
	"fmt"
	"maps"
	"path/filepath"
)

// The folder cache. A page lives in PathName(title) except after a rename
// interrupted by a crash, so finding a title's folder for sure means
// parsing page.toml, and finding that a title is not archived means
// parsing every page.toml. A sync commits every 50 revisions, so both are
// cached: Commit records the folders it wrote, a scan made under the write
// lock records every page (nobody else can add one until Unlock), and only
// Rename, which moves folders, drops the cache.

// find returns the folder holding title.
func (s *Store) find(title string) (string, error) {
	s.mu.Lock()
	dir, ok := s.dirs[title]
	complete := s.complete
	s.mu.Unlock()
	if ok {
		return dir, nil
	}
	if complete {
		return "", fmt.Errorf("page %q: %w", title, ErrNoPage)
	}
	dir, err := s.lookup(title)
	if err != nil {
		return "", err
	}
	s.remember(title, dir)
	return dir, nil
}

func (s *Store) lookup(title string) (string, error) {
	dir := filepath.Join(s.dir, PathName(title))
	if p, err := s.readMeta(dir); err == nil && p.Title == title {
		return dir, nil
	}
	pages, err := s.scan()
	if err != nil {
		return "", err
	}
	if dir, ok := pages[title]; ok {
		return dir, nil
	}
	return "", fmt.Errorf("page %q: %w", title, ErrNoPage)
}

// pageDir is where a page's files go: its current folder, or the one its
// title names for a new page.
func (s *Store) pageDir(title string) string {
	if dir, err := s.find(title); err == nil {
		return dir
	}
	return filepath.Join(s.dir, PathName(title))
}

// remember records that title's metadata is in dir.
func (s *Store) remember(title, dir string) {
	s.mu.Lock()
	if s.dirs == nil {
		s.dirs = map[string]string{}
	}
	s.dirs[title] = dir
	s.mu.Unlock()
}

// scanned records a scan of every folder; under the write lock it is
// the whole truth until Unlock.
func (s *Store) scanned(pages map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.locked {
		return
	}
	s.dirs = maps.Clone(pages)
	if s.dirs == nil {
		s.dirs = map[string]string{}
	}
	s.complete = true
}

// forget drops the folder cache after a write that moves folders, or when
// the write lock is taken or released (another process may have written
// before, and may write after).
func (s *Store) forget() {
	s.mu.Lock()
	s.dirs, s.complete = nil, false
	s.mu.Unlock()
}

func (s *Store) setLocked(locked bool) {
	s.forget()
	s.mu.Lock()
	s.locked = locked
	s.mu.Unlock()
}

func (s *Store) readMeta(dir string) (*Page, error) {
	s.metaReads.Add(1)
	return readMeta(filepath.Join(dir, metaFile))
}
