package docdiff

import (
	"fmt"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// entries lays the alignment out in the new document's order, with each
// removed block just before the block that followed it in the old one.
func (a *alignment) entries() []Entry {
	out := make([]Entry, 0, len(a.new))
	next := a.nextInPlace()
	i := 0
	flush := func(to int) {
		for ; i < to; i++ {
			switch {
			case a.movedTo[i] != "":
				out = append(out, Entry{Op: MovedAway, Old: &a.old[i], To: a.movedTo[i]})
			case a.pairOf[i] < 0:
				out = append(out, Entry{Op: Removed, Old: &a.old[i]})
			}
		}
	}
	for j := range a.new {
		k := a.oldOf[j]
		switch {
		case k < 0 && a.crossFrom[j].block != nil:
			flush(next[j])
			c := a.crossFrom[j]
			e := pairBlocks(c.block, &a.new[j])
			e.Op, e.From = Moved, c.from
			out = append(out, e)
		case k < 0:
			flush(next[j])
			out = append(out, Entry{Op: Added, New: &a.new[j]})
		case a.moved[j]:
			flush(next[j])
			e := a.pair(k, j)
			e.Op, e.From = Moved, a.from(k, j)
			out = append(out, e)
		default:
			flush(k)
			out = append(out, a.pair(k, j))
			if i < k+1 {
				i = k + 1
			}
		}
	}
	flush(len(a.old))
	return out
}

// nextInPlace gives, for each new block, the old index of the first block
// at or after it that stayed in place (len(old) when none does).
func (a *alignment) nextInPlace() []int {
	next := make([]int, len(a.new))
	n := len(a.old)
	for j := len(a.new) - 1; j >= 0; j-- {
		if a.oldOf[j] >= 0 && !a.moved[j] {
			n = a.oldOf[j]
		}
		next[j] = n
	}
	return next
}

// pair compares an old block with the new block it became.
func (a *alignment) pair(i, j int) Entry { return pairBlocks(&a.old[i], &a.new[j]) }

func pairBlocks(o, n *Block) Entry {
	e := Entry{Op: Same, Old: o, New: n}
	if o.Kind == Row && n.Kind == Row {
		e.Cells = cellDiffs(o.Cells, n.Cells)
		e.CellNotes = make([][]string, len(e.Cells))
		changed := false
		for c := range e.Cells {
			if c < len(o.Cells) && c < len(n.Cells) {
				e.CellNotes[c] = markupNotes(o.Cells[c].Runs, n.Cells[c].Runs, e.Cells[c])
				changed = changed || len(e.CellNotes[c]) > 0
			}
		}
		if !changed {
			e.CellNotes = nil
		}
	} else {
		e.Words = worddiff.Words(runsText(o.Runs), runsText(n.Runs))
		e.Notes = markupNotes(o.Runs, n.Runs, e.Words)
	}
	e.Notes = append(structureNotes(o, n), e.Notes...)
	if len(e.Notes) > 0 || e.CellNotes != nil || !unchanged(e) {
		e.Op = Changed
	}
	return e
}

func unchanged(e Entry) bool {
	for _, s := range e.Words {
		if s.Op != worddiff.Equal {
			return false
		}
	}
	for _, c := range e.Cells {
		for _, s := range c {
			if s.Op != worddiff.Equal {
				return false
			}
		}
	}
	return len(e.Old.Cells) == len(e.New.Cells)
}

// cellDiffs diffs a row's cells pairwise; a cell only one side has is all
// deleted or all inserted.
func cellDiffs(old, new []Cell) [][]worddiff.Span {
	n := max(len(old), len(new))
	out := make([][]worddiff.Span, n)
	for c := 0; c < n; c++ {
		var o, w string
		if c < len(old) {
			o = runsText(old[c].Runs)
		}
		if c < len(new) {
			w = runsText(new[c].Runs)
		}
		out[c] = worddiff.Words(o, w)
	}
	return out
}

// from describes where old block i stood, for the block it moved to at
// new index j: `item 3 under “Goals”`, or `item 3 of this section` when
// the section is the same.
func (a *alignment) from(i, j int) string {
	what, head := a.position(i)
	switch {
	case head == a.sectionOf(j):
		return what + " of this section"
	case head == "":
		return what + " before the first heading"
	}
	return what + " under “" + clip(head) + "”"
}

// position is old block i's kind and number among its kind under its
// heading ("item 3"), and that heading's text ("" before the first).
func (a *alignment) position(i int) (what, heading string) {
	b := &a.old[i]
	head, at := -1, 0
	for k := i - 1; k >= 0; k-- {
		if a.old[k].Kind == Heading {
			head = k
			break
		}
	}
	for k := head + 1; k <= i; k++ {
		if a.old[k].Kind == b.Kind {
			at++
		}
	}
	what = fmt.Sprintf("%s %d", kindWord(b.Kind), at)
	if head >= 0 {
		heading = squash(a.old[head].Text())
	}
	return what, heading
}

// sectionOf is the text of the heading new block j sits under, "" if none.
func (a *alignment) sectionOf(j int) string {
	for k := j - 1; k >= 0; k-- {
		if a.new[k].Kind == Heading {
			return squash(a.new[k].Text())
		}
	}
	return ""
}

func kindWord(k Kind) string {
	switch k {
	case Item:
		return "item"
	case Row:
		return "row"
	}
	return "paragraph"
}
