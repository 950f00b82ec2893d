package normalize

import (
	"fmt"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/content"
	"github.com/wikisite/wikisite/sync/docdiff"
)

// Compare pages show what changed between any two versions (meetings and
// the latest), for the whole document and for each persona; a configured
// document's entities get the same under its own section (compareRoot).
// With V = M+1 versions (M meetings and the latest) and P personas (or
// entities) there are V(V-1)/2 pairs, each with one page for the
// document and one per persona, so at most (P+1)·M(M+1)/2 pages per
// document; only pairs whose two versions differ get a page (the rest
// link to the document's unchanged page). For the fixture, M = 7 and
// P = 2 give at most 84.
//
// To keep a long series of meetings bounded, all pairs are written only
// among the newest maxAllPairs versions; older versions are compared with
// their neighbour and with the latest only. That caps the pages at
// (P+1)·(maxAllPairs(maxAllPairs-1)/2 + 2M), about (P+1)·(300 + 2M), for
// each document.
const maxAllPairs = 25

// compareHeadingOffset places a compare page's diff headings under its
// <h2>.
const compareHeadingOffset = 2

type stagePair struct{ from, to int } // stage indexes, from < to

// comparePairs lists the pairs of n versions that get compare pages.
func comparePairs(n int) []stagePair {
	var out []stagePair
	first := max(0, n-maxAllPairs) // versions from here on are compared all with all
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if i >= first || j == i+1 || j == n-1 {
				out = append(out, stagePair{i, j})
			}
		}
	}
	return out
}

// comparison is one compare page's content; html "" and no fields means
// the two versions look the same.
type comparison struct {
	event  string // "changed", "appeared" or "removed"
	html   string
	fields []fchange
}

func (c *comparison) same() bool { return c == nil || c.html == "" && len(c.fields) == 0 }

// comparePlan is every compare page, computed once: the persona pages'
// tables, the switchers and the pages themselves read it.
type comparePlan struct {
	pairs   []stagePair
	doc     map[stagePair]*comparison
	persona []map[stagePair]*comparison // by identity
}

func (b *readerPages) plan() (*comparePlan, error) {
	if b.compares != nil {
		return b.compares, nil
	}
	p := &comparePlan{pairs: comparePairs(len(b.stages)), doc: map[stagePair]*comparison{}}
	docs := make([]docdiff.Doc, len(b.stages))
	for k := range b.stages {
		d, err := b.docOf(b.stages[k].primary.text, b.stages[k].primary.at())
		if err != nil {
			return nil, err
		}
		docs[k] = d
	}
	for _, pr := range p.pairs {
		p.doc[pr] = &comparison{event: "changed", html: b.renderDocDiff(docs[pr.from], docs[pr.to], compareHeadingOffset)}
	}
	for id := range b.slugs {
		m := map[stagePair]*comparison{}
		for _, pr := range p.pairs {
			if c := b.comparePersona(id, pr); c != nil {
				m[pr] = c
			}
		}
		p.persona = append(p.persona, m)
	}
	b.compares = p
	return p, nil
}

// comparePersona compares persona id between two stages; nil when it is
// on neither.
func (b *readerPages) comparePersona(id int, pr stagePair) *comparison {
	old, inOld := b.stages[pr.from].find(id)
	cur, inCur := b.stages[pr.to].find(id)
	if !inOld && !inCur {
		return nil
	}
	c := &comparison{event: "changed"}
	switch {
	case !inOld:
		c.event = "appeared"
	case !inCur:
		c.event = "removed"
	}
	var oldBody, curBody docdiff.Doc
	if inOld {
		oldBody = docdiff.Doc{Markdown: old.body(), Shortcodes: old.shortcodes}
	}
	if inCur {
		curBody = docdiff.Doc{Markdown: cur.body(), Shortcodes: cur.shortcodes}
	}
	c.html = b.renderDocDiff(oldBody, curBody, compareHeadingOffset)
	if from, to := nameIf(old, inOld), nameIf(cur, inCur); from != to {
		c.fields = append(c.fields, fchange{Label: "Name", Old: from, New: to})
	}
	for _, f := range fieldChanges(old, cur) {
		c.fields = append(c.fields, fchange(f))
	}
	return c
}

func nameIf(x persona, ok bool) string {
	if !ok {
		return ""
	}
	return shownName(x)
}

// url is the page comparing stages from and to (either order) for
// persona id, or for the whole document when id < 0; the unchanged page
// when the two look the same or the stagePair has no page.
func (p *comparePlan) url(b *readerPages, from, to, id int) string {
	pr := stagePair{min(from, to), max(from, to)}
	c := p.doc[pr]
	if id >= 0 {
		c = p.persona[id][pr]
	}
	if c.same() {
		return b.unchangedURL()
	}
	return comparePath(b, pr, id)
}

// compareRoot is the URL folder of the document's compare pages:
// /compare/ for the personas page's, /<section>/compare/ for a configured
// document's, so each document has its own (writeDocuments keeps the
// entity slug "compare" free for it).
func (b *readerPages) compareRoot() string {
	if b.section == "" {
		return "/compare/"
	}
	return "/" + b.section + "/compare/"
}

// unchangedURL is the page every stagePair without differences links to.
func (b *readerPages) unchangedURL() string { return b.compareRoot() + "unchanged/" }

// comparePath is a pair's page: <root><from>/<to>/, and for a persona
// personas/<slug>/ below it; a document's entity needs no such folder,
// its section already names what the slug is.
func comparePath(b *readerPages, pr stagePair, id int) string {
	u := b.compareRoot() + b.stages[pr.from].slug + "/" + b.stages[pr.to].slug + "/"
	switch {
	case id >= 0 && b.section == "":
		u += "personas/" + b.slugs[id] + "/"
	case id >= 0:
		u += b.slugs[id] + "/"
	}
	return u
}

// withCompares fills the Compare link of each version of a switcher on
// stage k's page.
func (b *readerPages) withCompares(links []versionLink, k, id int) ([]versionLink, error) {
	p, err := b.plan()
	if err != nil {
		return nil, err
	}
	for i := range links {
		if i != k && i < len(b.stages) {
			links[i].Compare = p.url(b, k, i, id)
		}
	}
	return links, nil
}

// compareTable is the from/to table of a persona page or of /compare/:
// one row per older version, one cell per newer one.
type compareTable struct {
	Versions []versionLink `toml:"versions"`
	Rows     []compareRow  `toml:"rows"`
}

type compareRow struct {
	From  string        `toml:"from"` // version slug
	Cells []compareCell `toml:"cells"`
}

// compareCell is one stagePair: url is its page, or the unchanged page
// with same = true; absent = true when the persona is on neither version or the
// stagePair has no page (no url then).
type compareCell struct {
	To     string `toml:"to"`
	URL    string `toml:"url,omitempty"`
	Same   bool   `toml:"same"`
	Absent bool   `toml:"absent"`
}

// table is the from/to table for persona id, or the document when id < 0.
func (b *readerPages) table(id int) (*compareTable, error) {
	p, err := b.plan()
	if err != nil {
		return nil, err
	}
	t := &compareTable{Versions: b.versionLinks(-1)}
	for i := 0; i+1 < len(b.stages); i++ {
		row := compareRow{From: b.stages[i].slug}
		for j := 1; j < len(b.stages); j++ {
			cell := compareCell{To: b.stages[j].slug, Absent: true}
			c, planned := p.doc[stagePair{i, j}]
			if id >= 0 {
				c, planned = p.persona[id][stagePair{i, j}]
			}
			if j > i && planned {
				cell.Absent, cell.Same, cell.URL = false, c.same(), p.url(b, i, j, id)
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

type compareParams struct {
	From    versionLink   `toml:"from"`
	To      versionLink   `toml:"to"`
	Persona *personaRef   `toml:"persona,omitempty"`
	Event   string        `toml:"event"`
	Fields  []fchange     `toml:"fields,omitempty"`
	HTML    string        `toml:"html"`
	Table   *compareTable `toml:"table,omitempty"`
	None    bool          `toml:"none"`
	// A configured document's pages say where its own pages are; the
	// personas page's leave these out, and the layouts' defaults are its.
	Document string      `toml:"document,omitempty"` // the page's title, naming the whole document
	Index    string      `toml:"index,omitempty"`    // the document's compare index
	Back     string      `toml:"back,omitempty"`     // an entity's page
	Entities []entityRef `toml:"entities,omitempty"` // on the index: each entity's page
}

// entityRef links a configured document's entity from its compare index.
type entityRef struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// writeCompares writes, under the document's compare folder,
// <from>--<to>.md and <from>--<to>--<slug>.md for every stagePair that
// differs, the unchanged page and _index.md (the document's table).
func (b *readerPages) writeCompares() error {
	p, err := b.plan()
	if err != nil {
		return err
	}
	for _, pr := range p.pairs {
		if err := b.writeCompare(pr, -1, p.doc[pr]); err != nil {
			return err
		}
		for id := range b.slugs {
			if err := b.writeCompare(pr, id, p.persona[id][pr]); err != nil {
				return err
			}
		}
	}
	dir := strings.TrimPrefix(b.compareRoot(), "/")
	none := content.FrontMatter{Title: "No changes", Type: "compare", URL: b.unchangedURL(), Params: b.ownPages(compareParams{None: true})}
	if err := b.tree.WriteDoc(dir+"unchanged.md", none, ""); err != nil {
		return err
	}
	t, err := b.table(-1)
	if err != nil {
		return err
	}
	params, title := b.ownPages(compareParams{Table: t}), "Compare versions"
	if b.section != "" {
		title += ": " + b.primary
		for id, slug := range b.slugs {
			_, x := b.lastSeen(id)
			params.Entities = append(params.Entities, entityRef{Name: pageTitle(x), URL: b.entityURL(slug)})
		}
	}
	idx := content.FrontMatter{Title: title, Type: "compares", URL: b.compareRoot(), Params: params}
	return b.tree.WriteDoc(dir+"_index.md", idx, "")
}

// ownPages fills in, on a configured document's compare pages, what the
// layouts would otherwise take to be the personas page's.
func (b *readerPages) ownPages(p compareParams) compareParams {
	if b.section != "" {
		p.Document, p.Index = b.primary, b.compareRoot()
	}
	return p
}

func (b *readerPages) writeCompare(pr stagePair, id int, c *comparison) error {
	if c.same() {
		return nil
	}
	from, to := b.stageLink(pr.from, id), b.stageLink(pr.to, id)
	params := b.ownPages(compareParams{From: from, To: to, Event: c.event, Fields: c.fields, HTML: c.html})
	what, file := "The whole document", strings.TrimPrefix(b.compareRoot(), "/")+from.Slug+"--"+to.Slug
	if params.Document != "" {
		what = params.Document
	}
	if id >= 0 {
		_, x := b.lastSeen(id)
		params.Persona = &personaRef{Slug: b.slugs[id], Name: pageTitle(x)}
		what, file = params.Persona.Name, file+"--"+b.slugs[id]
		if b.section != "" {
			params.Back = b.entityURL(b.slugs[id])
		}
	}
	title := fmt.Sprintf("%s: %s → %s", what, shortLabel(from), shortLabel(to))
	fm := content.FrontMatter{Title: title, Type: "compare", URL: comparePath(b, pr, id), Date: b.stages[pr.to].date, Params: params}
	return b.tree.WriteDoc(file+".md", fm, "")
}

// stageLink is stage k on a compare page of persona id (or of the whole
// document when id < 0), linking the document as it stood: its meeting's
// page, or now the home page (the personas page's) or the entity's page
// or list (a configured document's, which has no page of its own at a
// meeting).
func (b *readerPages) stageLink(k, id int) versionLink {
	s := &b.stages[k]
	v := versionLink{Slug: s.slug, Title: s.title, Date: s.date, URL: s.url}
	if s.meeting == nil && b.section != "" {
		v.URL = "/" + b.section + "/"
		if id >= 0 {
			v.URL = b.entityURL(b.slugs[id])
		}
	}
	return v
}

// shortLabel names a version in a compare page's title: its date, or
// "latest".
func shortLabel(v versionLink) string {
	if v.Slug == "latest" {
		return "latest"
	}
	return strings.TrimSpace(v.Date.UTC().Format(time.DateOnly))
}
