package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/wikisite/wikisite/sync/atomicfile"
)

// setFile is the page set's record, beside the page folders: a file, so
// scans of page folders never take it for a page.
const setFile = "pageset.toml"

const setHeader = "# wikisite archive: the pages the configured set resolved to, and when each joined or left it.\n# Written by `wikisite sync`; a page that left keeps its folder and history.\n\n"

// PageSet records which pages the configured set (pages, categories,
// prefixes, namespaces) resolved to, and where the last full check of the
// wiki's recent changes stopped.
type PageSet struct {
	// Spec describes the configuration the set was resolved from; when it
	// differs from today's, the set is resolved afresh.
	Spec string `toml:"spec"`
	// Checked is when the set was last resolved (this machine's clock); a
	// change check older than the wiki keeps recent changes for is unsafe.
	Checked time.Time `toml:"checked"`
	// Since and LastChange are the timestamp and rcid of the newest recent
	// change already accounted for: the next check lists changes from
	// Since on and skips ids up to LastChange.
	Since      time.Time `toml:"since"`
	LastChange int64     `toml:"last_change"`
	// Categories are the categories walked, subcategories included.
	Categories []string `toml:"categories,omitempty"`
	Members    []Member `toml:"member"`
}

// Member is one page that is or was in the set.
type Member struct {
	Title string `toml:"title"`
	// Via says which rule brought the page in ("pages", "category:X",
	// "prefix:X", "namespace:N").
	Via    string    `toml:"via"`
	Joined time.Time `toml:"joined"`
	// Left is when a sync first found the page outside the set; zero while
	// it is in. The page's archived history stays.
	Left time.Time `toml:"left,omitempty"`
}

// In reports whether the member is in the set now.
func (m Member) In() bool { return m.Left.IsZero() }

// Current returns the titles in the set now, in the record's order.
func (ps *PageSet) Current() []string {
	var out []string
	for _, m := range ps.Members {
		if m.In() {
			out = append(out, m.Title)
		}
	}
	return out
}

// PageSet reads the set's record; an archive without one gives an empty
// PageSet and no error.
func (s *Store) PageSet() (*PageSet, error) {
	var ps PageSet
	if err := readRecord(filepath.Join(s.dir, setFile), &ps); err != nil {
		return nil, err
	}
	ps.Checked, ps.Since = ps.Checked.UTC(), ps.Since.UTC()
	for i := range ps.Members {
		ps.Members[i].Joined, ps.Members[i].Left = ps.Members[i].Joined.UTC(), ps.Members[i].Left.UTC()
	}
	return &ps, nil
}

// PutPageSet replaces the set's record, atomically. Members are kept in
// title order so the file diffs well under git. Hold the Store's Lock.
func (s *Store) PutPageSet(ps *PageSet) error {
	cp := *ps
	cp.Members = append([]Member(nil), ps.Members...)
	sort.SliceStable(cp.Members, func(i, j int) bool { return cp.Members[i].Title < cp.Members[j].Title })
	return writeRecord(filepath.Join(s.dir, setFile), setHeader, "the page set", &cp)
}

// readRecord decodes the TOML record at path into v, rejecting keys v has
// no field for; a record not written yet leaves v zero.
func readRecord(path string, v any) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return fmt.Errorf("archive: %s: %w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return fmt.Errorf("archive: %s: unknown key %q: written by a newer wikisite?", path, undecoded[0].String())
	}
	return nil
}

// writeRecord replaces the TOML record at path with header and v,
// atomically; what names it in errors.
func writeRecord(path, header, what string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(header)
	if err := toml.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("archive: encode %s: %w", what, err)
	}
	if err := atomicfile.WriteFile(path, buf.Bytes()); err != nil {
		return fmt.Errorf("archive: write %s: %w", what, err)
	}
	return nil
}
