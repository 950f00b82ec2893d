// Package authorship attributes every token of every revision of a page to
// the revision that introduced it, the way WikiWho does (Flöck and Acosta,
// "WikiWho: precise and efficient attribution of authorship of revisioned
// content", WWW 2014): a revision's text is taken apart into paragraphs,
// sentences and tokens; a paragraph or sentence seen before — in the
// previous revision or in any earlier one — keeps the authorship it had, so
// text that was deleted and later restored (a revert) keeps its original
// author and text that moved keeps its author; what is left is matched
// token by token against what is left of the previous revision, so a
// copy-edit of a few characters only credits the words it changed.
//
// It is ours because no Go library does this: the reference implementation
// is Python (wikiwho_api), and Go diff libraries (go-diff, used here for the
// token step through sync/worddiff) compare two texts, not a history.
//
// The package works on plain strings and holds no global state. It does not
// read the archive or know wikitext or Markdown: callers give it the text a
// reader sees (sync/normalize passes visible text, markup removed, so a
// changed link target or a bolded word does not take a sentence from its
// author), with blank lines between paragraphs and single newlines between
// lines that are sentences of their own (list items, table cells).
//
// Cost per revision of n tokens: tokenising, hashing and looking up its
// paragraphs and sentences is O(n); the token step is a diff of the u
// tokens left unmatched against those left unmatched in the previous
// revision, O(u·d) with d the edit distance between them, where u is the
// size of what was edited rather than of the page (beyond 50 000 tokens the
// step becomes a linear match by token text). Memory grows with the
// distinct paragraphs and sentences ever seen, not with the number of
// revisions that repeat them.
package authorship

import (
	"slices"
	"time"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// Revision is one revision of a page, given to History.Add oldest first.
type Revision struct {
	ID   int64
	User string
	Time time.Time
	Text string
}

// Token is a word or a punctuation mark of a revision's text, with the
// revision it came from. Whitespace is not a token.
type Token struct {
	Text       string
	Start, End int // byte offsets of Text in the revision's Text
	// Origin is the index, in the order History.Add received them, of the
	// revision that introduced the token; never later than the revision
	// it is a token of.
	Origin int
}

// History is the authorship state of one page: what its earlier revisions
// held and who wrote it. The zero value is not ready; use New.
type History struct {
	revs []Revision // metadata only: Text is dropped once attributed

	// The previous revision: its tokens' texts and origins, and where its
	// paragraphs and sentences sit among them, by key.
	prevText  []string
	prevOrig  []int
	prevParas map[string][]int // key → first token of each occurrence
	prevSents map[string][]int

	// Every paragraph and sentence ever seen, by key: the origins of its
	// tokens when it was last seen (int32, as these maps are most of the
	// memory a long history takes).
	paras map[string][]int32
	sents map[string][]int32
}

// New returns an empty history.
func New() *History {
	return &History{
		prevParas: map[string][]int{},
		prevSents: map[string][]int{},
		paras:     map[string][]int32{},
		sents:     map[string][]int32{},
	}
}

// Len is the number of revisions added so far.
func (h *History) Len() int { return len(h.revs) }

// Revision returns the metadata of the i-th revision added (its Text is
// empty: the history does not keep texts).
func (h *History) Revision(i int) Revision { return h.revs[i] }

// Add attributes the tokens of r, the revision following the ones added
// before, and returns them in text order.
func (h *History) Add(r Revision) []Token {
	cur := len(h.revs)
	h.revs = append(h.revs, Revision{ID: r.ID, User: r.User, Time: r.Time})
	toks, paras := split(r.Text)
	a := attribution{h: h, toks: toks, origin: make([]int, len(toks)), used: make([]bool, len(h.prevText))}
	for i := range a.origin {
		a.origin[i] = -1
	}
	for _, p := range paras {
		if a.reuse(p.unit, h.prevParas, h.paras) {
			continue
		}
		for _, s := range p.sents {
			a.reuse(s, h.prevSents, h.sents)
		}
	}
	a.matchLeftovers(paras)
	for i := range toks {
		if a.origin[i] < 0 {
			a.origin[i] = cur
		}
		toks[i].Origin = a.origin[i]
	}
	h.remember(toks, a.origin, paras)
	return toks
}

// attribution is the work on one revision.
type attribution struct {
	h      *History
	toks   []Token
	origin []int  // per token; -1 until attributed
	used   []bool // per token of the previous revision: already matched
}

// reuse gives u the origins of an equal unit of the previous revision not
// matched yet, else of an equal unit seen in any earlier revision.
func (a *attribution) reuse(u unit, prev map[string][]int, ever map[string][]int32) bool {
	n := u.to - u.from
	for _, at := range prev[u.key] {
		if !a.used[at] {
			copy(a.origin[u.from:u.to], a.h.prevOrig[at:at+n])
			for k := at; k < at+n; k++ {
				a.used[k] = true
			}
			return true
		}
	}
	if o, ok := ever[u.key]; ok && len(o) == n {
		for i, x := range o {
			a.origin[u.from+i] = int(x)
		}
		return true
	}
	return false
}

// matchLeftovers pairs the tokens no unit accounted for with the previous
// revision's unmatched tokens along a token diff: an edited sentence keeps
// the authors of the words the edit left alone.
func (a *attribution) matchLeftovers(paras []paragraph) {
	var cur, old []int
	for i, o := range a.origin {
		if o < 0 {
			cur = append(cur, i)
		}
	}
	for k, u := range a.used {
		if !u {
			old = append(old, k)
		}
	}
	if len(cur) == 0 || len(old) == 0 {
		return
	}
	ct := make([]string, len(cur))
	for x, i := range cur {
		ct[x] = a.toks[i].Text
	}
	ot := make([]string, len(old))
	for x, k := range old {
		ot[x] = a.h.prevText[k]
	}
	m, ok := worddiff.Match(ot, ct)
	if !ok {
		m = matchByText(ot, ct)
	}
	for x, y := range m {
		if y >= 0 {
			a.origin[cur[x]] = a.h.prevOrig[old[y]]
		}
	}
	a.dropScattered(paras, cur)
}

// dropScattered undoes the token matches of a sentence that matched less
// than half of its leftover tokens: a new sentence shares a few common
// words ("the", a full stop) with whatever was deleted beside it, and
// those scattered matches would credit its new words to old authors —
// an error every later revision would inherit. A copy-edit leaves most of
// its sentence matched.
func (a *attribution) dropScattered(paras []paragraph, cur []int) {
	x := 0 // cur[x] is the next leftover token
	for _, p := range paras {
		for _, s := range p.sents {
			left, matched := 0, 0
			first := x
			for ; x < len(cur) && cur[x] < s.to; x++ {
				left++
				if a.origin[cur[x]] >= 0 {
					matched++
				}
			}
			if matched*2 < left {
				for _, i := range cur[first:x] {
					a.origin[i] = -1
				}
			}
		}
	}
}

// matchByText pairs each token of b with the first unpaired equal token of
// a, in linear time and without regard to order: the fallback for texts too
// long for a diff.
func matchByText(a, b []string) []int {
	free := map[string][]int{}
	for i, t := range a {
		free[t] = append(free[t], i)
	}
	m := make([]int, len(b))
	for j, t := range b {
		m[j] = -1
		if q := free[t]; len(q) > 0 {
			m[j], free[t] = q[0], q[1:]
		}
	}
	return m
}

// remember makes this revision the previous one and records its units.
func (h *History) remember(toks []Token, origin []int, paras []paragraph) {
	h.prevText = make([]string, len(toks))
	for i, t := range toks {
		h.prevText[i] = t.Text
	}
	h.prevOrig = origin
	clear(h.prevParas)
	clear(h.prevSents)
	for _, p := range paras {
		h.prevParas[p.key] = append(h.prevParas[p.key], p.from)
		keep(h.paras, p.unit, origin)
		for _, s := range p.sents {
			h.prevSents[s.key] = append(h.prevSents[s.key], s.from)
			keep(h.sents, s, origin)
		}
	}
}

// keep records the origins of u's tokens under its key, as a copy: a
// subslice would keep the whole revision's origins alive.
func keep(ever map[string][]int32, u unit, origin []int) {
	o := origin[u.from:u.to]
	old, ok := ever[u.key]
	if ok && len(old) == len(o) && slices.EqualFunc(old, o, func(a int32, b int) bool { return int(a) == b }) {
		return
	}
	kept := make([]int32, len(o))
	for i, x := range o {
		kept[i] = int32(x)
	}
	ever[u.key] = kept
}
