package wikitext

import (
	"strings"

	"github.com/wikisite/wikisite/sync/pagename"
)

// galleries replaces each <gallery>…</gallery> in expanded text with a
// bulleted list, one item a file: its name and caption, as MediaWiki
// shows a gallery of files it does not have (the name as text, the
// caption below). Lines without a namespace name files, as in MediaWiki.
func (c *converter) galleries(s string) string {
	if !containsFold(s, "<gallery") {
		return s
	}
	var b strings.Builder
	for {
		i := indexFold(s, "<gallery")
		if i < 0 {
			break
		}
		tg, ok := parseTag(s, i)
		cs, ce := -1, -1
		if ok && tg.name == "gallery" && !tg.closing && !tg.selfClosing {
			cs, ce = findCloseTag(s, tg.end, "gallery")
		}
		if cs < 0 {
			b.WriteString(s[:i+len("<gallery")])
			s = s[i+len("<gallery"):]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(c.galleryList(s[tg.end:cs]))
		s = s[ce:]
	}
	b.WriteString(s)
	return b.String()
}

func (c *converter) galleryList(body string) string {
	var b strings.Builder
	b.WriteString("\n")
	for _, line := range strings.Split(body, "\n") {
		name, caption, _ := strings.Cut(strings.TrimSpace(line), "|")
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if ns, rest, ok := strings.Cut(name, ":"); ok && (strings.EqualFold(ns, "file") || strings.EqualFold(ns, "image")) {
			name = rest
		}
		// The caption is the last part that is no image option.
		parts := splitPipes(caption)
		caption = ""
		for _, p := range parts {
			if !isImageOption(strings.TrimSpace(p)) {
				caption = p
			}
		}
		name = pagename.Canonical(name)
		b.WriteString("* " + c.mark(token{kind: tokNowiki, text: name}))
		if caption = strings.TrimSpace(caption); caption != "" {
			b.WriteString("<br />" + caption)
		}
		b.WriteString("\n")
	}
	return b.String()
}
