package normalize

import (
	"strings"

	"github.com/wikisite/wikisite/sync/wikitext"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// contextLines is how many unchanged lines a diff keeps around a change.
const contextLines = 3

// block is worddiff.Block in the schema's shape (docs/content-schema.md).
type block struct {
	Kind    string `toml:"kind"`
	MovedTo *int   `toml:"moved_to,omitempty"` // index of the other half, for "moved"
	Elided  int    `toml:"elided,omitzero"`    // unchanged lines left out here
	Spans   []span `toml:"spans,omitempty"`
}

type span struct {
	Op   string `toml:"op"`
	Text string `toml:"text"`
}

// diffBlocks diffs two conversions' Markdown and trims long unchanged
// runs to contextLines lines on each side of a change, so a one-word edit
// in a long page stays a short diff. Identical texts give no blocks.
// Shortcode lines are diffed as readable() shows them.
func diffBlocks(old, new wikitext.Result) []block { return (*shownLines)(nil).diffBlocks(old, new) }

// diffBlocks is diffBlocks(old, new) with lines shown through s.
func (s *shownLines) diffBlocks(old, new wikitext.Result) []block {
	if old.Markdown == new.Markdown {
		return nil
	}
	return trim(worddiff.Lines(s.readable(old), s.readable(new)), contextLines)
}

// trim converts blocks, replacing the middle of long Same blocks with an
// elided marker, and renumbers moved_to to the new indexes.
func trim(in []worddiff.Block, keep int) []block {
	var out []block
	index := make([]int, len(in))
	for i, w := range in {
		index[i] = len(out)
		if w.Kind != worddiff.Same {
			out = append(out, block{Kind: w.Kind.String(), Spans: spans(w.Spans)})
			continue
		}
		head, tail := keep, keep
		if i == 0 {
			head = 0
		}
		if i == len(in)-1 {
			tail = 0
		}
		out = append(out, trimSame(w.New, head, tail)...)
	}
	for i, w := range in {
		if w.Kind == worddiff.Moved && w.Partner >= 0 && w.Partner < len(in) {
			to := index[w.Partner]
			out[index[i]].MovedTo = &to
		}
	}
	return out
}

// trimSame keeps head lines at the start and tail lines at the end of an
// unchanged run and counts the rest as elided.
func trimSame(text string, head, tail int) []block {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	elided := len(lines) - head - tail
	if elided <= 1 {
		return []block{sameBlock(text)}
	}
	var out []block
	if head > 0 {
		out = append(out, sameBlock(strings.Join(lines[:head], "")))
	}
	out = append(out, block{Kind: worddiff.Same.String(), Elided: elided})
	if tail > 0 {
		out = append(out, sameBlock(strings.Join(lines[len(lines)-tail:], "")))
	}
	return out
}

func sameBlock(text string) block {
	return block{Kind: worddiff.Same.String(), Spans: []span{{Op: "eq", Text: text}}}
}

func spans(in []worddiff.Span) []span {
	out := make([]span, 0, len(in))
	for _, s := range in {
		op := "eq"
		switch s.Op {
		case worddiff.Insert:
			op = "ins"
		case worddiff.Delete:
			op = "del"
		}
		out = append(out, span{Op: op, Text: s.Text})
	}
	return out
}

// className spells a worddiff.Class as the schema does.
func className(c worddiff.Class) string {
	switch c {
	case worddiff.Identical:
		return "identical"
	case worddiff.WhitespaceOnly:
		return "whitespace"
	case worddiff.MarkupOnly:
		return "markup"
	}
	return "substantive"
}
