package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNotLocked means a write was tried without holding the archive's Lock.
var ErrNotLocked = errors.New("archive: write without the lock")

// Orphans lists the revision texts that no page.toml names, as paths
// relative to the archive folder, sorted. A Commit moves texts into place
// before it writes the metadata, so a process killed in between leaves
// complete texts that the archive does not list: harmless to readers, but
// `git add archive` would commit them. A folder without page.toml (a first
// write that never finished) counts with all its texts.
func (s *Store) Orphans() ([]string, error) {
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		found, err := s.pageOrphans(e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.Strings(out)
	return out, nil
}

// pageOrphans lists the unlisted texts of one page folder.
func (s *Store) pageOrphans(name string) ([]string, error) {
	dir := filepath.Join(s.dir, name)
	listed := map[string]bool{}
	p, err := s.readMeta(dir)
	switch {
	case err == nil:
		for _, r := range p.Revisions {
			listed[textName(r.ID)] = true
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("archive: %w", err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	var out []string
	for _, f := range files {
		if f.Type().IsRegular() && strings.HasSuffix(f.Name(), ".wiki") && !listed[f.Name()] {
			out = append(out, filepath.Join(name, f.Name()))
		}
	}
	return out, nil
}

// RemoveOrphans deletes what Orphans lists, and page folders left empty,
// and returns what it removed. The caller must hold the Lock: another
// process's Commit has texts in place before its metadata, and they would
// look like orphans.
func (s *Store) RemoveOrphans() ([]string, error) {
	s.mu.Lock()
	locked := s.locked
	s.mu.Unlock()
	if !locked {
		return nil, fmt.Errorf("archive %s: remove orphan texts: %w", s.dir, ErrNotLocked)
	}
	orphans, err := s.Orphans()
	if err != nil {
		return nil, err
	}
	dirs := map[string]bool{}
	for _, rel := range orphans {
		if err := os.Remove(filepath.Join(s.dir, rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("archive: remove orphan text: %w", err)
		}
		dirs[filepath.Dir(rel)] = true
	}
	for d := range dirs {
		os.Remove(filepath.Join(s.dir, d)) // only succeeds when empty
	}
	return orphans, nil
}
