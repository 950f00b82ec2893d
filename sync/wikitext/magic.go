package wikitext

import "strings"

// behaviourSwitches are MediaWiki's __WORD__ magic words.
var behaviourSwitches = []string{"NOTOC", "FORCETOC", "TOC", "NOEDITSECTION",
	"NEWSECTIONLINK", "NONEWSECTIONLINK", "NOGALLERY", "HIDDENCAT", "EXPECTUNUSEDCATEGORY",
	"NOCONTENTCONVERT", "NOCC", "NOTITLECONVERT", "NOTC", "INDEX", "NOINDEX",
	"STATICREDIRECT", "DISAMBIG", "NOGLOBAL", "ARCHIVEDTALK", "NOTALK"}

// stripMagic removes behaviour switches, recording them in c.magic.
func (c *converter) stripMagic(s string) string {
	i := strings.Index(s, "__")
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		if w := switchAt(s[2:]); w != "" {
			c.addMagic(w)
			s = s[2+len(w)+2:]
		} else {
			b.WriteString("__")
			s = s[2:]
		}
		i = strings.Index(s, "__")
	}
	b.WriteString(s)
	return b.String()
}

func switchAt(s string) string {
	for _, w := range behaviourSwitches {
		if len(s) >= len(w)+2 && strings.EqualFold(s[:len(w)], w) && s[len(w):len(w)+2] == "__" {
			return w
		}
	}
	return ""
}

func (c *converter) addMagic(w string) {
	for _, x := range c.magic {
		if x == w {
			return
		}
	}
	c.magic = append(c.magic, w)
}
