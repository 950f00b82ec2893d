package normalize

import (
	"crypto/sha1"
	"fmt"
	"sort"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// converter runs sync/wikitext with templates as they stood at a time, and
// caches results: many revisions share a text, and many personas share
// their sections across revisions.
//
// A conversion depends on the text and on which template revisions were
// current, so the cache key is the text's hash and the "template epoch":
// the number of template revisions saved up to the time. Two times with the
// same epoch see the same templates. A conversion that transcluded a page
// outside the Template namespace is not cached, as its page's revisions do
// not count in the epoch.
type converter struct {
	b      *builder
	stamps []time.Time // every Template: revision time, sorted
	md     map[convKey]converted
	plain  map[convKey]string
}

type convKey struct {
	sum   [sha1.Size]byte
	epoch int
}

// converted is a conversion's output plus the template lookups that failed.
type converted struct {
	wikitext.Result
	missing []string
}

func newConverter(b *builder) *converter {
	c := &converter{b: b, md: map[convKey]converted{}, plain: map[convKey]string{}}
	for _, t := range b.titles {
		if isTemplate(t) {
			for _, r := range b.pages[t].Revisions {
				c.stamps = append(c.stamps, r.Timestamp)
			}
		}
	}
	sort.Slice(c.stamps, func(i, j int) bool { return c.stamps[i].Before(c.stamps[j]) })
	return c
}

func (c *converter) key(src string, at time.Time) convKey {
	epoch := sort.Search(len(c.stamps), func(i int) bool { return c.stamps[i].After(at) })
	return convKey{sha1.Sum([]byte(src)), epoch}
}

// convert returns src as Markdown with templates as they stood at at.
func (c *converter) convert(src string, at time.Time) (converted, error) {
	k := c.key(src, at)
	if r, ok := c.md[k]; ok {
		return r, nil
	}
	ts := &templateSource{b: c.b, at: at}
	r := converted{Result: wikitext.Convert(src, c.options(ts))}
	if ts.err != nil {
		return converted{}, ts.err
	}
	r.missing = ts.missing
	// Reported once per distinct conversion; Write sorts and dedupes.
	c.b.report.Diagnostics = append(c.b.report.Diagnostics, ts.missing...)
	if !ts.uncacheable {
		c.md[k] = r
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
	k := c.key(src, at)
	if s, ok := c.plain[k]; ok {
		return s, nil
	}
	ts := &templateSource{b: c.b, at: at}
	s := wikitext.PlainText(src, c.options(ts))
	if ts.err != nil {
		return "", ts.err
	}
	if !ts.uncacheable {
		c.plain[k] = s
	}
	return s, nil
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
	err         error // the first read error; Convert cannot return one
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
	text, err := ts.b.text(p.Title, r)
	if err != nil {
		if ts.err == nil {
			ts.err = err
		}
		return "", false
	}
	return text, true
}
