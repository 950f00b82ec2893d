package normalize

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// cacheFormat names the shape and meaning of cached entries. Bump it
// whenever sync/wikitext, sync/worddiff or this package would compute a
// different result from the same input: every key includes it, so old
// entries stop matching (and are pruned by the next Write).
const cacheFormat = "normalize-cache-5"

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
	// RenderedDiffs counts the documents' diffs rendered as HTML for
	// the meeting and compare pages (sync/docdiff).
	RenderedDiffs int
	CacheHits     int // results read from the cache folder
}

// diskCache keeps results between Writes in one pack file, read when a
// Write starts and rewritten when it ends, holding the entries that Write
// used: one file because opening thousands of small files costs more than
// the results save. Each record is a key, a payload (gob) and the
// payload's SHA-256; a torn or corrupted record fails the check and counts
// as a miss, so the cache can make a build faster but never change it.
// The pack is replaced whole (sync/atomicfile).
//
// Only an index is held in memory: records are read from the pack when
// asked for, and those a Write adds go to a spill file beside it until
// the new pack is written. Held in memory, the records grew with the site
// (240 MB for 1,000 pages of 10 revisions, bench/README.md) and were the
// largest part of a wide build's heap.
type diskCache struct {
	file   string // "" disables the cache
	pack   *os.File
	loaded map[cacheKey]extent // the records of pack
	spill  *os.File            // records put by this Write; nil until the first
	spillN int64
	used   map[cacheKey]place // records for the next pack, by key
	dirty  bool               // the next pack differs from the loaded one
}

// extent is where a record is in its file: offset and length, header
// included.
type extent struct {
	off int64
	n   int
}

// place is a record of the next pack: in the loaded pack or spilled.
type place struct {
	extent
	spilled bool
}

// packMagic starts a pack; a file without it is ignored.
const packMagic = "wikisite normalize cache pack 1\n"

// A record is key, payload length (uint32), payload SHA-256, payload.
const recordHeader = len(cacheKey{}) + 4 + sha256.Size

// spillPattern names spill files; a crashed Write's are removed by the next.
const spillPattern = ".tmp-normalize.pack-spill-"

func newDiskCache(dir string) *diskCache {
	c := &diskCache{loaded: map[cacheKey]extent{}, used: map[cacheKey]place{}}
	if dir == "" {
		return c
	}
	c.file = filepath.Join(dir, "normalize.pack")
	if stale, _ := filepath.Glob(filepath.Join(dir, spillPattern+"*")); len(stale) > 0 {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	f, err := os.Open(c.file)
	if err != nil {
		return c
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || !c.index(f) {
		f.Close()
		c.loaded = map[cacheKey]extent{}
		return c
	}
	c.pack = f
	return c
}

// index reads the records' headers of pack f into c.loaded and reports
// whether f is a pack. A torn record ends it.
func (c *diskCache) index(f *os.File) bool {
	r := bufio.NewReaderSize(f, 64<<10)
	magic := make([]byte, len(packMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != packMagic {
		return false
	}
	off := int64(len(packMagic))
	var h [recordHeader]byte
	for {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return true
		}
		n := int(binary.BigEndian.Uint32(h[len(cacheKey{}):]))
		if skipped, err := r.Discard(n); err != nil || skipped < n {
			return true // torn at the end
		}
		c.loaded[cacheKey(h[:len(cacheKey{})])] = extent{off, recordHeader + n}
		off += int64(recordHeader + n)
	}
}

// record reads the record at p.
func (c *diskCache) record(p place) ([]byte, error) {
	f := c.pack
	if p.spilled {
		f = c.spill
	}
	if f == nil {
		return nil, os.ErrClosed
	}
	rec := make([]byte, p.n)
	_, err := f.ReadAt(rec, p.off)
	return rec, err
}

// get decodes the entry for k into v and reports whether it could.
func (c *diskCache) get(k cacheKey, v any) bool {
	sp, ok := c.loaded[k]
	if !ok {
		return false
	}
	rec, err := c.record(place{extent: sp})
	if err != nil {
		return false
	}
	sum, payload := rec[len(k)+4:recordHeader], rec[recordHeader:]
	if s := sha256.Sum256(payload); !bytes.Equal(s[:], sum) {
		return false
	}
	if gob.NewDecoder(bytes.NewReader(payload)).Decode(v) != nil {
		return false
	}
	c.used[k] = place{extent: sp}
	return true
}

// stored reports whether the loaded pack holds a record for k (which may
// still fail its check).
func (c *diskCache) stored(k cacheKey) bool {
	_, ok := c.loaded[k]
	return ok
}

// keep carries k's entry, if loaded, into the next pack without reading
// it: a result built from it came from the cache, and it will be needed
// again when that result changes.
func (c *diskCache) keep(k cacheKey) {
	if sp, ok := c.loaded[k]; ok {
		c.used[k] = place{extent: sp}
	}
}

// has reports whether the next pack holds k already.
func (c *diskCache) has(k cacheKey) bool {
	_, ok := c.used[k]
	return ok
}

// put stores v under k for the next pack. An entry that cannot be
// encoded or spilled is not cached; the caller has the result.
func (c *diskCache) put(k cacheKey, v any) {
	if c.file == "" {
		return
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(v); err != nil {
		return
	}
	if c.spill == nil {
		dir := filepath.Dir(c.file)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return
		}
		f, err := os.CreateTemp(dir, spillPattern+"*")
		if err != nil {
			return
		}
		c.spill = f
	}
	rec := make([]byte, recordHeader, recordHeader+payload.Len())
	copy(rec, k[:])
	binary.BigEndian.PutUint32(rec[len(k):], uint32(payload.Len()))
	sum := sha256.Sum256(payload.Bytes())
	copy(rec[len(k)+4:], sum[:])
	rec = append(rec, payload.Bytes()...)
	if _, err := c.spill.WriteAt(rec, c.spillN); err != nil {
		return
	}
	c.used[k] = place{extent{c.spillN, len(rec)}, true}
	c.spillN += int64(len(rec))
	c.dirty = true
}

// save writes the entries this Write used as the next pack, when they
// differ from the loaded ones: entries it did not use are dropped, so the
// pack holds what the archive needs now, not every result ever computed.
// The cache is closed after.
func (c *diskCache) save() error {
	defer c.close()
	if c.file == "" || !c.dirty && len(c.used) == len(c.loaded) {
		return nil
	}
	keys := make([]cacheKey, 0, len(c.used))
	for k := range c.used {
		keys = append(keys, k)
	}
	// Sorted, so the same entries give the same file.
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i][:], keys[j][:]) < 0 })
	return writePack(c.file, func(w io.Writer) error {
		if _, err := io.WriteString(w, packMagic); err != nil {
			return err
		}
		for _, k := range keys {
			rec, err := c.record(c.used[k])
			if err != nil {
				return fmt.Errorf("cache record: %w", err)
			}
			if _, err := w.Write(rec); err != nil {
				return err
			}
		}
		// Read whole: closed before the new pack is renamed over it,
		// which Windows would refuse while it is open.
		if c.pack != nil {
			c.pack.Close()
			c.pack = nil
		}
		return nil
	})
}

// close releases the pack and removes the spill file.
func (c *diskCache) close() {
	if c.pack != nil {
		c.pack.Close()
		c.pack = nil
	}
	if c.spill != nil {
		c.spill.Close()
		os.Remove(c.spill.Name())
		c.spill = nil
	}
}

// writePack replaces the pack file; atomicfile syncs it, so a crash
// leaves the old pack or the new one.
func writePack(path string, write func(io.Writer) error) error {
	err := atomicfile.Write(path, write)
	if err == nil {
		return nil
	}
	// Something that is not a pack (a folder, say) may be in the way:
	// the name is ours, so replace it.
	if _, serr := os.Stat(path); serr != nil {
		return err
	}
	if err := os.RemoveAll(path); err != nil {
		return err
	}
	return atomicfile.Write(path, write)
}

// codeVersion is cacheFormat plus, when the binary was built from a
// clean version-control checkout, its revision: a build from another
// commit starts from an empty cache even if nobody bumped cacheFormat. A
// binary without that stamp (built from a modified tree, with
// -buildvcs=false, by `go run` or as a test) adds the SHA-256 of its own
// bytes instead, so changed code never reads entries an older binary
// wrote, and the same code, rebuilt, reads them: the publish workflow
// builds with -buildvcs=false because its own commits of new revisions
// would otherwise empty the cache at every run. Hashing a binary takes a
// few hundred milliseconds, so it is done once per process.
var codeVersion = sync.OnceValue(func() string {
	v := []string{cacheFormat}
	revision, modified := "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		v = append(v, bi.GoVersion)
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if revision != "" {
		v = append(v, revision)
	}
	if revision == "" || modified {
		v = append(v, executableSum())
	}
	return strings.Join(v, " ")
})

// executableSum is the SHA-256 of the running binary, or a value no
// other binary gives when it cannot be read.
func executableSum() string {
	fail := func() string { return fmt.Sprintf("unreadable %d %d", os.Getpid(), time.Now().UnixNano()) }
	exe, err := os.Executable()
	if err != nil {
		return fail()
	}
	f, err := os.Open(exe)
	if err != nil {
		return fail()
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fail()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
