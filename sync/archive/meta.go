package archive

import (
	"bytes"
	"fmt"
	"os"

	"github.com/BurntSushi/toml"
)

// metaHeader opens every page.toml so that a person who finds one knows
// what it is and where the texts are.
const metaHeader = "# wikisite archive: metadata of one wiki page. Each [[revision]] has its text in <id>.wiki beside this file.\n# Written by `wikisite sync` and `wikisite import`; edit by hand only with care.\n\n"

func readMeta(path string) (*Page, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p Page
	md, err := toml.Decode(string(data), &p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return nil, fmt.Errorf("%s: unknown key %q: written by a newer wikisite?", path, undecoded[0].String())
	}
	for i := range p.Revisions {
		p.Revisions[i].Timestamp = p.Revisions[i].Timestamp.UTC()
	}
	return &p, nil
}

func encodeMeta(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(metaHeader)
	if err := toml.NewEncoder(&buf).Encode(p); err != nil {
		return nil, fmt.Errorf("page %q: encode metadata: %w", p.Title, err)
	}
	return buf.Bytes(), nil
}
