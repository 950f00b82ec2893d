package visible

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Chrome says whether an element is page furniture rather than page
// content, so its text is not compared.
type Chrome func(n *html.Node) bool

// WikiChrome is what MediaWiki's action=parse output holds around the page
// text: the table of contents and the "[edit]" section links.
func WikiChrome(n *html.Node) bool {
	return HasID(n, "toc") || HasClass(n, "toc") || HasClass(n, "mw-editsection")
}

// SiteChrome is what our wiki layout puts in <article> besides the
// converted page: the header (title and "Revision N by …" line), the
// category list (MediaWiki shows it outside the parse output, in
// #catlinks), the table of contents (as MediaWiki's is chrome), the
// conversion notes, and screen-reader-only labels.
func SiteChrome(n *html.Node) bool {
	return HasClass(n, "page-header") || HasClass(n, "categories") || HasClass(n, "toc") ||
		HasClass(n, "diagnostics") || HasClass(n, "visually-hidden")
}

// inline elements continue a word; every other element separates words,
// as a browser lays it out on its own line or cell.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Big: true, atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true,
	atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true, atom.Ins: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strike: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.Tt: true, atom.U: true,
	atom.Var: true,
}

// Inline reports an element that continues a word rather than separating
// words, as Text treats it.
func Inline(a atom.Atom) bool { return inline[a] }

// Text returns the text a reader sees in the HTML fragment or
// document src: text nodes in document order, with a space wherever a
// non-inline element starts or ends. Scripts, styles, comments and chrome
// are dropped. Under root (when not zero) only the first element of that
// kind counts; it is an error if there is none.
func Text(src string, root atom.Atom, skip Chrome) (string, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", fmt.Errorf("parse html: %w", err)
	}
	top := doc
	if root != 0 {
		if top = Find(doc, root); top == nil {
			return "", fmt.Errorf("no <%s> element", root)
		}
	}
	var b strings.Builder
	writeText(&b, top, skip)
	return b.String(), nil
}

func writeText(b *strings.Builder, n *html.Node, skip Chrome) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style || skip(n) {
			return
		}
	case html.CommentNode:
		return
	}
	sep := n.Type == html.ElementNode && !inline[n.DataAtom]
	if sep {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c, skip)
	}
	if sep {
		b.WriteByte(' ')
	}
}

// Find returns the first element of kind a in n's subtree, or nil.
func Find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := Find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// Attr is the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasID reports whether n has the id attribute id.
func HasID(n *html.Node, id string) bool { return Attr(n, "id") == id }

// HasClass reports whether class is one of n's classes.
func HasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(Attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// Words splits visible text on white space (Unicode's White_Space, so
// no-break spaces too). Words keep their case and their punctuation: "36,"
// and "36" differ, as a reader would notice either change.
func Words(text string) []string { return strings.Fields(text) }

// Score is the word-level similarity of x to the reference ref:
// 1 − Levenshtein(ref, x) / max(len(ref), len(x)), so 1 is identical and 0
// shares nothing in place. Two empty texts score 1.
func Score[T comparable](ref, x []T) float64 {
	n := max(len(ref), len(x))
	if n == 0 {
		return 1
	}
	return 1 - float64(Levenshtein(ref, x))/float64(n)
}

// Levenshtein counts the insertions, deletions and substitutions of items
// (words, structure entries) that turn a into b, keeping two rows of the usual table.
func Levenshtein[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
