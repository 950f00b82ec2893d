package normalize

import (
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// prepass holds results computed ahead, on every core, for one page's
// history: its conversions, plain texts and diffs. They are pure functions
// of their inputs, so computing them early changes nothing; the serial
// pass still decides, as before, what it needs and what the caches
// already hold, and takes a result from here only where it would have
// computed it. So Work counts, diagnostics and their order stay as they
// were, and a result computed here but never asked for is only lost time.
type prepass struct {
	md    map[cacheKey]preConv
	plain map[cacheKey]prePlain
	diffs map[cacheKey]preDiff // by diff key
}

// preConv is a conversion with what its template lookups found.
type preConv struct {
	r   converted
	err error
}

type prePlain struct {
	s           string
	uncacheable bool
	err         error
}

// preDiff is computeDiff's own work for one revision pair: the class,
// the blocks, and the texts Classify asked the plain text of, in order,
// so the serial pass can ask for them too and count them the same.
type preDiff struct {
	class  worddiff.Class
	blocks []block
	asked  []string
}

// pair is one revision and the one it is diffed against.
type pair struct {
	key              cacheKey
	oldText, newText string
	oldAt, newAt     time.Time
	// The keys of the texts' conversions and of their plain texts (both
	// at newAt, as computeDiff asks for them).
	oldMD, newMD, oldPlain, newPlain cacheKey
}

// prepareHistory fills b.pre for p's diffs that neither cache holds. The
// texts are read and the keys made here, serially, as the serial pass
// would; the workers then touch no map of the builder or converter except
// to read archived texts under a lock.
func (b *builder) prepareHistory(p *archive.Page) error {
	c := b.conv
	pre := &prepass{md: map[cacheKey]preConv{}, plain: map[cacheKey]prePlain{}, diffs: map[cacheKey]preDiff{}}
	type convJob struct {
		k     cacheKey
		src   string
		at    time.Time
		plain bool
	}
	var jobs []convJob
	seen := map[cacheKey]bool{}
	need := func(k cacheKey, src string, at time.Time, plain bool) {
		if seen[k] || c.disk.loaded[k] != nil {
			return
		}
		seen[k] = true
		if plain {
			if s, ok := c.plain[k]; ok {
				pre.plain[k] = prePlain{s: s}
				return
			}
		} else if r, ok := c.md[k]; ok {
			pre.md[k] = preConv{r: r}
			return
		}
		jobs = append(jobs, convJob{k, src, at, plain})
	}
	var pairs []pair
	var prev *archive.Revision
	for i := range p.Revisions {
		r := &p.Revisions[i]
		if r.TextHidden {
			continue
		}
		newText, err := b.text(p.Title, r)
		if err != nil {
			return err
		}
		oldText, err := b.text(p.Title, prev)
		if err != nil {
			return err
		}
		oldAt := timeOf(prev)
		prev = r
		k := c.keys.diff(oldText, newText, oldAt, r.Timestamp)
		if c.disk.loaded[k] != nil {
			continue
		}
		pr := pair{key: k, oldText: oldText, newText: newText, oldAt: oldAt, newAt: r.Timestamp,
			oldMD: c.keys.of("markdown", oldText, oldAt), newMD: c.keys.of("markdown", newText, r.Timestamp)}
		need(pr.oldMD, oldText, oldAt, false)
		need(pr.newMD, newText, r.Timestamp, false)
		if oldText != newText {
			pr.oldPlain, pr.newPlain = c.keys.of("plain", oldText, r.Timestamp), c.keys.of("plain", newText, r.Timestamp)
			need(pr.oldPlain, oldText, r.Timestamp, true)
			need(pr.newPlain, newText, r.Timestamp, true)
		}
		pairs = append(pairs, pr)
	}
	var mu sync.Mutex // guards b.texts, read by template lookups
	convs := make([]preConv, len(jobs))
	plains := make([]prePlain, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			if j.plain {
				plains[i] = c.computePlain(j.src, j.at, &mu)
			} else {
				convs[i] = c.computeConv(j.src, j.at, &mu)
			}
			return nil
		})
	}
	g.Wait()
	for i, j := range jobs {
		if j.plain {
			pre.plain[j.k] = plains[i]
		} else {
			pre.md[j.k] = convs[i]
		}
	}
	diffs := make([]*preDiff, len(pairs))
	for i, pr := range pairs {
		g.Go(func() error {
			diffs[i] = pre.diff(pr)
			return nil
		})
	}
	g.Wait()
	for i, pr := range pairs {
		if diffs[i] != nil {
			pre.diffs[pr.key] = *diffs[i]
		}
	}
	b.pre = *pre
	return nil
}

// diff is computeDiff's pure part for pr, or nil when an input was not
// computed ahead (it is in the disk cache, or failed): then the serial
// pass computes the diff as it always did. The maps are only read here.
func (pre *prepass) diff(pr pair) *preDiff {
	oldConv, ok1 := pre.md[pr.oldMD]
	newConv, ok2 := pre.md[pr.newMD]
	if !ok1 || !ok2 || oldConv.err != nil || newConv.err != nil {
		return nil
	}
	d := &preDiff{}
	failed := false
	plain := func(s string) string {
		d.asked = append(d.asked, s)
		k := pr.newPlain
		if s == pr.oldText {
			k = pr.oldPlain
		}
		pl, ok := pre.plain[k]
		if !ok || pl.err != nil {
			failed = true
		}
		return pl.s
	}
	oldMD, newMD := oldConv.r.Markdown, newConv.r.Markdown
	d.class = worddiff.Classify(pr.oldText, pr.newText, plain)
	if failed {
		return nil
	}
	if d.class == worddiff.Identical && oldMD != newMD {
		d.class = worddiff.Classify(oldMD, newMD, nil)
	}
	d.blocks = diffBlocks(oldMD, newMD)
	return d
}

// computeConv runs wikitext.Convert; it touches no cache, so it may run
// on any goroutine (mu guards the archived texts templates read).
func (c *converter) computeConv(src string, at time.Time, mu *sync.Mutex) preConv {
	ts := &templateSource{b: c.b, at: at, mu: mu}
	r := converted{Result: wikitext.Convert(src, c.options(ts))}
	if ts.err != nil {
		return preConv{err: ts.err}
	}
	r.missing, r.uncacheable = ts.missing, ts.uncacheable
	return preConv{r: r}
}

// computePlain is computeConv for wikitext.PlainText.
func (c *converter) computePlain(src string, at time.Time, mu *sync.Mutex) prePlain {
	ts := &templateSource{b: c.b, at: at, mu: mu}
	s := wikitext.PlainText(src, c.options(ts))
	if ts.err != nil {
		return prePlain{err: ts.err}
	}
	return prePlain{s: s, uncacheable: ts.uncacheable}
}
