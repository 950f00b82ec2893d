package normalize

import (
	"time"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// textDiff is a diff of two wikitexts' conversions and its class.
type textDiff struct {
	class   string
	blocks  []block
	missing []string // template lookups that failed in either conversion
	// uncacheable: a conversion read a page outside the Template
	// namespace, whose revisions the keys do not cover.
	uncacheable bool
}

// differ makes the diffs between revisions: converted texts diffed word
// by word, with the class of the change, cached like conversions.
type differ struct {
	*converter
	// ahead holds the diffs computed on every core for the history
	// being written (see prefetchHistory).
	ahead map[cacheKey]textDiff
	// classes are the wikitext changes' classes, keyed like ahead: the
	// prefetch, the serial pass and the diff itself all need one, and
	// comparing two whole texts is not free.
	classes map[cacheKey]worddiff.Class
	shown   *shownLines // each Markdown line's text, rendered once
}

func newDiffer(c *converter) *differ {
	return &differ{converter: c, ahead: map[cacheKey]textDiff{}, classes: map[cacheKey]worddiff.Class{}, shown: newShownLines()}
}

// diff converts both texts (each with templates as they stood at its own
// time), diffs the Markdown and classifies the wikitext change. Diffs are
// most of a build's work and the same every build, so with a cache folder
// a diff is computed once and read back after.
func (d *differ) diff(oldText, newText string, oldAt, newAt time.Time) (textDiff, error) {
	k := d.keys.diff(oldText, newText, oldAt, newAt)
	var e diffEntry
	if d.disk.get(k, &e) {
		d.rep.Work.CacheHits++
		td := e.textDiff()
		// The conversions were not run, so report what they would have.
		d.rep.Diagnostics = append(d.rep.Diagnostics, td.missing...)
		return td, nil
	}
	td, cacheable, err := d.computeDiff(k, oldText, newText, oldAt, newAt)
	if err == nil && cacheable {
		d.disk.put(k, entryOfDiff(td))
	}
	td.uncacheable = !cacheable
	return td, err
}

// computeDiff is diff without the disk cache; it also says whether every
// conversion it used was cacheable. The class and blocks come from
// prefetchHistory when it computed them for k; the conversions are still
// asked for, in the same order, so counts and diagnostics do not depend
// on it.
func (d *differ) computeDiff(k cacheKey, oldText, newText string, oldAt, newAt time.Time) (textDiff, bool, error) {
	pr := pair{key: k, oldText: oldText, newText: newText, oldAt: oldAt, newAt: newAt}
	class, ok := d.classes[k]
	if !ok {
		class = worddiff.Classify(oldText, newText, nil)
	}
	pr.class = class
	var convs []converted
	cacheable := true
	var missing []string
	for _, q := range d.requests(pr) {
		r, err := d.fetch(q, false)
		if err != nil {
			return textDiff{}, false, err
		}
		if q.kind == markdownKind {
			missing = append(missing, r.missing...)
		}
		cacheable = cacheable && !r.uncacheable
		convs = append(convs, r)
	}
	d.rep.Work.Diffs++
	td, ok := d.ahead[k]
	if !ok {
		td = d.diffOf(pr.class, convs)
	}
	td.missing = missing
	return td, cacheable, nil
}

// diffEntry is a textDiff as stored on disk. gob sends no zero values and
// flattens pointers, so block.MovedTo (a *int that may point to 0) is
// stored as an index plus a flag.
type diffEntry struct {
	Class   string
	Blocks  []diffEntryBlock
	Missing []string
}

type diffEntryBlock struct {
	Kind    string
	Moved   bool
	MovedTo int
	Elided  int
	Spans   []span
}

func entryOfDiff(d textDiff) diffEntry {
	e := diffEntry{Class: d.class, Missing: d.missing}
	for _, b := range d.blocks {
		eb := diffEntryBlock{Kind: b.Kind, Elided: b.Elided, Spans: b.Spans}
		if b.MovedTo != nil {
			eb.Moved, eb.MovedTo = true, *b.MovedTo
		}
		e.Blocks = append(e.Blocks, eb)
	}
	return e
}

func (e diffEntry) textDiff() textDiff {
	d := textDiff{class: e.Class, missing: e.Missing}
	for _, eb := range e.Blocks {
		b := block{Kind: eb.Kind, Elided: eb.Elided, Spans: eb.Spans}
		if eb.Moved {
			to := eb.MovedTo
			b.MovedTo = &to
		}
		d.blocks = append(d.blocks, b)
	}
	return d
}
