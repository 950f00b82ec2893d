package wikitext

import "strings"

// Files: until the page set mirrors them, a file is shown as MediaWiki
// shows a file it does not have — a link to the file page. Inline, the
// link's text is the caption, else the title; a thumbnail or frame shows
// the title and its caption below, as a separate line of text.

// fileInline renders one [[File:…]] link.
func (c *converter) fileInline(title, caption string, framed bool, line int) *inline {
	link := &inline{kind: inLink, url: c.wikiURL(title), children: textNodes(title)}
	if strings.TrimSpace(caption) == "" {
		return link
	}
	capt := c.parseInlineOpt(caption, line, true)
	if !framed {
		link.children = capt
		return link
	}
	children := append([]*inline{link, {kind: inBreak}}, capt...)
	return &inline{kind: inSpan, children: children}
}

// framed reports a thumb or frame option, whose caption shows below.
func framed(opts string, hasOpts bool) bool {
	if !hasOpts {
		return false
	}
	for _, o := range splitPipes(opts) {
		switch strings.ToLower(strings.TrimSpace(o)) {
		case "thumb", "thumbnail", "frame", "framed":
			return true
		}
	}
	return false
}
