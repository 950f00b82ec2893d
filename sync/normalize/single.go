package normalize

import (
	"errors"
	"fmt"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// Converter converts single archived revisions exactly as Write does: the
// same converter options, templates as they stood at the revision's time,
// the same links. It is for tools that judge the conversion one revision at
// a time, such as the fidelity report, so they cannot drift from Write.
type Converter struct {
	corpus *corpus
	conv   *converter
}

// NewConverter reads the archive's metadata once. Options.ContentDir and
// Options.CacheDir are not used.
func NewConverter(opts Options) (*Converter, error) {
	if opts.Store == nil {
		return nil, errors.New("normalize: Store is required")
	}
	c, err := readCorpus(opts.Store, opts.Site.Pages)
	if err != nil {
		return nil, fmt.Errorf("normalize: %w", err)
	}
	conv := newConverter(c, newWikiLinks(opts.Site.Wiki), opts.Site.Wiki, "", &Report{})
	return &Converter{corpus: c, conv: conv}, nil
}

// Revision converts one archived revision of title.
func (c *Converter) Revision(title string, id int64) (wikitext.Result, error) {
	p := c.corpus.page(title)
	if p == nil {
		return wikitext.Result{}, fmt.Errorf("normalize: page %q: %w", title, archive.ErrNoPage)
	}
	r, ok := p.Revision(id)
	if !ok {
		return wikitext.Result{}, fmt.Errorf("normalize: page %q has no revision %d", title, id)
	}
	text, err := c.corpus.text(p.Title, r)
	if err != nil {
		return wikitext.Result{}, fmt.Errorf("normalize: %w", err)
	}
	conv, err := c.conv.page(p.Title, r, text)
	if err != nil {
		return wikitext.Result{}, fmt.Errorf("normalize: %w", err)
	}
	return conv.Result, nil
}
