package worddiff

import "github.com/sergi/go-diff/diffmatchpatch"

// encoder maps distinct tokens to distinct runes, the trick diffmatchpatch
// uses for its line mode, so the character diff becomes a token diff.
type encoder struct {
	ids    map[string]rune
	tokens []string
	full   bool // more distinct tokens than runes
}

func newEncoder() *encoder {
	return &encoder{ids: make(map[string]rune)}
}

// Surrogates are not valid runes: converting them to a string would turn them
// into U+FFFD and merge distinct tokens, so ids skip over them.
const (
	surrogateMin = 0xD800
	surrogateEnd = 0xE000
	maxTokens    = 0x110000 - (surrogateEnd - surrogateMin)
)

func (e *encoder) encode(toks []string) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		id, ok := e.ids[t]
		if !ok {
			if len(e.tokens) == maxTokens {
				e.full = true
				return nil
			}
			id = rune(len(e.tokens))
			if id >= surrogateMin {
				id += surrogateEnd - surrogateMin
			}
			e.ids[t] = id
			e.tokens = append(e.tokens, t)
		}
		out[i] = id
	}
	return out
}

func (e *encoder) token(r rune) string {
	if r >= surrogateEnd {
		r -= surrogateEnd - surrogateMin
	}
	return e.tokens[r]
}

// decode turns a diff of encoded runes back into spans of the tokens' text.
func (e *encoder) decode(diffs []diffmatchpatch.Diff) []Span {
	spans := make([]Span, 0, len(diffs))
	var buf []byte
	for _, d := range diffs {
		buf = buf[:0]
		for _, r := range d.Text {
			buf = append(buf, e.token(r)...)
		}
		spans = append(spans, Span{Op: opOf(d.Type), Text: string(buf)})
	}
	return spans
}

func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffInsert:
		return Insert
	case diffmatchpatch.DiffDelete:
		return Delete
	}
	return Equal
}
