// Package worddiff computes the differences between two revisions of a page:
// line by line, then word by word inside the lines that changed, with
// paragraphs that moved recognised as moves rather than a delete and an
// insert.
//
// It works on plain strings and holds no state. It does not know wikitext or
// Markdown, does not render diffs as HTML, and does not read the archive:
// callers hand it two texts and a function that extracts visible text when
// they want markup-only changes told apart.
//
// The engine is github.com/sergi/go-diff's diffmatchpatch, run on tokens
// (whole lines, or whole words) encoded as runes, so a diff never splits a
// line or a word and reconstructs both texts byte for byte, even when they are
// not valid UTF-8.
package worddiff

import (
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says what a Span does to the old text.
type Op int

// The operations of a Span.
const (
	Equal  Op = iota // text in both old and new
	Insert           // text only in new
	Delete           // text only in old
)

// String returns the operation's name, for tests and debugging.
func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	}
	return "op(?)"
}

// Span is a run of text with what the diff does to it. In a diff, the Equal
// and Delete spans in order spell the old text, and the Equal and Insert spans
// in order spell the new text.
type Span struct {
	Op   Op
	Text string
}

// maxWordTokens bounds the tokens a word diff compares on each side. Beyond it
// the texts are shown as replaced wholesale: a word diff of two unrelated
// pages is unreadable anyway, and the O(N·D) search would take seconds.
const maxWordTokens = 50000

// Words diffs two texts word by word. Words are runs of letters, digits and
// combining marks; whitespace runs and single punctuation characters are
// tokens of their own. Equal and Delete spans rebuild old, Equal and Insert
// spans rebuild new; adjacent spans never share an Op.
func Words(old, new string) []Span {
	if old == new {
		return single(Equal, old)
	}
	ta, tb := tokenize(old), tokenize(new)
	if len(ta) > maxWordTokens || len(tb) > maxWordTokens {
		return replaced(old, new)
	}
	enc := newEncoder()
	ra, rb := enc.encode(ta), enc.encode(tb)
	if enc.full {
		return replaced(old, new)
	}
	dmp := newDMP()
	diffs := dmp.DiffMainRunes(ra, rb, false)
	// Cleaning up on the encoded runes counts equalities in tokens and
	// cannot move an edit boundary into the middle of a word.
	diffs = dmp.DiffCleanupSemantic(diffs)
	return merge(enc.decode(diffs))
}

// newDMP returns a diff engine without a deadline: a deadline would make the
// result depend on how busy the machine is, and the site must rebuild the same
// diff every time. Inputs are bounded by the callers instead.
func newDMP() *diffmatchpatch.DiffMatchPatch {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	return dmp
}

// single returns text as one span, or no span when text is empty.
func single(op Op, text string) []Span {
	if text == "" {
		return nil
	}
	return []Span{{op, text}}
}

// replaced is the diff that deletes all of old and inserts all of new.
func replaced(old, new string) []Span {
	return append(single(Delete, old), single(Insert, new)...)
}

// merge joins adjacent spans with the same Op and drops empty ones.
func merge(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == s.Op {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

type tokenClass int

const (
	classWord tokenClass = iota
	classSpace
	classOther
)

func classify(r rune) tokenClass {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		return classWord
	case unicode.IsSpace(r):
		return classSpace
	}
	return classOther
}

// tokenize splits s into words, whitespace runs and single other characters.
// Bytes that are not UTF-8 become one-byte tokens of their own, so joining
// the tokens gives s back exactly.
func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		c := classify(r)
		if r == utf8.RuneError && n == 1 {
			c = classOther
		}
		j := i + n
		for c != classOther && j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if classify(r2) != c || (r2 == utf8.RuneError && n2 == 1) {
				break
			}
			j += n2
		}
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}
