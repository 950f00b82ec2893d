package normalize

import (
	"fmt"
	"sync"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// converter runs sync/wikitext with templates as they stood at a time, and
// caches results: many revisions share a text, and many personas share
// their sections across revisions.
//
// A conversion depends on the text, on which template revisions were
// current and on the converter's settings, so its key hashes the three
// (see cacheKeys). Results live in memory for the run and, with
// Options.CacheDir, on disk for the next one. A conversion that
// transcluded a page outside the Template namespace is not cached, as that
// page's revisions are not part of the key.
type converter struct {
	b    *builder
	keys *cacheKeys
	disk *diskCache
	md   map[cacheKey]converted
	// plain holds plain texts, which are cheap to keep and asked for
	// again by every persona field that did not change.
	plain map[cacheKey]string
}

// converted is a conversion's output plus the template lookups that failed.
type converted struct {
	wikitext.Result
	missing     []string
	uncacheable bool // it read a page outside the Template namespace
}

func newConverter(b *builder) *converter {
	return &converter{b: b, keys: newCacheKeys(b), disk: newDiskCache(b.opts.CacheDir),
		md: map[cacheKey]converted{}, plain: map[cacheKey]string{}}
}

// convert returns src as Markdown with templates as they stood at at.
func (c *converter) convert(src string, at time.Time) (converted, error) {
	return c.convertFor(src, at, true)
}

// convertFor is convert that keeps the result for the next Write only if
// persist: the conversions behind the history's diffs are needed again
// only when a diff is, and a diff is itself cached.
func (c *converter) convertFor(src string, at time.Time, persist bool) (converted, error) {
	k := c.keys.of("markdown", src, at)
	if r, ok := c.md[k]; ok {
		if persist && !c.disk.has(k) {
			c.disk.put(k, entryOf(r))
		}
		return r, nil
	}
	var e convEntry
	if c.disk.get(k, &e) {
		c.b.report.Work.CacheHits++
		r := e.converted()
		c.b.report.Diagnostics = append(c.b.report.Diagnostics, r.missing...)
		c.md[k] = r
		return r, nil
	}
	pc, ok := c.b.pre.md[k]
	if !ok {
		pc = c.computeConv(src, at, nil)
	}
	c.b.report.Work.Conversions++
	if pc.err != nil {
		return converted{}, pc.err
	}
	r := pc.r
	// Reported once per distinct conversion; Write sorts and dedupes.
	c.b.report.Diagnostics = append(c.b.report.Diagnostics, r.missing...)
	if !r.uncacheable {
		c.md[k] = r
		if persist {
			c.disk.put(k, entryOf(r))
		}
	}
	return r, nil
}

// markdown is convert without the details, for sections and fragments.
func (c *converter) markdown(src string, at time.Time) (string, error) {
	r, err := c.convert(src, at)
	return r.Markdown, err
}

// plainText returns what a reader sees of src, for front matter values and
// for telling markup-only edits from real ones.
func (c *converter) plainText(src string, at time.Time) (string, error) {
	s, _, err := c.plainTextFor(src, at, true)
	return s, err
}

// plainTextFor is plainText that keeps the result for the next Write only
// if persist (as convertFor), and says whether it was cacheable.
func (c *converter) plainTextFor(src string, at time.Time, persist bool) (string, bool, error) {
	k := c.keys.of("plain", src, at)
	if s, ok := c.plain[k]; ok {
		if persist && !c.disk.has(k) {
			c.disk.put(k, s)
		}
		return s, true, nil
	}
	var s string
	if c.disk.get(k, &s) {
		c.b.report.Work.CacheHits++
		c.plain[k] = s
		return s, true, nil
	}
	pp, ok := c.b.pre.plain[k]
	if !ok {
		pp = c.computePlain(src, at, nil)
	}
	c.b.report.Work.PlainTexts++
	if pp.err != nil {
		return "", false, pp.err
	}
	s = pp.s
	if !pp.uncacheable {
		c.plain[k] = s
		if persist {
			c.disk.put(k, s)
		}
	}
	return s, !pp.uncacheable, nil
}

func (c *converter) options(ts *templateSource) wikitext.Options {
	return wikitext.Options{
		Shortcodes: c.b.cfg.Wiki.Shortcodes,
		Templates:  ts,
		Link:       c.b.link,
		WikiURL:    articleBase(c.b.cfg.Wiki),
	}
}

// templateSource serves archived pages as they stood at one time. A page
// that did not exist yet is not found, as MediaWiki would show a red link;
// the lookup is recorded so the caller can report it.
type templateSource struct {
	b           *builder
	at          time.Time
	missing     []string
	uncacheable bool
	err         error       // the first read error; Convert cannot return one
	mu          *sync.Mutex // when not nil, guards b.texts (see prepass)
}

// Template implements wikitext.TemplateSource.
func (ts *templateSource) Template(title string) (string, bool) {
	title = archive.Canonical(title)
	if !isTemplate(title) {
		ts.uncacheable = true
	}
	p := ts.b.page(title)
	if p == nil {
		ts.missing = append(ts.missing, fmt.Sprintf("template %q is not archived", title))
		return "", false
	}
	r := p.At(ts.at)
	if r == nil {
		ts.missing = append(ts.missing, fmt.Sprintf("template %q did not exist yet at %s", title, ts.at.Format(time.RFC3339)))
		return "", false
	}
	if r.TextHidden {
		ts.missing = append(ts.missing, fmt.Sprintf("template %q revision %d is hidden", title, r.ID))
		return "", false
	}
	if ts.mu != nil {
		ts.mu.Lock()
		defer ts.mu.Unlock()
	}
	text, err := ts.b.text(p.Title, r)
	if err != nil {
		if ts.err == nil {
			ts.err = err
		}
		return "", false
	}
	return text, true
}
