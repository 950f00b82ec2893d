package normalize

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/authorship"
)

// credits is who wrote what on every archived page: each page's visible
// revisions run through sync/authorship, oldest first, with the
// attribution kept of the revisions the site credits (the primary page's
// version at each stage and every page's newest visible revision). The
// pages' footers and the authors views read it.
type credits struct {
	*versions
	rep   *Report
	pages map[string]*pageAuthors // by title
	// released are the pages whose wiki page and authors view are
	// written: their attributed texts are dropped (see release).
	released map[string]bool
}

// release drops title's attributed texts once its pages are written.
func (b *credits) release(title string) {
	b.released[title] = true
	if pa := b.pages[title]; pa != nil {
		pa.at = nil
	}
}

// newCredits is credits with no page attributed yet; start attributes
// them. Cost: one attribution per revision, linear in its text (see
// sync/authorship), on every core; the conversions, which the history
// pages need anyway, come from the converter's caches; a page whose
// history is unchanged comes whole from the cache folder, one with new
// revisions resumes after the cached ones.
func newCredits(v *versions, rep *Report) *credits {
	return &credits{versions: v, rep: rep, pages: map[string]*pageAuthors{}, released: map[string]bool{}}
}

// pageAuthors is one page's history run through sync/authorship: the
// revisions in the order attributed (a token's Origin indexes revs) and
// the attributed text of each revision a page of the site shows.
type pageAuthors struct {
	title string
	revs  []*archive.Revision
	at    map[int64]*authoredDoc
}

// authoredDoc is one revision's visible text, block by block, attributed.
// For a page split into personas, persona[i] is the index in the
// version's doc.Personas of the persona block i belongs to (-1 for the
// page's own text) and field[i] the index in its Profile (-1 if none).
type authoredDoc struct {
	blocks  []authoredBlock
	persona []int
	field   []int
}

type authoredBlock struct {
	textBlock
	toks []authorship.Token // offsets within Text
}

// attribution fills credits.pages, a page at a time. Pages are read and
// converted one by one on the caller's goroutine (the converter's caches
// are not shared between goroutines); their attributions, most of the
// cost, run on every core, each fed its page's revisions as they are
// converted, a few ahead: a long history is never held whole. Write asks
// for each page right after its history, whose conversions the
// attribution reads again: a wide site's conversions outgrow the
// converter's memo long before the last history is written, and asked
// for after every history they were all computed twice.
type attribution struct {
	b  *credits
	mu sync.Mutex
	// done are the pages whose attribution finished, handed to the
	// caller's goroutine as it goes (the cache and b.pages are not shared
	// between goroutines).
	done []attributed
	g    errgroup.Group
	// onDone, when set, is called on the caller's goroutine with each
	// page once its attribution is in b.pages.
	onDone func(title string) error
}

// attributed is one page's finished attribution and its cache entry,
// which holds its whole attribution state.
type attributed struct {
	title string
	pa    *pageAuthors
	key   cacheKey
	entry authorsEntry
}

// start begins the attribution of b's pages, which page then asks for
// one by one.
func (b *credits) start() *attribution {
	a := &attribution{b: b}
	a.g.SetLimit(runtime.GOMAXPROCS(0))
	return a
}

// credited is which of title's revisions the site credits, and so whose
// attribution is kept: the primary page's at each stage and every page's
// newest visible one. Only those: the attributed text of every page at
// every meeting was most of a wide site's memory.
func (b *credits) credited(title string) map[int64]bool {
	keep := map[int64]bool{}
	for _, s := range b.stages {
		if s.primary.rev != nil && s.primary.title == title {
			keep[s.primary.rev.ID] = true
		}
	}
	p := b.corpus.pages[title]
	if r := visible(p, p.Last()); r != nil {
		keep[r.ID] = true
	}
	return keep
}

// page converts title's revisions and hands them to its attribution,
// which goes on on another goroutine.
func (a *attribution) page(ctx context.Context, title string) error {
	if err := a.takeDone(); err != nil {
		return err
	}
	b := a.b
	job, err := b.authorsJob(b.corpus.pages[title], b.credited(title))
	if err != nil {
		return err
	}
	docs := make(chan *authoredDoc, authorsAhead)
	a.g.Go(func() error {
		pa, e := job.run(docs)
		a.mu.Lock()
		defer a.mu.Unlock()
		a.done = append(a.done, attributed{title, pa, job.key, e})
		return nil
	})
	err = b.convertJob(ctx, job, docs)
	close(docs)
	return err
}

// finish waits for every page's attribution and takes them in.
func (a *attribution) finish() error {
	a.g.Wait()
	return a.takeDone()
}

// takeDone takes the finished pages in: their attributions into
// b.pages, their entries into the cache, then onDone.
func (a *attribution) takeDone() error {
	a.mu.Lock()
	done := a.done
	a.done = nil
	a.mu.Unlock()
	for _, d := range done {
		a.b.pages[d.title] = d.pa
		if !a.b.conv.disk.has(d.key) {
			a.b.conv.disk.put(d.key, d.entry)
		}
	}
	for _, d := range done {
		if a.onDone != nil {
			if err := a.onDone(d.title); err != nil {
				return err
			}
		}
	}
	return nil
}

// authorsFormat names the shape of cached attributions; bump it when
// sync/authorship or the blocks would attribute differently.
const authorsFormat = "authors-2"

// authorsAhead is how many converted revisions may wait for a page's
// attribution: enough to keep both sides busy, few enough that a long
// history's blocks are not all in memory.
const authorsAhead = 16

// authorsJob is one page's visible revisions and where the cache lets
// their attribution start.
type authorsJob struct {
	page  *archive.Page
	title string
	revs  []*archive.Revision
	keep  map[int64]bool
	key   cacheKey // of the attribution after the last revision
	// from is the first revision to attribute; state and prior hold the
	// cached attribution of those before it (zero: start afresh).
	from  int
	state *authorship.State
	prior map[int64]*authoredDoc
}

// authorsJob reads p's visible revisions and finds how many of them the
// cache can skip. Each revision has a key chaining the keys before it
// with its id, author, time and conversion key (text, templates,
// settings), so an entry under revision i's key is the attribution after
// revision i: a page with one new revision resumes from the entry of the
// one before.
func (b *credits) authorsJob(p *archive.Page, keep map[int64]bool) (authorsJob, error) {
	job := authorsJob{page: p, title: p.Title, keep: keep}
	var keys []cacheKey
	k := newKey([]byte(authorsFormat))
	for i := range p.Revisions {
		r := &p.Revisions[i]
		if r.TextHidden {
			continue
		}
		text, err := b.text(p.Title, r)
		if err != nil {
			return job, err
		}
		ck := b.conv.keys.of("markdown", text, r.Timestamp)
		k = newKey(k[:], []byte(fmt.Sprintf("%d %s %s", r.ID, r.Timestamp.Format(time.RFC3339), r.User)), ck[:])
		keys = append(keys, k)
		job.revs = append(job.revs, r)
	}
	job.key = k
	job.resume(b, keys)
	return job, nil
}

// convertJob sends the job's revisions still to attribute to docs, in
// order, taken apart into blocks.
func (b *credits) convertJob(ctx context.Context, job authorsJob, docs chan<- *authoredDoc) error {
	memo := newBlockMemo()
	for _, r := range job.revs[job.from:] {
		if err := ctx.Err(); err != nil {
			return err
		}
		v, err := b.versionOf(job.page, r)
		if err != nil {
			return err
		}
		d, err := b.blocksOf(v, memo)
		if err != nil {
			return err
		}
		docs <- d
	}
	return nil
}

// resume finds the newest cached attribution among the page's revisions
// that holds every shown revision up to it, and sets job to continue
// after it.
func (job *authorsJob) resume(b *credits, keys []cacheKey) {
	for i := len(keys) - 1; i >= 0; i-- {
		if !b.conv.disk.stored(keys[i]) {
			continue
		}
		var e authorsEntry
		if !b.conv.disk.get(keys[i], &e) {
			return
		}
		prior, ok := e.docs(job.revs[:i+1], job.keep)
		if !ok {
			return
		}
		b.rep.Work.CacheHits++
		job.from, job.state, job.prior = i+1, &e.State, prior
		return
	}
}

// run attributes the job's revisions from job.from on, as docs brings
// them, and keeps the attribution of those the site shows, with the entry
// the cache keeps for the next run. It touches nothing shared. When docs
// closes early (the conversions failed) the result is discarded.
func (job authorsJob) run(docs <-chan *authoredDoc) (*pageAuthors, authorsEntry) {
	pa := &pageAuthors{title: job.title, revs: job.revs, at: map[int64]*authoredDoc{}}
	h := authorship.New()
	if job.state != nil {
		if r, ok := authorship.Restore(*job.state); ok {
			h = r
		}
	}
	for id, d := range job.prior {
		pa.at[id] = d
	}
	i := job.from
	for d := range docs {
		r := job.revs[i]
		i++
		var text strings.Builder
		starts := make([]int, len(d.blocks))
		for k, bl := range d.blocks {
			if k > 0 {
				text.WriteString("\n\n")
			}
			starts[k] = text.Len()
			text.WriteString(bl.Text)
		}
		toks := h.Add(authorship.Revision{ID: r.ID, User: r.User, Time: r.Timestamp, Text: text.String()})
		if job.keep[r.ID] {
			d.attach(toks, starts)
			pa.at[r.ID] = d
		}
	}
	return pa, pa.entry(h.State())
}

// attach hands each block its tokens, with offsets made relative to it.
func (d *authoredDoc) attach(toks []authorship.Token, starts []int) {
	k := 0
	for _, t := range toks {
		for k+1 < len(starts) && t.Start >= starts[k+1] {
			k++
		}
		t.Start -= starts[k]
		t.End -= starts[k]
		d.blocks[k].toks = append(d.blocks[k].toks, t)
	}
}

// blocksOf is a version's visible text in blocks. A page split into
// personas is taken apart as the persona pages show it (profile fields one
// block each, sections under their titles), so the attribution of a
// persona page is the attribution of exactly its text.
func (b *credits) blocksOf(v version, memo blockMemo) (*authoredDoc, error) {
	d := &authoredDoc{}
	add := func(persona, field int, bls ...textBlock) {
		for _, bl := range bls {
			d.blocks = append(d.blocks, authoredBlock{textBlock: bl})
			d.persona = append(d.persona, persona)
			d.field = append(d.field, field)
		}
	}
	// Not kept in the cache folder: the attribution itself is, so the
	// next Write converts only the revisions after it.
	md := func(persona int, src string) error {
		r, err := b.conv.get(markdownKind, src, v.at(), false)
		add(persona, -1, memo.blocks(r.Markdown)...)
		return err
	}
	if !v.split {
		return d, md(-1, v.text)
	}
	if err := md(-1, v.doc.Preamble); err != nil {
		return nil, err
	}
	ps, err := b.personasOf(v)
	if err != nil {
		return nil, err
	}
	for i, x := range ps {
		for _, g := range v.doc.Groups {
			if g.First == i {
				if err := md(-1, g.Wikitext); err != nil {
					return nil, err
				}
			}
		}
		if err := b.personaBlocks(x, i, add, md, memo); err != nil {
			return nil, err
		}
	}
	for _, g := range v.doc.Groups {
		if g.First == len(ps) {
			if err := md(-1, g.Wikitext); err != nil {
				return nil, err
			}
		}
	}
	return d, md(-1, v.doc.Trailer)
}

// personaBlocks adds persona i's blocks: its heading, the lines under it,
// its profile fields and its sections.
func (b *credits) personaBlocks(x persona, i int, add func(int, int, ...textBlock), md func(int, string) error, memo blockMemo) error {
	p := x.params
	add(i, -1, textBlock{Kind: "heading", Level: 2, Text: p.Heading})
	for _, s := range []string{p.Name, p.Role, p.Organisation} {
		if s != "" {
			add(i, -1, textBlock{Kind: "paragraph", Text: s})
		}
	}
	if p.Quote != "" {
		add(i, -1, textBlock{Kind: "quote", Text: p.Quote})
	}
	if err := md(i, x.p.Intro); err != nil {
		return err
	}
	for k, f := range p.Fields {
		if f.Value != "" {
			add(i, k, textBlock{Kind: "field", Label: f.Label, Text: f.Value})
		}
	}
	for _, s := range x.p.Sections {
		add(i, -1, textBlock{Kind: "heading", Level: 3, Text: s.Title})
		add(i, -1, memo.blocks(x.sections[s.Slug])...)
	}
	return nil
}

// maxCredited is how many authors a footer names before "and N others".
const maxCredited = 4

// creditedSource is the source of a page showing blocks of version v,
// crediting the authors of exactly those blocks, most words first, and
// linking the page's history and authors view.
func (b *credits) creditedSource(pa *pageAuthors, title string, r *archive.Revision, blocks []authoredBlock, authorsURL string) *source {
	src := b.links.source(title, r)
	n := map[string]int{}
	for _, bl := range blocks {
		for _, t := range bl.toks {
			n[pa.revs[t.Origin].User]++
		}
	}
	names := make([]string, 0, len(n))
	for name := range n {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(n[b], n[a]), cmp.Compare(a, b)) })
	if len(names) > maxCredited {
		src.Others = len(names) - maxCredited
		names = names[:maxCredited]
	}
	src.Authors, src.AuthorsURL, src.HistoryURL = names, authorsURL, "/history/"+sitePath(title)+"/"
	return src
}

// pageSource is the source of a page showing all of title's revision r,
// whose authors view is at authorsURL.
func (b *credits) pageSource(title string, r *archive.Revision, authorsURL string) *source {
	pa := b.pages[title]
	if pa == nil || pa.at[r.ID] == nil {
		return b.links.source(title, r)
	}
	return b.creditedSource(pa, title, r, pa.at[r.ID].blocks, authorsURL)
}

// personaSource is the source of the page of persona slug at stage k, crediting
// who wrote that persona's text.
func (b *credits) personaSource(k int, slug, authorsURL string) *source {
	s := &b.stages[k]
	i := slices.Index(s.ids, slices.Index(b.slugs, slug))
	pa := b.pages[s.primary.title]
	if pa == nil || pa.at[s.primary.rev.ID] == nil {
		return b.links.source(s.primary.title, s.primary.rev)
	}
	return b.creditedSource(pa, s.primary.title, s.primary.rev, pa.at[s.primary.rev.ID].of(i), authorsURL)
}

// of is the blocks of persona i.
func (d *authoredDoc) of(i int) []authoredBlock {
	var out []authoredBlock
	for j, bl := range d.blocks {
		if d.persona[j] == i {
			out = append(out, bl)
		}
	}
	return out
}
