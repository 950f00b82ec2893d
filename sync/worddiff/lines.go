package worddiff

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Kind says what happened to a Block's lines.
type Kind int

// The kinds of Block.
const (
	Same    Kind = iota // lines in both texts
	Added               // lines only in the new text
	Removed             // lines only in the old text
	Changed             // lines replaced; Spans holds the word diff
	Moved               // a paragraph removed here and added at Partner
)

// String returns the kind's name, for tests and debugging.
func (k Kind) String() string {
	switch k {
	case Same:
		return "same"
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	case Moved:
		return "moved"
	}
	return "kind(?)"
}

// Block is a run of whole lines that the diff treats alike. Old and New are
// the block's exact text in each revision, line endings included, so joining
// every block's Old gives the old text and joining every New gives the new.
type Block struct {
	Kind Kind
	Old  string
	New  string
	// Spans is the block as a diff: one Equal span for Same, one Insert span
	// for Added, one Delete span for Removed, the word diff of Old and New
	// for Changed, and one Delete (where the text left) or Insert (where it
	// arrived) span for Moved.
	Spans []Span
	// Partner is the index of the other half of a Moved pair, -1 otherwise.
	Partner int
}

// Lines diffs two texts line by line, then word by word inside each run of
// changed lines. A run of lines removed in one place and added in another
// with the same words (whitespace aside) becomes a pair of Moved blocks
// instead of a Removed and an Added block.
func Lines(old, new string) []Block {
	dmp := newDMP()
	a, b, lines := dmp.DiffLinesToRunes(old, new)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	blocks := group(diffs)
	markMoves(blocks)
	for i := range blocks {
		fillSpans(&blocks[i])
	}
	return blocks
}

// group turns a line diff into blocks: each equality is a Same block, each
// run of deletions and insertions between equalities is one other block.
func group(diffs []diffmatchpatch.Diff) []Block {
	var blocks []Block
	for i := 0; i < len(diffs); {
		if diffs[i].Type == diffmatchpatch.DiffEqual {
			if diffs[i].Text != "" {
				blocks = append(blocks, Block{Kind: Same, Old: diffs[i].Text, New: diffs[i].Text, Partner: -1})
			}
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(diffs) && diffs[i].Type != diffmatchpatch.DiffEqual; i++ {
			if diffs[i].Type == diffmatchpatch.DiffDelete {
				del.WriteString(diffs[i].Text)
			} else {
				ins.WriteString(diffs[i].Text)
			}
		}
		blocks = append(blocks, changeBlock(del.String(), ins.String()))
	}
	return blocks
}

func changeBlock(old, new string) Block {
	b := Block{Kind: Changed, Old: old, New: new, Partner: -1}
	switch {
	case old == "":
		b.Kind = Added
	case new == "":
		b.Kind = Removed
	}
	return b
}

// markMoves pairs each Removed block with the first unpaired Added block
// whose words are the same. Blocks of only whitespace never move: a blank
// line removed here and added there is not worth an arrow.
func markMoves(blocks []Block) {
	added := make(map[string][]int)
	for i, b := range blocks {
		if b.Kind == Added {
			if key := squash(b.New); key != "" {
				added[key] = append(added[key], i)
			}
		}
	}
	for i, b := range blocks {
		if b.Kind != Removed {
			continue
		}
		key := squash(b.Old)
		cands := added[key]
		if key == "" || len(cands) == 0 {
			continue
		}
		j := cands[0]
		added[key] = cands[1:]
		blocks[i].Kind, blocks[i].Partner = Moved, j
		blocks[j].Kind, blocks[j].Partner = Moved, i
	}
}

// squash collapses every whitespace run to one space and trims the ends.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func fillSpans(b *Block) {
	switch b.Kind {
	case Same:
		b.Spans = single(Equal, b.Old)
	case Changed:
		b.Spans = Words(b.Old, b.New)
	default: // Added, Removed and both halves of Moved
		b.Spans = replaced(b.Old, b.New)
	}
}
