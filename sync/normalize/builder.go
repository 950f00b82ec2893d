package normalize

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/config"
)

// builder holds one Write's state: the archive's metadata, read once, and
// the caches that keep a run over many similar revisions cheap.
type builder struct {
	ctx    context.Context
	opts   Options
	cfg    *config.Config
	out    string // the temporary tree being written
	report Report

	titles []string                 // archived titles, sorted
	pages  map[string]*archive.Page // by canonical title
	texts  map[textKey]string
	conv   *converter
	// diffsAhead holds the diffs computed ahead for the history being
	// written (see prefetchHistory).
	diffsAhead map[cacheKey]textDiff

	primary  string   // the configured page the personas come from
	stages   []stage  // one per meeting, then the latest
	slugs    []string // persona identity → slug
	timeline []timelineEntry
	faqURL   string
}

type textKey struct {
	title string
	id    int64
}

func newBuilder(ctx context.Context, opts Options, out string) (*builder, error) {
	b := &builder{ctx: ctx, opts: opts, cfg: opts.Config, out: out,
		pages: map[string]*archive.Page{}, texts: map[textKey]string{},
		diffsAhead: map[cacheKey]textDiff{}}
	titles, err := opts.Store.Titles()
	if err != nil {
		return nil, fmt.Errorf("normalize: %w", err)
	}
	b.titles = titles
	for _, t := range titles {
		p, err := opts.Store.Page(t)
		if err != nil {
			return nil, fmt.Errorf("normalize: %w", err)
		}
		b.pages[p.Title] = p
	}
	b.conv = newConverter(b)
	return b, nil
}

// page returns an archived page by any spelling of its title.
func (b *builder) page(title string) *archive.Page {
	return b.pages[archive.Canonical(title)]
}

// text returns a revision's wikitext; hidden texts read as "".
func (b *builder) text(title string, r *archive.Revision) (string, error) {
	if r == nil || r.TextHidden {
		return "", nil
	}
	k := textKey{title, r.ID}
	if s, ok := b.texts[k]; ok {
		return s, nil
	}
	data, err := b.opts.Store.Text(title, r.ID)
	if errors.Is(err, archive.ErrHidden) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("normalize: %w", err)
	}
	b.texts[k] = string(data)
	return string(data), nil
}

// visible returns the newest revision at or before r whose text is not
// hidden, or nil.
func visible(p *archive.Page, r *archive.Revision) *archive.Revision {
	for r != nil && r.TextHidden {
		r = p.Parent(r)
	}
	return r
}

func (b *builder) warn(msg string, args ...any) {
	s := fmt.Sprintf(msg, args...)
	b.opts.Logger.Warn(s)
	b.report.Diagnostics = append(b.report.Diagnostics, s)
}

// build writes every file of the tree.
func (b *builder) build() error {
	steps := []func() error{b.warnUnarchived, b.writeWikiPages, b.writeHistories, b.buildStages,
		b.writePersonas, b.writeMeetings, b.writeFAQ, b.writeHome}
	for _, step := range steps {
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("normalize: %w", err)
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// closeCache saves the cache for the next Write. A failure only costs
// the next Write time, so it is logged, not returned.
func (b *builder) closeCache() {
	if err := b.conv.disk.save(); err != nil {
		b.opts.Logger.Warn("normalize: cache not saved; the next build will recompute", "dir", b.opts.CacheDir, "err", err)
	}
}

// configured returns the configured titles in canonical form, in order.
func (b *builder) configured() []string {
	out := make([]string, 0, len(b.cfg.Wiki.Pages))
	for _, t := range b.cfg.Wiki.Pages {
		out = append(out, archive.Canonical(t))
	}
	return out
}

func isTemplate(title string) bool { return strings.HasPrefix(title, "Template:") }
