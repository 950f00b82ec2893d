package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// filesDir holds the files pages use, content-addressed, and their record.
// Its name is lower-case, which no page folder can be (titles start with a
// capital), so it never passes for a page.
const (
	filesDir    = "files"
	filesRecord = "files.toml"
)

const filesHeader = "# wikisite archive: the files (images) the pages use, each version stored as <sha1>.<ext> beside this file.\n# Written by `wikisite sync`.\n\n"

// Files is the record of every file the archived pages use.
type Files struct {
	Files []File `toml:"file"`
}

// File is one file page ("File:X.png") and its versions, oldest first.
type File struct {
	Title string `toml:"title"`
	// Missing means the wiki no longer has the file (or never had it);
	// versions archived before are kept.
	Missing  bool          `toml:"missing,omitempty"`
	Versions []FileVersion `toml:"version,omitempty"`
}

// FileVersion is one uploaded version of a file, stored as Blob.
type FileVersion struct {
	Timestamp time.Time `toml:"timestamp"`
	SHA1      string    `toml:"sha1"`
	// Blob is the stored file's name in the files folder, <sha1>.<ext>.
	Blob   string `toml:"blob"`
	Size   int    `toml:"size"`
	Width  int    `toml:"width,omitempty"`
	Height int    `toml:"height,omitempty"`
	Mime   string `toml:"mime,omitempty"`
}

// At returns the version that was current at t: the newest uploaded at or
// before t, else the oldest the archive has (the wiki keeps no earlier
// one), or nil when none is archived.
func (f *File) At(t time.Time) *FileVersion {
	if len(f.Versions) == 0 {
		return nil
	}
	i := sort.Search(len(f.Versions), func(i int) bool { return f.Versions[i].Timestamp.After(t) })
	if i == 0 {
		return &f.Versions[0]
	}
	return &f.Versions[i-1]
}

// Lookup returns the record of title, or nil.
func (fs *Files) Lookup(title string) *File {
	for i := range fs.Files {
		if fs.Files[i].Title == title {
			return &fs.Files[i]
		}
	}
	return nil
}

// Files reads the files record; an archive without one gives an empty
// record and no error.
func (s *Store) Files() (*Files, error) {
	var out Files
	if err := readRecord(filepath.Join(s.dir, filesDir, filesRecord), &out); err != nil {
		return nil, err
	}
	for i := range out.Files {
		for j := range out.Files[i].Versions {
			out.Files[i].Versions[j].Timestamp = out.Files[i].Versions[j].Timestamp.UTC()
		}
	}
	return &out, nil
}

// PutFiles replaces the files record, atomically, after checking that
// every version it names is stored. Hold the Store's Lock.
func (s *Store) PutFiles(f *Files) error {
	cp := Files{Files: append([]File(nil), f.Files...)}
	sort.Slice(cp.Files, func(i, j int) bool { return cp.Files[i].Title < cp.Files[j].Title })
	for _, file := range cp.Files {
		for _, v := range file.Versions {
			if _, err := os.Stat(s.BlobPath(v.Blob)); err != nil {
				return fmt.Errorf("archive: file %q version of %s: not stored: %w", file.Title, v.Timestamp.Format(time.RFC3339), err)
			}
		}
	}
	return writeRecord(filepath.Join(s.dir, filesDir, filesRecord), filesHeader, "the files record", &cp)
}

// blobName is "<sha1>.<ext>": sha1 in lower-case hex, ext from the file's
// title, letters and digits only.
var blobName = regexp.MustCompile(`^[0-9a-f]{40}(\.[a-z0-9]{1,8})?$`)

// BlobPath is where the stored file named blob is.
func (s *Store) BlobPath(blob string) string {
	return filepath.Join(s.dir, filesDir, filepath.Base(blob))
}

// PutBlob stores data under its sha1, after checking it against want (hex,
// as the wiki reports it), and returns the blob's name. A blob already
// stored is not written again.
func (s *Store) PutBlob(title, want string, data []byte) (string, error) {
	got := SHA1(data)
	if !strings.EqualFold(got, want) {
		return "", fmt.Errorf("file %q: sha1 mismatch: the download hashes to %s, the wiki says %s", title, got, want)
	}
	name := got + extOf(title)
	if !blobName.MatchString(name) {
		name = got
	}
	path := s.BlobPath(name)
	if _, err := os.Stat(path); err == nil {
		return name, nil
	}
	if err := atomicfile.WriteFile(path, data); err != nil {
		return "", fmt.Errorf("file %q: store: %w", title, err)
	}
	return name, nil
}

// extOf is a title's extension, lower-cased, with its dot ("" for none).
func extOf(title string) string {
	ext := strings.ToLower(filepath.Ext(title))
	if len(ext) < 2 || len(ext) > 9 {
		return ""
	}
	return ext
}
