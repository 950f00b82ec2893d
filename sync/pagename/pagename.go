// Package pagename holds the one rule for spelling a wiki page title the
// way the wiki reports it, shared by the archive (which files pages under
// it) and the converter (which resolves links and templates with it), so
// the two can never disagree about which page a title names.
//
// It knows MediaWiki's default namespaces and $wgCapitalLinks (the
// default: first letter upper-case); it does not know a wiki's custom
// namespaces, and it does not check that a title is valid.
package pagename

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Canonical returns title as the wiki reports it: underscores as spaces,
// runs of white space folded to one space, trimmed, and the first letter of
// the title (and of the part after a known namespace prefix) upper-case.
func Canonical(title string) string {
	if needsFolding(title) {
		title = strings.Join(strings.Fields(strings.ReplaceAll(title, "_", " ")), " ")
	}
	if ns, rest, ok := strings.Cut(title, ":"); ok && IsNamespace(ns) {
		return upperFirst(strings.TrimSpace(ns)) + ":" + upperFirst(strings.TrimSpace(rest))
	}
	return upperFirst(title)
}

// needsFolding reports whether title has an underscore or white space
// other than single inner spaces; most titles have neither, and skipping
// the fold keeps the converter's many lookups cheap.
func needsFolding(title string) bool {
	return strings.IndexByte(title, '_') >= 0 || strings.Contains(title, "  ") ||
		strings.TrimSpace(title) != title || strings.ContainsAny(title, "\t\n\r\v\f")
}

// IsNamespace reports whether prefix (any case, surrounding spaces
// allowed) is one of MediaWiki's default namespaces.
func IsNamespace(prefix string) bool {
	switch strings.ToLower(strings.TrimSpace(prefix)) {
	case "talk", "user", "user talk", "project", "project talk", "file", "file talk", "image",
		"mediawiki", "mediawiki talk", "template", "template talk", "help", "help talk",
		"category", "category talk", "module", "module talk", "special", "media":
		return true
	}
	return false
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	u := unicode.ToUpper(r)
	if u == r {
		return s
	}
	return string(u) + s[n:]
}
