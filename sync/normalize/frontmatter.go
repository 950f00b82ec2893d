package normalize

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// frontMatter is what every content file starts with. Hugo reads title,
// type, url, date and categories itself; layouts read params.
type frontMatter struct {
	Title      string    `toml:"title"`
	Type       string    `toml:"type"`
	URL        string    `toml:"url"`
	Date       time.Time `toml:"date,omitempty"`
	Categories []string  `toml:"categories,omitempty"`
	Params     any       `toml:"params"`
}

// source is the revision a page shows, for the footer's attribution.
type source struct {
	Page      string    `toml:"page"`
	Revision  int64     `toml:"revision"`
	Author    string    `toml:"author"`
	Timestamp time.Time `toml:"timestamp"`
	WikiURL   string    `toml:"wiki_url"` // "" for a placeholder revision
	PageURL   string    `toml:"page_url"` // the page itself on the wiki
}

// writeDoc writes one content file: TOML front matter between "+++" fences,
// then body. The encoder writes every string on one line with escapes, so
// no value can close the front matter early, and Hugo reads front matter
// only at the start of a file, so nothing in the body can open another.
func (b *builder) writeDoc(rel string, fm frontMatter, body string) error {
	data, err := encodeDoc(rel, fm, body)
	if err != nil {
		return err
	}
	return b.writeFile(rel, data)
}

func encodeDoc(rel string, fm frontMatter, body string) ([]byte, error) {
	// Hugo expands ":token" permalink patterns in a front matter url (and
	// crashes on unknown ones in v0.165); "\:" is its escape for a literal
	// colon, as in /wiki/Template:Admon/note/.
	fm.URL = strings.ReplaceAll(fm.URL, ":", `\:`)
	var buf bytes.Buffer
	buf.WriteString("+++\n")
	if err := toml.NewEncoder(&buf).Encode(fm); err != nil {
		return nil, fmt.Errorf("normalize: %s: encode front matter: %w", rel, err)
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

// writeFile writes one content file of the tree.
func (b *builder) writeFile(rel string, data []byte) error {
	path := filepath.Join(b.out, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("normalize: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("normalize: %w", err)
	}
	b.report.Files++
	return nil
}
