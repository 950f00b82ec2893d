package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Lock is held by the one process allowed to write the archive.
type Lock struct {
	f *os.File
	s *Store
}

// ErrLocked means another wikisite process is writing the archive.
var ErrLocked = errors.New("another wikisite sync or import is writing this archive")

// Lock takes the archive's write lock without waiting. The lock is an
// advisory flock (LockFileEx on Windows) on .lock in the archive folder:
// the kernel releases it when the holder exits, even after kill -9, so a
// crash never leaves the archive locked.
func (s *Store) Lock() (*Lock, error) {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, fmt.Errorf("archive %s: %w", s.dir, err)
	}
	path := filepath.Join(s.dir, ".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("archive lock: %w", err)
	}
	if busy, err := lockFile(f); err != nil {
		f.Close()
		if busy {
			return nil, fmt.Errorf("archive %s: %w", s.dir, ErrLocked)
		}
		return nil, fmt.Errorf("archive lock %s: %w", path, err)
	}
	s.setLocked(true)
	return &Lock{f: f, s: s}, nil
}

// Unlock releases the lock.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.s.setLocked(false)
	err := l.f.Close() // closing the descriptor releases the flock
	l.f = nil
	return err
}
