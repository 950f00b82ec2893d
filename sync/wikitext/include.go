package wikitext

import "strings"

// Inclusion control: <noinclude>, <includeonly> and <onlyinclude> decide
// what of a page shows on its own and what a transclusion sees.

// pageInclusion applies <noinclude>, <includeonly> and <onlyinclude> for a
// page viewed on its own.
func pageInclusion(s string) string {
	if !strings.Contains(s, "include") {
		return s
	}
	s = removeTagBlocks(s, "includeonly")
	return removeTags(s, "noinclude", "onlyinclude")
}

// transclusionText applies them for a template being transcluded.
func transclusionText(s string) string {
	if !strings.Contains(s, "include") {
		return s
	}
	if cs, _ := findOpenTag(s, 0, "onlyinclude"); cs >= 0 {
		var b strings.Builder
		for i := 0; ; {
			_, oe := findOpenTag(s, i, "onlyinclude")
			if oe < 0 {
				break
			}
			ce, end := findCloseTag(s, oe, "onlyinclude")
			if ce < 0 {
				b.WriteString(s[oe:])
				break
			}
			b.WriteString(s[oe:ce])
			i = end
		}
		s = b.String()
	}
	s = removeTagBlocks(s, "noinclude")
	return removeTags(s, "includeonly")
}

// removeTagBlocks deletes <name>…</name> with content; unclosed runs to the end.
func removeTagBlocks(s, name string) string {
	var b strings.Builder
	i := 0
	for {
		os, oe := findOpenTag(s, i, name)
		if os < 0 {
			break
		}
		b.WriteString(s[i:os])
		if cs, ce := findCloseTag(s, oe, name); cs >= 0 {
			i = ce
		} else {
			i = len(s)
		}
	}
	b.WriteString(s[i:])
	return b.String()
}

// removeTags deletes the tags themselves, keeping their content.
func removeTags(s string, names ...string) string {
	for _, name := range names {
		var b strings.Builder
		i := 0
		for {
			os, oe := findOpenTag(s, i, name)
			cs, ce := findCloseTag(s, i, name)
			if os < 0 && cs < 0 {
				break
			}
			if os < 0 || (cs >= 0 && cs < os) {
				os, oe = cs, ce
			}
			b.WriteString(s[i:os])
			i = oe
		}
		b.WriteString(s[i:])
		s = b.String()
	}
	return s
}

// findOpenTag finds <name …> or <name/> at or after i.
func findOpenTag(s string, i int, name string) (start, end int) {
	for {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1, -1
		}
		j += i
		if tg, ok := parseTag(s, j); ok && !tg.closing && tg.name == name {
			return j, tg.end
		}
		i = j + 1
	}
}

// findCloseTag finds </name> (any case, optional spaces) at or after i.
func findCloseTag(s string, i int, name string) (start, end int) {
	for {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1, -1
		}
		j += i
		k := j + 2
		if len(s)-k >= len(name) && strings.EqualFold(s[k:k+len(name)], name) {
			e := k + len(name)
			for e < len(s) && (s[e] == ' ' || s[e] == '\t' || s[e] == '\n') {
				e++
			}
			if e < len(s) && s[e] == '>' {
				return j, e + 1
			}
		}
		i = j + 2
	}
}
