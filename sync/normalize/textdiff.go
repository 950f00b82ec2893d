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

// diff converts both texts (each with templates as they stood at its own
// time), diffs the Markdown and classifies the wikitext change. Diffs are
// most of a build's work and the same every build, so with a cache folder
// a diff is computed once and read back after.
func (b *builder) diff(oldText, newText string, oldAt, newAt time.Time) (textDiff, error) {
	k := b.conv.keys.diff(oldText, newText, oldAt, newAt)
	var e diffEntry
	if b.conv.disk.get(k, &e) {
		b.report.Work.CacheHits++
		d := e.textDiff()
		// The conversions were not run, so report what they would have.
		b.report.Diagnostics = append(b.report.Diagnostics, d.missing...)
		return d, nil
	}
	d, cacheable, err := b.computeDiff(k, oldText, newText, oldAt, newAt)
	if err == nil && cacheable {
		b.conv.disk.put(k, entryOfDiff(d))
	}
	d.uncacheable = !cacheable
	return d, err
}

// computeDiff is diff without the disk cache; it also says whether every
// conversion it used was cacheable. The class and blocks come from the
// prepass when it computed them for k; the conversions and plain texts are
// still asked for, in the same order, so counts and diagnostics do not
// depend on it.
func (b *builder) computeDiff(k cacheKey, oldText, newText string, oldAt, newAt time.Time) (textDiff, bool, error) {
	oldConv, err := b.conv.convertFor(oldText, oldAt, false)
	if err != nil {
		return textDiff{}, false, err
	}
	newConv, err := b.conv.convertFor(newText, newAt, false)
	if err != nil {
		return textDiff{}, false, err
	}
	b.report.Work.Diffs++
	cacheable := !oldConv.uncacheable && !newConv.uncacheable
	var readErr error
	plain := func(s string) string {
		t, ok, err := b.conv.plainTextFor(s, newAt, false)
		if err != nil && readErr == nil {
			readErr = err
		}
		cacheable = cacheable && ok
		return t
	}
	missing := append(append([]string(nil), oldConv.missing...), newConv.missing...)
	if pd, ok := b.pre.diffs[k]; ok {
		for _, s := range pd.asked {
			plain(s)
		}
		return textDiff{class: className(pd.class), blocks: pd.blocks, missing: missing}, cacheable, readErr
	}
	oldMD, newMD := oldConv.Markdown, newConv.Markdown
	class := worddiff.Classify(oldText, newText, plain)
	if class == worddiff.Identical && oldMD != newMD {
		class = worddiff.Classify(oldMD, newMD, nil) // a template changed
	}
	d := textDiff{class: className(class), blocks: diffBlocks(oldMD, newMD), missing: missing}
	return d, cacheable, readErr
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
