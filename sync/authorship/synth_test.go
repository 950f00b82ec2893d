package authorship

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// A synthetic history with known provenance: every word of every revision
// carries the revision that wrote it, so attribution can be scored. The
// text is made-up syllables ("Synthetic page: …"), never persona text.

type word struct {
	text   string
	origin int
}

type sentence []word // the last word is the full stop

type doc [][]sentence // paragraphs of sentences

func (d doc) clone() doc {
	out := make(doc, len(d))
	for i, p := range d {
		out[i] = make([]sentence, len(p))
		for j, s := range p {
			out[i][j] = slices.Clone(s)
		}
	}
	return out
}

// render writes d as text: sentences joined by spaces, paragraphs by blank
// lines; the full stop sticks to its sentence's last word.
func (d doc) render() string {
	var b strings.Builder
	for i, p := range d {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, s := range p {
			if j > 0 {
				b.WriteByte(' ')
			}
			for k, w := range s {
				if k > 0 && k < len(s)-1 {
					b.WriteByte(' ')
				}
				b.WriteString(w.text)
			}
		}
	}
	return b.String()
}

func (d doc) truth() []word {
	var out []word
	for _, p := range d {
		for _, s := range p {
			out = append(out, s...)
		}
	}
	return out
}

// Kinds of edit the generator makes, for the report.
const (
	editAddSentence = iota
	editAddParagraph
	editDeleteSentence
	editDeleteParagraph
	editRestore
	editCopyEdit
	editMove
	editVandalism // followed by its revert
	editRevert    // back to a revision 2–4 steps ago
	nEdits
)

var editNames = [nEdits]string{"add sentence", "add paragraph", "delete sentence",
	"delete paragraph", "restore deleted", "copy-edit", "move", "vandalism + revert", "revert"}

// generator makes one synthetic history.
type generator struct {
	rng       *rand.Rand
	rev       int   // the revision being written
	graveyard []doc // deleted sentences and paragraphs, origins kept
	past      []doc // every revision so far
	counts    [nEdits]int
	common    []string // frequent short words, so matches are not trivial
	// vandalised holds the indices in past of vandalised revisions.
	vandalised map[int]bool
}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x5eed)), vandalised: map[int]bool{}}
	for range 30 {
		g.common = append(g.common, g.syllables(1))
	}
	return g
}

var syllables = strings.Fields("ba ko ri mu te sa no vi la pe du zo ka fi ne ro tu me ga si")

func (g *generator) syllables(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[g.rng.IntN(len(syllables))])
	}
	return b.String()
}

func (g *generator) newWord() word {
	if g.rng.IntN(3) == 0 {
		return word{g.common[g.rng.IntN(len(g.common))], g.rev}
	}
	return word{g.syllables(2 + g.rng.IntN(2)), g.rev}
}

func (g *generator) newSentence() sentence {
	n := 5 + g.rng.IntN(15)
	s := make(sentence, 0, n+1)
	for range n {
		s = append(s, g.newWord())
	}
	return append(s, word{".", g.rev})
}

func (g *generator) newParagraph() []sentence {
	p := make([]sentence, 1+g.rng.IntN(4))
	for i := range p {
		p[i] = g.newSentence()
	}
	return p
}

// first is revision 0: a title paragraph saying what the page is, and n
// paragraphs.
func (g *generator) first(n int) doc {
	title := sentence{{"Synthetic", 0}, {"page", 0}, {"not", 0}, {"real", 0}, {"text", 0}, {".", 0}}
	d := doc{{title}}
	for range n {
		d = append(d, g.newParagraph())
	}
	g.past = append(g.past, d)
	return d
}

// next makes revision g.rev+1 from the last and returns it (two revisions
// for vandalism: the vandalised one, then the revert, returned in turn).
func (g *generator) next() []doc {
	g.rev++
	d := g.past[len(g.past)-1].clone()
	kind := g.pick()
	g.counts[kind]++
	var out []doc
	switch kind {
	case editVandalism:
		out = append(out, g.vandalise(d))
		g.rev++
		out = append(out, g.past[len(g.past)-1].clone())
	case editRevert:
		to := max(0, len(g.past)-2-g.rng.IntN(3))
		if g.vandalised[to] { // nobody reverts to a vandalised page
			to--
		}
		out = append(out, g.past[to].clone())
	default:
		// Editors often change several things in one save.
		for n := g.rng.IntN(3); ; n-- {
			d = g.edit(kind, d)
			if n == 0 {
				break
			}
			kind = g.pickEdit()
			g.counts[kind]++
		}
		out = append(out, d)
	}
	g.past = append(g.past, out...)
	return out
}

// pick chooses an edit, weighted roughly as on a wiki page: mostly
// additions and copy-edits.
func (g *generator) pick() int {
	weights := [nEdits]int{24, 6, 10, 3, 5, 25, 10, 10, 7}
	n := g.rng.IntN(100)
	for k, w := range weights {
		if n < w {
			return k
		}
		n -= w
	}
	return editCopyEdit
}

// pickEdit is pick without vandalism and reverts, which are whole saves.
func (g *generator) pickEdit() int {
	for {
		if k := g.pick(); k != editVandalism && k != editRevert {
			return k
		}
	}
}

func (g *generator) edit(kind int, d doc) doc {
	if len(d) < 2 { // only the title left
		return append(d, g.newParagraph())
	}
	p := g.rng.IntN(len(d)-1) + 1 // the title stays
	switch kind {
	case editAddSentence:
		at := g.rng.IntN(len(d[p]) + 1)
		d[p] = slices.Insert(d[p], at, g.newSentence())
	case editAddParagraph:
		d = slices.Insert(d, p, g.newParagraph())
	case editDeleteSentence:
		if len(d[p]) > 1 {
			at := g.rng.IntN(len(d[p]))
			g.graveyard = append(g.graveyard, doc{{d[p][at]}})
			d[p] = slices.Delete(d[p], at, at+1)
		}
	case editDeleteParagraph:
		if len(d) > 3 {
			g.graveyard = append(g.graveyard, doc{d[p]})
			d = slices.Delete(d, p, p+1)
		}
	case editRestore:
		if len(g.graveyard) > 0 {
			k := g.rng.IntN(len(g.graveyard))
			back := g.graveyard[k].clone()[0]
			g.graveyard = slices.Delete(g.graveyard, k, k+1)
			if len(back) == 1 {
				d[p] = slices.Insert(d[p], g.rng.IntN(len(d[p])+1), back[0])
			} else {
				d = slices.Insert(d, p, back)
			}
		}
	case editCopyEdit:
		j := g.rng.IntN(len(d[p]))
		d[p][j] = g.copyEdit(d[p][j])
	case editMove:
		if g.rng.IntN(2) == 0 && len(d) > 2 {
			q := d[p]
			d = slices.Delete(d, p, p+1)
			d = slices.Insert(d, g.rng.IntN(len(d)-1)+1, q)
		} else {
			at := g.rng.IntN(len(d[p]))
			s := d[p][at]
			d[p] = slices.Delete(d[p], at, at+1)
			q := g.rng.IntN(len(d)-1) + 1
			d[q] = slices.Insert(d[q], g.rng.IntN(len(d[q])+1), s)
			if len(d[p]) == 0 {
				d = slices.Delete(d, p, p+1)
			}
		}
	}
	return d
}

// copyEdit changes a word or two: replaced, respelt, inserted or deleted.
func (g *generator) copyEdit(s sentence) sentence {
	n := len(s) - 1 // the full stop stays
	at := g.rng.IntN(n)
	switch g.rng.IntN(4) {
	case 0: // replace one or two words
		for k := at; k < min(n, at+1+g.rng.IntN(2)); k++ {
			s[k] = g.otherWord(s[k].text)
		}
	case 1: // respell: a letter added
		s[at] = word{s[at].text + syllables[g.rng.IntN(len(syllables))][:1], g.rev}
	case 2:
		s = slices.Insert(s, at, g.otherWord(""))
	case 3:
		if n > 2 {
			s = slices.Delete(s, at, at+1)
		}
	}
	return s
}

// otherWord is a new word whose text differs from old.
func (g *generator) otherWord(old string) word {
	for {
		if w := g.newWord(); w.text != old {
			return w
		}
	}
}

// vandalise damages the page the ways vandals do; the next revision
// reverts it.
func (g *generator) vandalise(d doc) doc {
	g.vandalised[len(g.past)] = true
	if len(d) < 2 {
		return doc{{{word{"LOL", g.rev}}}}
	}
	p := g.rng.IntN(len(d)-1) + 1
	switch g.rng.IntN(4) {
	case 0: // blank the page
		return doc{{{word{"LOL", g.rev}}}}
	case 1: // replace a paragraph with junk
		d[p] = []sentence{{{"JUNK", g.rev}, g.newWord(), {"!", g.rev}}}
	case 2: // junk words inside a sentence
		j := g.rng.IntN(len(d[p]))
		d[p][j] = slices.Insert(d[p][j], g.rng.IntN(len(d[p][j])), word{"HAHA", g.rev}, g.newWord())
	case 3: // delete most of the page
		d = d[:min(len(d), 2)]
	}
	return d
}
