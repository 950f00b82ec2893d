package normalize

import (
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// pair is one revision's text and the one it is diffed against.
type pair struct {
	key              cacheKey
	oldText, newText string
	oldAt, newAt     time.Time
	class            worddiff.Class // of the wikitext change
	reqs             []request      // see differ.requests
}

// historyWindow is how many revisions' diffs prefetchHistory computes at
// a time. A window's texts, conversions and diffs are held until the
// serial pass has written them, so it bounds a long history's memory,
// while leaving every core enough work.
const historyWindow = 64

// prefetchHistory computes the diffs of p's revisions [from, to) that the
// cache folder lacks ahead, on every core: first every conversion they
// need, each once, then the diffs themselves, a plain parallel map over
// the revisions; prev is the newest revision before from with visible
// text. The serial pass that follows (wikiPages.historyFront) asks for
// the same results in order and finds them computed; the counts and
// diagnostics are the serial pass's. forget drops them after.
func (d *differ) prefetchHistory(p *archive.Page, from, to int, prev *archive.Revision) error {
	var pairs []pair
	var reqs []request
	for i := from; i < to; i++ {
		r := &p.Revisions[i]
		if r.TextHidden {
			continue
		}
		newText, err := d.corpus.text(p.Title, r)
		if err != nil {
			return err
		}
		oldText, err := d.corpus.text(p.Title, prev)
		if err != nil {
			return err
		}
		pr := pair{oldText: oldText, newText: newText, oldAt: timeOf(prev), newAt: r.Timestamp}
		prev = r
		pr.key = d.keys.diff(oldText, newText, pr.oldAt, pr.newAt)
		if d.disk.stored(pr.key) {
			continue
		}
		pairs = append(pairs, pr)
	}
	classes := parallelMap(pairs, func(pr pair) worddiff.Class { return worddiff.Classify(pr.oldText, pr.newText, nil) })
	for i := range pairs {
		pr := &pairs[i]
		pr.class = classes[i]
		d.classes[pr.key] = pr.class
		pr.reqs = d.requests(*pr)
		reqs = append(reqs, pr.reqs...)
	}
	if err := d.prefetch(reqs); err != nil {
		return err
	}
	diffs := parallelMap(pairs, func(pr pair) *textDiff { return d.aheadDiff(pr) })
	for i, pr := range pairs {
		if diffs[i] != nil {
			d.ahead[pr.key] = *diffs[i]
		}
	}
	return nil
}

// requests are the conversions the diff of pr asks for, in the order
// computeDiff asks: both texts as Markdown, each at its own time, and,
// when the wikitext changed in more than whitespace, both plain texts at
// the new time, to tell a markup-only edit.
func (d *differ) requests(pr pair) []request {
	out := []request{d.request(markdownKind, pr.oldText, pr.oldAt), d.request(markdownKind, pr.newText, pr.newAt)}
	if pr.class == worddiff.Substantive {
		out = append(out, d.request(plainKind, pr.oldText, pr.newAt), d.request(plainKind, pr.newText, pr.newAt))
	}
	return out
}

// aheadDiff is the class and blocks of pr from conversions prefetch
// computed, or nil when one of them was not (it is in memory or in the
// cache folder): then computeDiff makes the diff as it comes. It only
// reads the converter's maps, so it runs on any goroutine.
func (d *differ) aheadDiff(pr pair) *textDiff {
	var convs []converted
	for _, q := range pr.reqs {
		r, ok := d.converter.ahead[q.key]
		if !ok {
			return nil
		}
		convs = append(convs, r)
	}
	td := d.diffOf(pr.class, convs)
	return &td
}

// diffOf is the diff of two wikitexts, given the class of their change
// and their conversions as listed by differ.requests: the class of the
// change as a reader sees it and the Markdown's blocks.
func (d *differ) diffOf(class worddiff.Class, convs []converted) textDiff {
	oldMD, newMD := convs[0].Markdown, convs[1].Markdown
	if class == worddiff.Substantive && worddiff.Classify(convs[2].Markdown, convs[3].Markdown, nil) != worddiff.Substantive {
		class = worddiff.MarkupOnly
	}
	if class == worddiff.Identical && oldMD != newMD {
		class = worddiff.Classify(oldMD, newMD, nil) // a template changed
	}
	return textDiff{class: className(class), blocks: d.shown.diffBlocks(convs[0].Result, convs[1].Result)}
}

// forget drops what prefetchHistory computed, once its window is written.
func (d *differ) forget() {
	clear(d.ahead)
	clear(d.classes)
	clear(d.converter.ahead)
}
