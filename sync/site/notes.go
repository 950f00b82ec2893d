package site

import (
	"io"
	"net/http"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wikisite/wikisite/internal/visible"
)

// notesPath is the editors' report the build writes (layouts/home.notes.html):
// one section per page with notes, headed by a link to the page.
const notesPath = "/conversion-notes.html"

// notesOverlay is the box the preview adds to a page that has conversion
// notes, so an editor sees them where they apply; readers' pages, built
// by `wikisite build`, never carry it. "" when the page has none.
func notesOverlay(root http.FileSystem, page string) string {
	notes := pageNotes(root, page)
	if len(notes) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<aside id="__wikisite_notes" style="position:fixed;top:0;right:0;max-width:28em;max-height:50vh;overflow:auto;margin:0;padding:.5em 1em;background:#fffbe6;color:#4d3900;border:1px solid #c9a400;z-index:9998;font:14px/1.4 sans-serif">`)
	b.WriteString(`<strong>Conversion notes</strong> (wikisite serve only)<ul>`)
	for _, n := range notes {
		b.WriteString("<li>" + html.EscapeString(n) + "</li>")
	}
	b.WriteString(`</ul><a href="` + notesPath + `">All pages' notes</a></aside>`)
	return b.String()
}

// pageNotes reads the notes the report lists for the page at URL path
// page; none when the report is missing or unreadable (the preview then
// shows the page as built).
func pageNotes(root http.FileSystem, page string) []string {
	f, err := root.Open(notesPath)
	if err != nil {
		return nil
	}
	defer f.Close()
	doc, err := html.Parse(io.LimitReader(f, 8<<20))
	if err != nil {
		return nil
	}
	var notes []string
	walk(doc, func(n *html.Node) bool {
		if n.DataAtom != atom.Section || sectionPage(n) != page {
			return true
		}
		walk(n, func(li *html.Node) bool {
			if li.DataAtom == atom.Li {
				notes = append(notes, strings.Join(strings.Fields(textOf(li)), " "))
				return false
			}
			return true
		})
		return false
	})
	return notes
}

// sectionPage is the href of the link in a report section's heading.
func sectionPage(sec *html.Node) string {
	if h := visible.Find(sec, atom.H2); h != nil {
		if a := visible.Find(h, atom.A); a != nil {
			return visible.Attr(a, "href")
		}
	}
	return ""
}

// walk calls visit on the element nodes under n in document order,
// descending into an element's children only while visit returns true.
func walk(n *html.Node, visit func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !visit(c) {
			continue
		}
		walk(c, visit)
	}
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
