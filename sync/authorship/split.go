package authorship

import (
	"crypto/sha256"
	"unicode"
	"unicode/utf8"
)

// unit is a paragraph or a sentence: a run of tokens and its key (see
// keyOf).
type unit struct {
	key      string
	from, to int // token indices
}

type paragraph struct {
	unit
	sents []unit
}

// split tokenises text and groups the tokens into paragraphs (separated by
// a blank line) and sentences (ended by '.', '!' or '?' before whitespace,
// or by a line break).
func split(text string) ([]Token, []paragraph) {
	var toks []Token
	var paras []paragraph
	var keys keyer
	paraStart, sentStart := 0, 0
	endSent := func() {
		if n := len(toks); n > sentStart {
			p := &paras[len(paras)-1]
			p.sents = append(p.sents, unit{key: keys.key(toks[sentStart:]), from: sentStart, to: n})
			sentStart = n
		}
	}
	endPara := func() {
		endSent()
		if n := len(toks); n > paraStart {
			p := &paras[len(paras)-1]
			p.unit = unit{key: keys.key(toks[paraStart:]), from: paraStart, to: n}
			paraStart = n
		}
	}
	for i := 0; i < len(text); {
		if nl, n := space(text[i:]); n > 0 {
			switch {
			case nl >= 2:
				endPara()
			case nl == 1:
				endSent()
			case len(toks) > 0 && isStop(toks[len(toks)-1].Text):
				endSent()
			}
			i += n
			continue
		}
		if len(toks) == paraStart {
			paras = append(paras, paragraph{})
		}
		n := tokenLen(text[i:])
		toks = append(toks, Token{Text: text[i : i+n], Start: i, End: i + n})
		i += n
	}
	endPara()
	return toks, paras
}

// space measures the whitespace at the start of s and the line breaks in it.
func space(s string) (newlines, n int) {
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if r == utf8.RuneError && w == 1 || !unicode.IsSpace(r) {
			break
		}
		if r == '\n' {
			newlines++
		}
		n += w
	}
	return newlines, n
}

// tokenLen is the length of the token at the start of s: a run of letters,
// digits and marks, or one other character (or one byte that is not UTF-8).
func tokenLen(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	if !isWord(r) {
		return w
	}
	n := w
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !isWord(r) {
			break
		}
		n += w
	}
	return n
}

func isWord(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isStop(t string) bool { return t == "." || t == "!" || t == "?" }

// keyOf is the key of a unit: the first 16 bytes of the SHA-256 of its
// tokens' texts joined by spaces (tokens never hold whitespace, so the
// joined text is unambiguous, and a change of spacing alone does not
// change it). Every unit ever seen is kept by key, and with the texts
// themselves as keys those maps were most of a long history's memory
// (bench/README.md); a collision of 128-bit hashes is not a concern.
func keyOf(toks []Token) string {
	var k keyer
	return k.key(toks)
}

// keyer computes keyOf with one buffer for a whole text: the joined
// tokens are hashed in one call: written to the hash one by one, they
// were a third of the attribution's time on a wide site.
type keyer struct{ buf []byte }

func (k *keyer) key(toks []Token) string {
	b := k.buf[:0]
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Text...)
	}
	k.buf = b
	sum := sha256.Sum256(b)
	return string(sum[:keySize])
}

const keySize = 16
