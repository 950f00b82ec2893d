package normalize

import (
	"context"
	"fmt"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// Converter converts single archived revisions exactly as Write does: the
// same converter options, templates as they stood at the revision's time,
// the same links. It is for tools that judge the conversion one revision at
// a time, such as the fidelity report, so they cannot drift from Write.
type Converter struct {
	b *builder
}

// NewConverter reads the archive's metadata once. Options.ContentDir is
// not used.
func NewConverter(ctx context.Context, opts Options) (*Converter, error) {
	if opts.Config == nil || opts.Store == nil {
		return nil, fmt.Errorf("normalize: Config and Store are required")
	}
	b, err := newBuilder(ctx, opts, "")
	if err != nil {
		return nil, err
	}
	return &Converter{b: b}, nil
}

// Revision converts one archived revision of title.
func (c *Converter) Revision(title string, id int64) (wikitext.Result, error) {
	p := c.b.page(title)
	if p == nil {
		return wikitext.Result{}, fmt.Errorf("normalize: page %q: %w", title, archive.ErrNoPage)
	}
	r, ok := p.Revision(id)
	if !ok {
		return wikitext.Result{}, fmt.Errorf("normalize: page %q has no revision %d", title, id)
	}
	text, err := c.b.text(p.Title, r)
	if err != nil {
		return wikitext.Result{}, err
	}
	conv, err := c.b.conv.get(markdownKind, text, r.Timestamp, true)
	if err != nil {
		return wikitext.Result{}, err
	}
	return conv.Result, nil
}
