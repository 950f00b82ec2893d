package docdiff

import (
	"strconv"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// Op says what happened to a block between the two versions.
type Op int

// The operations of an Entry.
const (
	Same      Op = iota // in both, unchanged
	Added               // only in the new version
	Removed             // only in the old version
	Changed             // edited in place: words or markup
	Moved               // removed in one place and added in another, maybe edited
	MovedAway           // the old place of a block moved to another Part; To says where
)

// String returns the operation's name, for tests and debugging.
func (o Op) String() string {
	switch o {
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
	case MovedAway:
		return "moved-away"
	}
	return "op(?)"
}

// Entry is one block of the comparison.
type Entry struct {
	Op       Op
	Old, New *Block // Old is nil for Added, New for Removed
	// Words is the word diff of Old's and New's text when both exist; a
	// row's is in Cells instead, one diff per cell.
	Words []worddiff.Span
	Cells [][]worddiff.Span
	// Notes name changes a word diff does not show: markup ("link target
	// changed to …", "made bold") and structure (heading level, depth).
	// A row's markup notes are in CellNotes, one list per cell.
	Notes     []string
	CellNotes [][]string
	// From says where a Moved block came from, e.g. `item 3 under “Goals”`.
	From string
	// To says where a MovedAway block went, e.g. `under “Frustrations”`.
	To string
}

// Diff is the comparison of two documents: every block of the new one in
// its order, with the old one's removed blocks where they stood. A moved
// block appears once, at its new place.
type Diff struct {
	Entries []Entry
}

// Changed reports whether the two documents differ in anything a reader
// sees.
func (d Diff) Changed() bool {
	for _, e := range d.Entries {
		if e.Op != Same {
			return true
		}
	}
	return false
}

// Compare parses two converted documents and compares them.
func Compare(old, new Doc) Diff {
	return Blocks(Parse(old), Parse(new))
}

// maxBlocks bounds the blocks aligned on each side; beyond it the
// documents are shown as replaced, as worddiff does for words.
const maxBlocks = 20000

// Blocks compares two documents' blocks.
func Blocks(old, new []Block) Diff {
	if len(old) > maxBlocks || len(new) > maxBlocks {
		return replacedAll(old, new)
	}
	a := alignment{old: old, new: new}
	a.run()
	return Diff{Entries: a.entries()}
}

func replacedAll(old, new []Block) Diff {
	var d Diff
	for i := range old {
		d.Entries = append(d.Entries, Entry{Op: Removed, Old: &old[i]})
	}
	for i := range new {
		d.Entries = append(d.Entries, Entry{Op: Added, New: &new[i]})
	}
	return d
}

// key is what the sequence diff compares: the kind and the visible text,
// whitespace aside. Markup and depth are not in it, so a block whose link
// or level changed lines up with its old self and is shown as changed.
func key(b *Block) string {
	k := b.Kind
	if k == Heading || k == Paragraph || k == Item {
		k = Paragraph // a paragraph that became an item is still the same text
	}
	s := strconv.Itoa(int(k)) + "\x00" + squash(b.Text())
	if b.Kind == Box {
		s += "\x00" + b.Name
	}
	return s
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// alignment holds the work of one Blocks call.
type alignment struct {
	old, new []Block
	// pairs: for each new block, the old block it is (-1 for added), and
	// whether it moved; gone: old blocks removed.
	oldOf  []int
	moved  []bool
	pairOf []int // for each old block, its new block or -1
	// runs of unmatched blocks between equal stretches: [oldFrom, oldTo,
	// newFrom, newTo) each.
	runs [][4]int
	// Between the Parts of CompareParts: new blocks that came from another
	// part, and old blocks that went to one (where to).
	crossFrom []crossRef
	movedTo   []string
}

type crossRef struct {
	block *Block // the old block, in its own part
	from  string
}

func (a *alignment) run() {
	a.oldOf = fill(len(a.new))
	a.pairOf = fill(len(a.old))
	a.moved = make([]bool, len(a.new))
	a.crossFrom = make([]crossRef, len(a.new))
	a.movedTo = make([]string, len(a.old))
	a.sequence()
	a.exactMoves()
	for _, r := range a.runs {
		a.pairRun(r)
	}
	a.fuzzyMoves()
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// sequence runs the block-level diff: keys encoded as runes, as
// diffmatchpatch does for lines, diffed without a deadline so the result
// does not depend on the machine's load.
func (a *alignment) sequence() {
	ids := map[string]rune{}
	enc := func(bs []Block) []rune {
		out := make([]rune, len(bs))
		for i := range bs {
			k := key(&bs[i])
			id, ok := ids[k]
			if !ok {
				id = rune(len(ids))
				if id >= 0xD800 { // skip surrogates, which are not runes
					id += 0x800
				}
				ids[k] = id
			}
			out[i] = id
		}
		return out
	}
	ra, rb := enc(a.old), enc(a.new)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	i, j := 0, 0
	run := [4]int{0, 0, 0, 0}
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if run[1] > run[0] || run[3] > run[2] {
				a.runs = append(a.runs, run)
			}
			for k := 0; k < n; k++ {
				a.oldOf[j+k], a.pairOf[i+k] = i+k, j+k
			}
			i, j = i+n, j+n
			run = [4]int{i, i, j, j}
		case diffmatchpatch.DiffDelete:
			i += n
			run[1] = i
		case diffmatchpatch.DiffInsert:
			j += n
			run[3] = j
		}
	}
	if run[1] > run[0] || run[3] > run[2] {
		a.runs = append(a.runs, run)
	}
}

// minMoveWords is the fewest words a block needs to be called moved: a
// short heading like "Goals" removed in one persona and added in another
// did not move.
const minMoveWords = 3

func movable(b *Block) bool {
	return (b.Kind == Paragraph || b.Kind == Item || b.Kind == Row) && len(strings.Fields(b.Text())) >= minMoveWords
}

// exactMoves pairs unmatched blocks with the same key in different places.
func (a *alignment) exactMoves() {
	removed := map[string][]int{}
	for i := range a.old {
		if a.pairOf[i] < 0 && movable(&a.old[i]) {
			k := key(&a.old[i])
			removed[k] = append(removed[k], i)
		}
	}
	for j := range a.new {
		if a.oldOf[j] >= 0 || !movable(&a.new[j]) {
			continue
		}
		k := key(&a.new[j])
		if c := removed[k]; len(c) > 0 {
			a.link(c[0], j, true)
			removed[k] = c[1:]
		}
	}
}

func (a *alignment) link(i, j int, moved bool) {
	a.oldOf[j], a.pairOf[i], a.moved[j] = i, j, moved
}

// pairThreshold is how alike two blocks in the same place must be to be
// shown as one edited block rather than one removed and one added.
const pairThreshold = 0.5

// pairWindow bounds the old blocks tried for each new block of a run.
const pairWindow = 12

// pairRun pairs, in order, the unmatched blocks of one run that are alike.
func (a *alignment) pairRun(r [4]int) {
	next := r[0]
	for j := r[2]; j < r[3]; j++ {
		if a.oldOf[j] >= 0 {
			continue
		}
		tried := 0
		for i := next; i < r[1] && tried < pairWindow; i++ {
			if a.pairOf[i] >= 0 {
				continue
			}
			tried++
			if alike(&a.old[i], &a.new[j]) {
				a.link(i, j, false)
				next = i + 1
				break
			}
		}
	}
}

// moveThreshold is how alike an edited block must be to its old self
// elsewhere to be called moved.
const moveThreshold = 0.75

// maxFuzzy bounds the comparisons fuzzyMoves makes.
const maxFuzzy = 4000

// fuzzyMoves pairs blocks that moved and were edited on the way.
func (a *alignment) fuzzyMoves() {
	var olds, news []int
	for i := range a.old {
		if a.pairOf[i] < 0 && movable(&a.old[i]) {
			olds = append(olds, i)
		}
	}
	for j := range a.new {
		if a.oldOf[j] < 0 && movable(&a.new[j]) {
			news = append(news, j)
		}
	}
	if len(olds)*len(news) > maxFuzzy {
		return
	}
	for _, j := range news {
		best, bestSim := -1, moveThreshold
		for _, i := range olds {
			if a.pairOf[i] >= 0 || !compatible(&a.old[i], &a.new[j]) {
				continue
			}
			if s := similarity(&a.old[i], &a.new[j]); s >= bestSim {
				best, bestSim = i, s
			}
		}
		if best >= 0 {
			a.link(best, j, true)
		}
	}
}

// alike says whether two blocks in the same place are one block edited:
// similar enough text, or rows with the same first cell (the row's name,
// like "Age" in a profile table).
func alike(x, y *Block) bool {
	if !compatible(x, y) {
		return false
	}
	if x.Kind == Row && len(x.Cells) > 0 && len(y.Cells) > 0 &&
		squash(runsText(x.Cells[0].Runs)) == squash(runsText(y.Cells[0].Runs)) {
		return true
	}
	return similarity(x, y) >= pairThreshold
}

func compatible(x, y *Block) bool {
	if x.Kind == y.Kind {
		return true
	}
	text := func(k Kind) bool { return k == Paragraph || k == Item || k == Heading }
	return text(x.Kind) && text(y.Kind)
}

// similarity is the share of the two texts' characters a word diff keeps
// (Dice's coefficient over characters, 1 for equal texts).
func similarity(x, y *Block) float64 {
	a, b := squash(x.Text()), squash(y.Text())
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	same := 0
	for _, s := range worddiff.Words(a, b) {
		if s.Op == worddiff.Equal {
			same += len(s.Text)
		}
	}
	return 2 * float64(same) / float64(len(a)+len(b))
}
