package mwxml

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleBytes is MediaWiki's limit on a title's length.
const maxTitleBytes = 255

// CheckTitle rejects a title that no MediaWiki writes: empty, over 255
// bytes, not UTF-8, holding control characters or characters MediaWiki
// forbids in titles, starting with "/", or with "." or ".." as a
// "/"-separated part. Such a title in a dump means a damaged or forged
// file, and could make a careless consumer write outside its folder.
func CheckTitle(title string) error {
	switch {
	case strings.TrimSpace(title) == "":
		return fmt.Errorf("empty title")
	case len(title) > maxTitleBytes:
		return fmt.Errorf("title is %d bytes, over MediaWiki's %d", len(title), maxTitleBytes)
	case !utf8.ValidString(title):
		return fmt.Errorf("title %q is not valid UTF-8", title)
	case strings.HasPrefix(title, "/"):
		return fmt.Errorf("title %q starts with /", title)
	}
	for _, c := range title {
		if unicode.IsControl(c) {
			return fmt.Errorf("title %q holds the control character %U", title, c)
		}
		if strings.ContainsRune("#<>[]|{}", c) {
			return fmt.Errorf("title %q holds %q, which MediaWiki forbids in titles", title, c)
		}
	}
	for _, part := range strings.Split(title, "/") {
		if part == "." || part == ".." {
			return fmt.Errorf("title %q has %q as a path part", title, part)
		}
	}
	return nil
}
