package personas

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slugify makes a URL path segment: accents folded ("Máirín" → "mairin"),
// ASCII letters and digits lower-cased, every other run of characters one
// hyphen, none at either end. Wikitext quotes, links and tags are
// punctuation like any other. Text with no ASCII letter or digit gives "".
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

func slugOr(s, fallback string) string {
	if slug := slugify(s); slug != "" {
		return slug
	}
	return fallback
}

// unique returns slug, or slug-2, slug-3… when used already has it, and
// records the result in used.
func unique(slug string, used map[string]bool) string {
	s := slug
	for n := 2; used[s]; n++ {
		s = slug + "-" + strconv.Itoa(n)
	}
	used[s] = true
	return s
}
