package normalize

import (
	"log/slog"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

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
	corpus *corpus
	base   wikitext.Options // the settings; Templates is set per conversion
	rep    *Report
	keys   *cacheKeys
	sets   *templateSets
	disk   *diskCache
	memo   *memo[cacheKey, converted]
	// ahead holds results computed on every core by prefetch, for get
	// to take instead of computing them one by one.
	ahead map[cacheKey]converted
}

// kind is what a conversion makes of wikitext.
type kind uint8

const (
	markdownKind kind = iota // Markdown for a page body (wikitext.Convert)
	plainKind                // what a reader sees (wikitext.PlainText)
)

func (k kind) String() string {
	if k == plainKind {
		return "plain"
	}
	return "markdown"
}

// converted is a conversion's output plus the template lookups that failed.
// For plainKind, Markdown holds the plain text and the rest is empty.
type converted struct {
	wikitext.Result
	missing     []string
	uncacheable bool // it read a page outside the Template namespace
	pageWords   bool // it asked for the page or revision (magic words)
	// wantsPages: it asked for an archived page outside the Template
	// namespace, which the set it had lacked (see templateSets).
	wantsPages bool
}

// conversionBudget bounds the conversions a converter remembers (see
// memo): the Markdown of a few hundred revisions of a long page.
const conversionBudget = 48 << 20

// size is about the bytes r holds, for the memo's budget.
func (r converted) size() int {
	n := len(r.Markdown) + len(r.DisplayTitle) + 256
	for _, s := range r.Categories {
		n += len(s)
	}
	for _, s := range r.Magic {
		n += len(s)
	}
	for _, d := range r.Diagnostics {
		n += len(d.Message) + 16
	}
	for _, s := range r.Shortcodes {
		n += len(s.Line) + len(s.Shows)
	}
	for _, s := range r.missing {
		n += len(s)
	}
	return n
}

func newConverter(c *corpus, links wikiLinks, w Wiki, cacheDir string, rep *Report) *converter {
	base := wikitext.Options{Shortcodes: w.Shortcodes, Link: c.ourLink, WikiURL: links.article}
	return &converter{corpus: c, base: base, rep: rep, keys: newCacheKeys(c, settingKey(c, w, links)),
		sets: newTemplateSets(c), disk: newDiskCache(cacheDir),
		memo: newMemo(conversionBudget, func(_ cacheKey, r converted) int { return r.size() }), ahead: map[cacheKey]converted{}}
}

// save keeps the cache for the next Write. A failure only costs the next
// Write time, so it is logged, not returned.
func (c *converter) save(log *slog.Logger) {
	if err := c.disk.save(); err != nil {
		log.Warn("normalize: cache not saved; the next build will recompute", "file", c.disk.file, "err", err)
	}
}

// markdown returns src as Markdown with templates as they stood at at.
func (c *converter) markdown(src string, at time.Time) (string, error) {
	r, err := c.get(markdownKind, src, at, true)
	return r.Markdown, err
}

// plainText returns what a reader sees of src, for front matter values and
// for telling markup-only edits from real ones.
func (c *converter) plainText(src string, at time.Time) (string, error) {
	r, err := c.get(plainKind, src, at, true)
	return r.Markdown, err
}

// page converts the whole text of title's revision r: its magic words
// take their values from the title and the revision. Most texts have
// none, and their conversion is the one without page context, shared
// with the diffs; only a text that asks for them is converted again,
// keyed by the title and revision too.
func (c *converter) page(title string, r *archive.Revision, src string) (converted, error) {
	q := c.request(markdownKind, src, r.Timestamp)
	res, err := c.fetch(q, true)
	if err != nil || !res.pageWords {
		return res, err
	}
	q.title, q.rev = title, wikitext.Revision{ID: r.ID, Timestamp: r.Timestamp, User: r.User}
	q.key = c.keys.page(q.key, title, q.rev)
	return c.fetch(q, true)
}

// get returns the conversion of src at at, from memory, the cache folder,
// prefetch or computed now. It keeps the result for the next Write only if
// persist: the conversions behind the history's diffs are needed again
// only when a diff is, and a diff is itself cached.
func (c *converter) get(kd kind, src string, at time.Time, persist bool) (converted, error) {
	return c.fetch(c.request(kd, src, at), persist)
}

// fetch is get for a request.
func (c *converter) fetch(q request, persist bool) (converted, error) {
	kd, at, k := q.kind, q.at, q.key
	if r, ok := c.memo.get(k); ok {
		if persist && !c.disk.has(k) {
			c.disk.put(k, entryOf(r))
		}
		return r, nil
	}
	var e convEntry
	if c.disk.get(k, &e) {
		c.rep.Work.CacheHits++
		r := e.converted()
		c.report(kd, r)
		c.memo.put(k, r)
		return r, nil
	}
	r, ok := c.ahead[k]
	if !ok {
		tpl, err := c.sets.at(at)
		if err != nil {
			return converted{}, err
		}
		r = c.compute(q, tpl)
	}
	if r.wantsPages {
		all, err := c.sets.full(at)
		if err != nil {
			return converted{}, err
		}
		r = c.compute(q, all)
	}
	if kd == plainKind {
		c.rep.Work.PlainTexts++
	} else {
		c.rep.Work.Conversions++
	}
	c.report(kd, r)
	if !r.uncacheable {
		c.memo.put(k, r)
		if persist {
			c.disk.put(k, entryOf(r))
		}
	}
	return r, nil
}

// report adds a Markdown conversion's failed template lookups to the
// report, once per distinct conversion (Write sorts and dedupes); plain
// texts are of the same fragments and would only repeat them.
func (c *converter) report(kd kind, r converted) {
	if kd == markdownKind {
		c.rep.Diagnostics = append(c.rep.Diagnostics, r.missing...)
	}
}

// compute converts src with the pages tpl holds. It is a pure function
// of its arguments (the corpus's maps are only read), so it runs on any
// goroutine.
func (c *converter) compute(q request, tpl map[string]string) converted {
	kd, src, at := q.kind, q.src, q.at
	opts := c.base
	opts.Templates = tpl
	opts.Page, opts.Revision = q.title, q.rev
	opts.Files = c.corpus.filesAt(at)
	var r converted
	var looked wikitext.Lookups
	if kd == plainKind {
		p := wikitext.Plain(src, opts)
		r.Markdown, looked = p.Text, p.Lookups
	} else {
		r.Result = wikitext.Convert(src, opts)
		looked, r.Lookups = r.Lookups, wikitext.Lookups{}
	}
	for _, t := range looked.Pages {
		r.uncacheable = r.uncacheable || !isTemplate(t)
	}
	r.pageWords = looked.Page
	for _, t := range looked.Missing {
		r.wantsPages = r.wantsPages || c.sets.transcludable(t, at)
		r.missing = append(r.missing, c.sets.why(t, at))
	}
	r.detach()
	return r
}

// detach copies the short strings r holds, which may be slices of the
// wikitext it was converted from: kept in a memo, one category name
// would otherwise keep a whole revision's text alive.
func (r *converted) detach() {
	r.DisplayTitle = strings.Clone(r.DisplayTitle)
	for i := range r.Categories {
		r.Categories[i] = strings.Clone(r.Categories[i])
	}
	for i := range r.Magic {
		r.Magic[i] = strings.Clone(r.Magic[i])
	}
	for i := range r.Diagnostics {
		r.Diagnostics[i].Message = strings.Clone(r.Diagnostics[i].Message)
	}
	for i := range r.Shortcodes {
		r.Shortcodes[i].Line = strings.Clone(r.Shortcodes[i].Line)
		r.Shortcodes[i].Shows = strings.Clone(r.Shortcodes[i].Shows)
	}
}

// request is one conversion a step is about to ask for, with its key.
type request struct {
	kind kind
	src  string
	at   time.Time
	key  cacheKey
	// title and rev are the page and revision a whole page's text is;
	// its magic words ({{PAGENAME}}, {{REVISIONID}}, …) take their values
	// from them. Empty for fragments (persona sections, FAQ answers).
	title string
	rev   wikitext.Revision
}

// request makes the request for src at at. Keys are memoized, so it is
// not safe for concurrent use.
func (c *converter) request(kd kind, src string, at time.Time) request {
	return request{kind: kd, src: src, at: at, key: c.keys.of(kd.String(), src, at)}
}

// prefetch computes, on every core, the requests that neither memory nor
// the cache folder holds, so that the get calls that follow find them.
// The template sets are read from the archive first, here, so the
// conversions themselves read nothing and share nothing.
func (c *converter) prefetch(reqs []request) error {
	type job struct {
		k   cacheKey
		req request
		tpl map[string]string
	}
	var jobs []job
	seen := map[cacheKey]bool{}
	for _, q := range reqs {
		k := q.key
		if _, ok := c.memo.get(k); ok || seen[k] || c.disk.stored(k) {
			continue
		}
		seen[k] = true
		tpl, err := c.sets.at(q.at)
		if err != nil {
			return err
		}
		jobs = append(jobs, job{k, q, tpl})
	}
	out := parallelMap(jobs, func(j job) converted { return c.compute(j.req, j.tpl) })
	for i, j := range jobs {
		c.ahead[j.k] = out[i]
	}
	return nil
}

// parallelMap applies f to every element of in on every core.
func parallelMap[T, R any](in []T, f func(T) R) []R {
	out := make([]R, len(in))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, x := range in {
		g.Go(func() error {
			out[i] = f(x)
			return nil
		})
	}
	g.Wait()
	return out
}
