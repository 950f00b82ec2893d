package worddiff

import (
	"strings"
	"unicode"
)

// Class is how much two revisions differ, from nothing to substance.
type Class int

// The classes, from least to most different.
const (
	Identical      Class = iota // byte for byte the same
	WhitespaceOnly              // the same words, spaced or broken differently
	MarkupOnly                  // different source, same visible text
	Substantive                 // the visible text differs
)

// String returns the class's name, for tests and debugging.
func (c Class) String() string {
	switch c {
	case Identical:
		return "identical"
	case WhitespaceOnly:
		return "whitespace-only"
	case MarkupOnly:
		return "markup-only"
	case Substantive:
		return "substantive"
	}
	return "class(?)"
}

// Classify tells how much old and new differ. Texts whose whitespace runs
// differ but whose words and punctuation are the same (so "foo bar" and
// "foo  bar", but not "foobar") are WhitespaceOnly. When visible is not nil
// it maps a text to what a reader sees (for wikitext, the converter's plain
// text); texts that look the same, whitespace aside, are MarkupOnly.
func Classify(old, new string, visible func(string) string) Class {
	switch {
	case old == new:
		return Identical
	case sameWords(old, new):
		return WhitespaceOnly
	case visible != nil && sameWords(visible(old), visible(new)):
		return MarkupOnly
	}
	return Substantive
}

// sameWords reports whether a and b hold the same words in the same order,
// whatever the whitespace between them: squash(a) == squash(b), without
// building either. Classify runs on every pair of revisions, whole texts,
// and the two joins were most of its cost.
func sameWords(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i, j := wordEnd(a), wordEnd(b)
		if a[:i] != b[:j] {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// wordEnd is the offset of the first whitespace in s, or len(s).
func wordEnd(s string) int {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return i
	}
	return len(s)
}
