package normalize

import (
	"context"
	"strings"

	"github.com/wikisite/wikisite/sync/content"
	"github.com/wikisite/wikisite/sync/personas"
)

// Document is a configured page, or every configured page under a prefix,
// split into entities by Rule the way the personas page is split into
// personas: one page per entity at /<Section>/<slug>/ (under a prefix,
// /<Section>/<rest of the title>/<slug>/), with its history across the
// meetings, plus a list at /<Section>/.
type Document struct {
	Page    string // one page's title; or
	Prefix  string // every configured page whose title starts with it
	Rule    personas.Rule
	Section string // the URL section, such as "use-cases"
}

// sections returns the configured archived pages d applies to, each with
// the URL section its entities go to.
func (d Document) sections(c *corpus) (titles, sections []string) {
	for _, t := range c.configured {
		p := c.page(t)
		switch {
		case p == nil:
		case d.Page != "" && c.page(d.Page) == p:
			titles, sections = append(titles, p.Title), append(sections, d.Section)
		case d.Prefix != "" && strings.HasPrefix(p.Title, d.Prefix) && p.Title != d.Prefix:
			rest := strings.ToLower(sitePath(strings.TrimPrefix(p.Title, d.Prefix)))
			titles, sections = append(titles, p.Title), append(sections, d.Section+"/"+rest)
		}
	}
	return titles, sections
}

// writeDocuments writes the entity pages of every configured Document and
// their compare pages. Each page gets its own versions across the
// meetings, as the personas page does, and the attribution of that page
// alone, split by the document's rule: the entity pages credit no other
// page, and attributing every page again per entity page made a prefix of
// many pages quadratic.
func writeDocuments(ctx context.Context, docs []Document, base *versions, tree *content.Tree, title string, rep *Report) error {
	for _, d := range docs {
		titles, sections := d.sections(base.corpus)
		for i, t := range titles {
			// The entities' compare pages are at /<section>/compare/.
			v := &versions{corpus: base.corpus, conv: base.conv, diffs: base.diffs, rendered: base.rendered, links: base.links,
				meetings: base.meetings, rule: d.Rule, fixed: t, reserved: []string{"compare"}}
			if err := v.buildStages(); err != nil {
				return err
			}
			cr := newCredits(v, rep)
			authors := cr.start()
			err := authors.page(ctx, t)
			if ferr := authors.finish(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			r := &readerPages{versions: v, credits: cr, tree: tree, title: title, rep: rep, section: sections[i]}
			if err := steps(ctx, r.writePersonas, r.writeCompares); err != nil {
				return err
			}
		}
	}
	return nil
}
