package wikitext

import (
	"net/url"
	"strings"

	"github.com/wikisite/wikisite/sync/pagename"
)

// internalLink handles [[target|text]]trail starting at s[i].
func (p *inlineParser) internalLink(i int) (int, bool) {
	s := p.s
	end := matchDoubleBracket(s, i)
	if end < 0 {
		return 0, false
	}
	inner := s[i+2 : end]
	target, text, hasText := strings.Cut(inner, "|")
	target = strings.TrimSpace(decodeEntities(target))
	if !validLinkTarget(target) {
		return 0, false
	}
	next := end + 2
	leading := strings.HasPrefix(target, ":")
	page := strings.TrimLeft(target, ":")
	ns, rest := splitNamespace(page)
	switch {
	case ns == "Category" && !leading:
		p.c.addCategory(pagename.Canonical(rest))
		p.flush(i)
		p.textAt = next
		return next, true
	case (ns == "File" || ns == "Image") && !leading:
		p.emit(i, next, event{kind: evNode, node: p.fileLink(rest, text, hasText)})
		return next, true
	}
	if hasText && strings.Contains(text, "[[") && matchDoubleBracket(text, strings.Index(text, "[[")) >= 0 {
		// A link inside a link's text: MediaWiki makes the inner one the
		// link and shows the outer brackets as text.
		return 0, false
	}
	n := 0
	for next+n < len(s) && s[next+n] >= 'a' && s[next+n] <= 'z' {
		n++
	}
	trail := s[next : next+n]
	var children []*inline
	switch {
	case !hasText:
		children = textNodes(strings.TrimLeft(target, ":") + trail)
	case strings.TrimSpace(text) == "":
		children = textNodes(pipeTrick(rest) + trail)
	default:
		children = p.c.parseInlineOpt(text+trail, p.line, true)
	}
	link := &inline{kind: inLink, url: p.c.pageURL(page), children: children}
	if u, ok := interwikiURL(page); ok {
		link.url, link.external = u, true
	}
	p.emit(i, next+n, event{kind: evNode, node: link})
	return next + n, true
}

// matchDoubleBracket finds the "]]" closing the "[[" at s[i], allowing
// nested links (as in image captions); a target never spans lines.
func matchDoubleBracket(s string, i int) int {
	if strings.LastIndex(s, "]]") < i {
		return -1 // cheap exit keeps many unclosed "[[" linear
	}
	depth := 0
	for j := i; j+1 < len(s); j++ {
		switch {
		case s[j] == '[' && s[j+1] == '[':
			depth++
			j++
		case s[j] == ']' && s[j+1] == ']':
			depth--
			if depth == 0 {
				return j
			}
			j++
		case s[j] == '\n' && depth == 1 && !strings.Contains(s[i:j], "|"):
			return -1 // a target never spans lines
		}
	}
	return -1
}

func validLinkTarget(t string) bool {
	if strings.TrimLeft(t, ":") == "" && t != "" {
		return false
	}
	if t == "" {
		return false
	}
	return !strings.ContainsAny(t, "<>[]{}|\n"+markOpen)
}

// fileLink renders [[File:x|opts|caption]]. A file Options.Files has is
// an image with its alt= text (else the caption, else the file's name);
// one it lists as missing is a visible placeholder linking the wiki's file
// page; without Options.Files it is a link to the file page, as MediaWiki
// shows a missing file: its text is the caption, else "File:x".
func (p *inlineParser) fileLink(name, opts string, hasOpts bool) *inline {
	title := "File:" + pagename.Canonical(name)
	caption, alt := "", ""
	if hasOpts {
		for _, o := range splitPipes(opts) {
			o = strings.TrimSpace(o)
			if v, ok := strings.CutPrefix(o, "alt="); ok {
				alt = v
			}
			if !isImageOption(o) {
				caption = o
			}
		}
	}
	if f, ok := p.c.opts.Files[title]; ok {
		return p.c.fileShown(title, f, alt, caption, framed(opts, hasOpts), p.line)
	}
	return p.c.fileInline(title, caption, framed(opts, hasOpts), p.line)
}

// fileShown is a mirrored file: the image, or the placeholder of a file
// the wiki lacks, with a thumb's or frame's caption below as fileInline
// shows it. Alt text is plain text: markup in it is dropped.
func (c *converter) fileShown(title string, f File, alt, caption string, framed bool, line int) *inline {
	shown := c.fileImage(title, f, alt, caption)
	if !framed || strings.TrimSpace(caption) == "" {
		return shown
	}
	children := append([]*inline{shown, {kind: inBreak}}, c.parseInlineOpt(caption, line, true)...)
	return &inline{kind: inSpan, children: children}
}

// fileImage is the image of a mirrored file, or its placeholder.
func (c *converter) fileImage(title string, f File, alt, caption string) *inline {
	name := strings.TrimPrefix(title, "File:")
	if strings.TrimSpace(alt) == "" {
		alt = caption
	}
	alt = strings.TrimSpace(strings.Join(strings.Fields(c.plainOf(alt)), " "))
	if f.Src == "" {
		text := "Image not available: " + name
		if alt != "" {
			text += " (" + alt + ")"
		}
		return &inline{kind: inLink, url: c.wikiURL(title), children: []*inline{{kind: inPlaceholder, text: text}}}
	}
	if alt == "" {
		alt = name
	}
	return &inline{kind: inImage, url: f.Src, text: alt}
}

// splitPipes splits at "|" outside nested [[…]].
func splitPipes(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "[["):
			depth++
			i++
		case strings.HasPrefix(s[i:], "]]") && depth > 0:
			depth--
			i++
		case s[i] == '|' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

var imageKeywords = map[string]bool{
	"thumb": true, "thumbnail": true, "frame": true, "framed": true, "frameless": true,
	"border": true, "left": true, "right": true, "center": true, "centre": true,
	"none": true, "upright": true, "baseline": true, "middle": true, "sub": true,
	"super": true, "top": true, "text-top": true, "bottom": true, "text-bottom": true,
}

func isImageOption(o string) bool {
	l := strings.ToLower(o)
	if imageKeywords[l] {
		return true
	}
	for _, p := range []string{"link=", "alt=", "page=", "class=", "lang=", "upright=", "thumb=", "thumbnail="} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	l = strings.TrimSuffix(l, "px")
	return l != strings.ToLower(o) && strings.Trim(l, "0123456789x") == ""
}

// pipeTrick gives the text of [[Page (x)|]]: the title without namespace
// and parenthesised suffix.
func pipeTrick(t string) string {
	if k := strings.Index(t, " ("); k > 0 {
		t = t[:k]
	}
	if k := strings.IndexByte(t, ','); k > 0 {
		t = t[:k]
	}
	return t
}

// splitNamespace recognises the namespaces the converter treats specially.
func splitNamespace(t string) (ns, rest string) {
	for _, n := range []string{"Category", "File", "Image"} {
		if r := stripNamespace(strings.TrimSpace(t), n); len(r) != len(strings.TrimSpace(t)) {
			return n, strings.TrimSpace(r)
		}
	}
	return "", t
}

// pageURL links a page title (with optional #fragment).
func (c *converter) pageURL(target string) string {
	title, frag, hasFrag := strings.Cut(target, "#")
	fragment := ""
	if hasFrag {
		fragment = "#" + anchorEscape(strings.TrimSpace(frag))
	}
	if strings.TrimSpace(title) == "" {
		return fragment
	}
	title = pagename.Canonical(title)
	if c.opts.Link != nil {
		if u := c.opts.Link(title); u != "" && safeURL(u) {
			return u + fragment
		}
	}
	return c.wikiURL(title) + fragment
}

// wikiURL is the title's page on the wiki itself.
func (c *converter) wikiURL(title string) string {
	e := pathUnescaper.Replace(url.PathEscape(strings.ReplaceAll(title, " ", "_")))
	return c.opts.WikiURL + e
}

// pathUnescaper keeps "/" and ":" readable in wiki URLs, as MediaWiki does.
var pathUnescaper = strings.NewReplacer("%2F", "/", "%3A", ":")

func anchorEscape(s string) string {
	return url.PathEscape(strings.ReplaceAll(s, " ", "_"))
}

// linkProtocols are those MediaWiki recognises in [url text]; only
// safeSchemes become links, the others are shown as text.
var linkProtocols = []string{"https://", "http://", "mailto:", "ftp://", "ftps://",
	"irc://", "ircs://", "news:", "nntp://", "sftp://", "ssh://", "git://", "svn://",
	"tel:", "xmpp:", "sip:", "gopher://", "telnet://", "worldwind://", "//"}

func protocolAt(s string) string {
	for _, p := range linkProtocols {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return p
		}
	}
	return ""
}

// safeURL accepts only http(s), mailto, relative and fragment URLs.
func safeURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	for _, p := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if strings.ContainsAny(l, "\x00\t\n\r") {
		return false
	}
	colon := strings.IndexByte(l, ':')
	return colon < 0 || strings.ContainsAny(l[:colon], "/?#")
}

func isURLByte(b byte) bool {
	return b > ' ' && b != '[' && b != ']' && b != '<' && b != '>' && b != '"' && b != 0x7f && b != markOpen[0]
}

// externalLink handles [url text] and [url] at s[i].
func (p *inlineParser) externalLink(i int) (int, bool) {
	s := p.s
	proto := protocolAt(s[i+1:])
	if proto == "" {
		return 0, false
	}
	j := i + 1 + len(proto)
	for j < len(s) && isURLByte(s[j]) {
		j++
	}
	if j == i+1+len(proto) {
		return 0, false
	}
	rawURL := s[i+1 : j]
	for j < len(s) && s[j] == ' ' {
		j++
	}
	k := strings.IndexAny(s[j:], "]\n")
	if k < 0 || s[j+k] != ']' {
		return 0, false
	}
	text := s[j : j+k]
	var children []*inline
	if text == "" {
		p.c.extLinks++
		children = textNodes("[" + itoa(p.c.extLinks) + "]")
	} else {
		children = p.c.parseInlineOpt(text, p.line, true)
	}
	p.emit(i, j+k+1, event{kind: evNode, node: p.c.externalNode(rawURL, children)})
	return j + k + 1, true
}

// externalNode links to u if it is safe, else shows its text only.
func (c *converter) externalNode(u string, children []*inline) *inline {
	u = decodeEntities(u)
	if strings.HasPrefix(u, "//") {
		u = "https:" + u
	}
	if !safeURL(u) || protocolAt(u) == "" {
		return &inline{kind: inSpan, children: children}
	}
	return &inline{kind: inLink, url: u, external: true, children: children}
}

// bareURL links a free-standing http(s) URL.
func (p *inlineParser) bareURL(i int) (int, bool) {
	s := p.s
	proto := protocolAt(s[i:])
	if proto != "http://" && proto != "https://" && proto != "ftp://" {
		return 0, false
	}
	if i > 0 && (isASCIILetter(s[i-1]) || (s[i-1] >= '0' && s[i-1] <= '9')) {
		return 0, false
	}
	j := i + len(proto)
	for j < len(s) && isURLByte(s[j]) && !strings.HasPrefix(s[j:], "''") {
		j++
	}
	u := s[i:j]
	u = strings.TrimRight(u, ",;.:!?")
	if !strings.Contains(u, "(") {
		u = strings.TrimRight(u, ")")
	}
	if len(u) <= len(proto) {
		return 0, false
	}
	p.emit(i, i+len(u), event{kind: evNode, node: p.c.externalNode(u, textNodes(decodeEntities(u)))})
	return i + len(u), true
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
