// Package content writes Hugo's content/ folder: files of TOML front
// matter and a Markdown body, gathered in a new tree beside the old one
// and swapped in whole, so a failure never leaves a half-written content/.
//
// It knows the file format and the swap; what the pages say, and the
// shape of their params (docs/content-schema.md), is sync/normalize's.
package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/wikisite/wikisite/sync/atomicfile"
)

// FrontMatter is what every content file starts with. Hugo reads title,
// type, url, date and categories itself; layouts read params.
type FrontMatter struct {
	Title      string    `toml:"title"`
	Type       string    `toml:"type"`
	URL        string    `toml:"url"`
	Date       time.Time `toml:"date,omitempty"`
	Categories []string  `toml:"categories,omitempty"`
	Params     any       `toml:"params"`
}

// Encode is one content file: TOML front matter between "+++" fences,
// then body. The encoder writes every string on one line with escapes, so
// no value can close the front matter early, and Hugo reads front matter
// only at the start of a file, so nothing in the body can open another.
// rel names the file in the error.
func Encode(rel string, fm FrontMatter, body string) ([]byte, error) {
	// Hugo expands ":token" permalink patterns in a front matter url (and
	// crashes on unknown ones in v0.165); "\:" is its escape for a literal
	// colon, as in /wiki/Template:Admon/note/.
	fm.URL = strings.ReplaceAll(fm.URL, ":", `\:`)
	var buf bytes.Buffer
	buf.WriteString("+++\n")
	if err := toml.NewEncoder(&buf).Encode(fm); err != nil {
		return nil, fmt.Errorf("%s: encode front matter: %w", rel, err)
	}
	buf.WriteString("+++\n")
	if body != "" {
		buf.WriteString("\n")
		buf.WriteString(body)
		if !strings.HasSuffix(body, "\n") {
			buf.WriteString("\n")
		}
	}
	return buf.Bytes(), nil
}

// Tree is a content folder being written.
type Tree struct {
	dir   string
	files int
}

// Files counts the files written so far.
func (t *Tree) Files() int { return t.files }

// WriteDoc encodes and writes one content file at rel (slash-separated).
func (t *Tree) WriteDoc(rel string, fm FrontMatter, body string) error {
	data, err := Encode(rel, fm, body)
	if err != nil {
		return err
	}
	return t.Write(rel, data)
}

// Write writes one file of the tree at rel (slash-separated).
func (t *Tree) Write(rel string, data []byte) error {
	path := filepath.Join(t.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	t.files++
	return nil
}

// Replace builds a new tree with fill and, if fill succeeds, swaps it in
// for dir; otherwise dir is left as it was. It returns the number of files
// written. Two concurrent Replaces of the same dir are not supported.
func Replace(dir string, fill func(*Tree) error) (int, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	t := &Tree{dir: tmp}
	if err := fill(t); err != nil {
		return 0, err
	}
	if err := atomicfile.ReplaceDir(tmp, dir); err != nil {
		return 0, err
	}
	return t.files, nil
}

// removeStale deletes temporary trees left by a Replace that crashed
// (the new tree, and the old one moved aside as <tmp>.old).
func removeStale(parent, base string) {
	stale, _ := filepath.Glob(filepath.Join(parent, base+".tmp-*"))
	for _, d := range stale {
		os.RemoveAll(d)
	}
}
