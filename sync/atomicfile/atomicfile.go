// Package atomicfile replaces a file or a whole folder so that a reader,
// or a crash, sees either the old one or the new one, never a part: the
// new one is written beside the old under a temporary name, synced to
// disk, and renamed into place.
//
// It is the one place the archive, the normalize cache, content/ and the
// built site get this right. It does not lock: two writers of the same
// path must be kept apart by the caller.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces path with data, mode 0644: it writes a temporary file
// in the same folder, syncs it, renames it over path and syncs the folder
// so the rename itself is durable. The folder is created if need be.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write replaces path, as WriteFile does, with what write writes: for a
// file too large to assemble in memory first (the normalize cache's pack
// is hundreds of megabytes on a wide site). An error from write leaves
// path as it was.
func Write(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes 0600
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err1 := tmp.Close(); err == nil {
		err = err1
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return SyncDir(dir)
}

// SyncDir makes the entries of dir (a rename into it, say) durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// ReplaceDir moves the finished folder tmp to dir, which may not exist
// yet; tmp must be on the same file system, normally beside dir. The old
// dir is renamed aside first and removed once the new one is in place, so
// dir is briefly absent but never a mix; if the second rename fails the
// old dir is put back. tmp is made 0755 (os.MkdirTemp makes 0700).
func ReplaceDir(tmp, dir string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := tmp + ".old"
	hadOld := true
	if err := os.Rename(dir, old); errors.Is(err, fs.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("move old %s aside: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("move new tree into %s: %w", dir, err)
	}
	if err := SyncDir(filepath.Dir(dir)); err != nil {
		return err
	}
	if hadOld {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove old %s: %w", old, err)
		}
	}
	return nil
}
