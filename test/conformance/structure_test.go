package conformance

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wikisite/wikisite/internal/visible"
)

// wikiBase is the article URL the converter is given; MediaWiki's own
// links are "/index.php/Title" or "/index.php?title=Title&…" on the test
// wiki. linkTarget maps both to the title.
const wikiBase = "https://wiki.test/index.php/"

// structure lists what a reader sees of a page's shape, in document
// order, one entry per element: "h2 Goals", "ul/ol li bravo", "td 36",
// "link Alpha page", "strong bravo", "em charlie". Text is the element's
// visible words; a list item's text leaves out its nested lists.
func structure(src string, root atom.Atom, skip visible.Chrome) ([]string, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	top := doc
	if root != 0 {
		if top = visible.Find(doc, root); top == nil {
			return nil, fmt.Errorf("no <%s> element", root)
		}
	}
	var out []string
	walkStructure(top, nil, skip, &out)
	return out, nil
}

func walkStructure(n *html.Node, lists []string, skip visible.Chrome, out *[]string) {
	if n.Type == html.ElementNode {
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style || skip(n) {
			return
		}
		if e := entry(n, lists, skip); e != "" {
			*out = append(*out, e)
		}
		switch n.DataAtom {
		case atom.Ul, atom.Ol, atom.Dl:
			lists = append(lists, n.Data)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkStructure(c, lists, skip, out)
	}
}

func entry(n *html.Node, lists []string, skip visible.Chrome) string {
	text := func() string { return ownText(n, skip) }
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return n.Data + " " + text()
	case atom.Li, atom.Dt, atom.Dd:
		return strings.Join(lists, "/") + " " + n.Data + " " + text()
	case atom.Td, atom.Th:
		return n.Data + " " + text()
	case atom.B, atom.Strong:
		if t := text(); t != "" { // an empty <b></b> shows nothing
			return "strong " + t
		}
	case atom.I, atom.Em:
		if t := text(); t != "" {
			return "em " + t
		}
	case atom.A:
		if t := linkTarget(visible.Attr(n, "href")); t != "" {
			return "link " + t
		}
	}
	return ""
}

// ownText is n's visible words, leaving out nested lists, which are
// entries of their own.
func ownText(n *html.Node, skip visible.Chrome) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skip(n) || n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			switch n.DataAtom {
			case atom.Ul, atom.Ol, atom.Dl:
				return
			}
			if !visible.Inline(n.DataAtom) { // <span>x</span>' is one word
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return strings.Join(visible.Words(b.String()), " ")
}

// linkTarget names where a link goes: a wiki title for links into the
// wiki (ours or MediaWiki's), the URL for others, "" for links within the
// page (footnotes, the table of contents), which are not compared.
func linkTarget(href string) string {
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return "bad " + href
	}
	var title string
	switch {
	case strings.HasPrefix(href, wikiBase):
		title = strings.TrimPrefix(u.Path, "/index.php/")
	case u.Host == "" && u.Path == "/index.php" && u.Query().Get("title") != "":
		title = u.Query().Get("title")
	case u.Host == "" && strings.HasPrefix(u.Path, "/index.php/"):
		title = strings.TrimPrefix(u.Path, "/index.php/")
	default:
		if h, err := url.PathUnescape(href); err == nil {
			return h // "(" and "%28" are the same address
		}
		return href
	}
	// The fragment is left out: MediaWiki's links to missing pages
	// (action=edit) carry none, ours do.
	return strings.ReplaceAll(title, "_", " ")
}
