package normalize

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// cacheFormat names the shape and meaning of cached entries. Bump it
// whenever sync/wikitext, sync/worddiff or this package would compute a
// different result from the same input: every key includes it, so old
// entries stop matching (and are pruned by the next Write).
const cacheFormat = "normalize-cache-1"

// cacheKey addresses one cached result: a SHA-256 of everything the
// result depends on.
type cacheKey [sha256.Size]byte

// newKey hashes parts with their lengths, so ("ab","c") and ("a","bc")
// give different keys.
func newKey(parts ...[]byte) cacheKey {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var k cacheKey
	h.Sum(k[:0])
	return k
}

// Work counts what one Write computed and what it took from the cache
// (Options.CacheDir). Results repeated within the run are counted once.
type Work struct {
	Conversions int // wikitext→Markdown conversions computed
	PlainTexts  int // wikitext→plain text conversions computed
	Diffs       int // diffs (with their class) computed
	CacheHits   int // results read from the cache folder
}

// diskCache keeps results between Writes in a folder, one file per key,
// named by the key in hex. A file is the SHA-256 of its payload, then the
// payload (gob): a torn or corrupted file fails the check and counts as a
// miss, so the cache can make a build faster but never change it. Writes
// go to a temporary file renamed into place; they are not fsynced, as a
// file lost or torn in a crash is only a miss.
type diskCache struct {
	dir    string // "" disables the cache
	used   map[cacheKey]bool
	failed error // the first write error; later writes are skipped
}

func newDiskCache(dir string) *diskCache {
	if dir != "" {
		dir = filepath.Join(dir, "normalize")
	}
	return &diskCache{dir: dir, used: map[cacheKey]bool{}}
}

func (c *diskCache) path(k cacheKey) string {
	return filepath.Join(c.dir, hex.EncodeToString(k[:]))
}

// get decodes the entry for k into v and reports whether it could.
func (c *diskCache) get(k cacheKey, v any) bool {
	if c.dir == "" {
		return false
	}
	c.used[k] = true
	data, err := os.ReadFile(c.path(k))
	if err != nil || len(data) < sha256.Size {
		return false
	}
	sum, payload := data[:sha256.Size], data[sha256.Size:]
	if s := sha256.Sum256(payload); !bytes.Equal(s[:], sum) {
		return false
	}
	return gob.NewDecoder(bytes.NewReader(payload)).Decode(v) == nil
}

// put stores v under k. A failure only costs speed, so it is remembered
// for the caller to log once and not returned.
func (c *diskCache) put(k cacheKey, v any) {
	if c.dir == "" || c.failed != nil {
		return
	}
	c.used[k] = true
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(v); err != nil {
		c.failed = fmt.Errorf("encode cache entry: %w", err)
		return
	}
	sum := sha256.Sum256(payload.Bytes())
	if err := c.write(k, append(sum[:], payload.Bytes()...)); err != nil {
		c.failed = err
	}
}

func (c *diskCache) write(k cacheKey, data []byte) error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails harmlessly once renamed
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err != nil {
		return err
	}
	if os.Rename(f.Name(), c.path(k)) == nil {
		return nil
	}
	// Something that is not an entry (a folder, say) may be in the way:
	// the folder is ours, so replace it.
	if err := os.RemoveAll(c.path(k)); err != nil {
		return err
	}
	return os.Rename(f.Name(), c.path(k))
}

// prune removes the entries this run did not use, and temporary files
// left by a crash, so the folder holds what the archive needs now rather
// than every result ever computed.
func (c *diskCache) prune() error {
	if c.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		var k cacheKey
		name := e.Name()
		if n, err := hex.Decode(k[:], []byte(name)); err == nil && n == len(k) && len(name) == 2*len(k) && c.used[k] {
			continue
		}
		if err := os.RemoveAll(filepath.Join(c.dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// codeVersion is cacheFormat plus, when the binary was built from a
// version-control checkout, its revision: a build from another commit
// starts from an empty cache even if nobody bumped cacheFormat. A binary
// built from a modified tree adds its own size and time, which change
// whenever it is rebuilt. Test binaries carry no such stamp and rely on
// cacheFormat alone.
func codeVersion() string {
	v := []string{cacheFormat}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return cacheFormat
	}
	v = append(v, bi.GoVersion)
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision":
			v = append(v, s.Value)
		case s.Key == "vcs.modified" && s.Value == "true":
			v = append(v, executableStamp())
		}
	}
	return strings.Join(v, " ")
}

func executableStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return "modified"
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "modified"
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
}
