package normalize

import (
	"strconv"
	"strings"
)

// diffHTML is a diff's blocks as layouts/_partials/diff-blocks.html writes
// them, byte for byte, for the history pages and their feeds: rendered
// here once and kept in the cache, instead of by Hugo on every build from
// blocks in the front matter. Those blocks were most of what Hugo held of
// a wide site and about half of its template time (bench/README.md, the
// scale section). id prefixes the blocks' anchors ("r<revision>").
// TestDiffHTMLIsThePartials checks it against the partial through Hugo.
func diffHTML(blocks []block, id string) string {
	if len(blocks) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div class="diff">`)
	for i, bl := range blocks {
		if bl.Kind == "same" {
			b.WriteString("\n  <div class=\"diff-block diff-same\">")
			for _, s := range bl.Spans {
				htmlEscape(&b, s.Text)
			}
			b.WriteString("</div>")
			if bl.Elided != 0 {
				b.WriteString("\n  <p class=\"diff-elided\">")
				b.WriteString(strconv.Itoa(bl.Elided))
				b.WriteString(" unchanged line")
				if bl.Elided != 1 {
					b.WriteString("s")
				}
				b.WriteString(" not shown</p>")
			}
			continue
		}
		b.WriteString("\n  <div class=\"diff-block diff-")
		htmlEscape(&b, bl.Kind)
		b.WriteString(`" id="`)
		htmlEscape(&b, id)
		b.WriteString("-" + strconv.Itoa(i) + `">`)
		switch bl.Kind {
		case "moved":
			to := 0
			if bl.MovedTo != nil {
				to = *bl.MovedTo
			}
			b.WriteString(`<a class="diff-moved" href="#`)
			htmlEscape(&b, id)
			b.WriteString("-" + strconv.Itoa(to) + `">`)
			if to > i {
				b.WriteString("moved: see where it went</a>")
			} else {
				b.WriteString("moved: see where it came from</a>")
			}
		case "added":
			b.WriteString(`<span class="diff-kind">Added line</span>`)
		case "removed":
			b.WriteString(`<span class="diff-kind">Removed line</span>`)
		}
		for _, s := range bl.Spans {
			switch s.Op {
			case "ins":
				b.WriteString(`<ins><span class="visually-hidden">added: </span>`)
				htmlEscape(&b, s.Text)
				b.WriteString("</ins>")
			case "del":
				b.WriteString(`<del><span class="visually-hidden">removed: </span>`)
				htmlEscape(&b, s.Text)
				b.WriteString("</del>")
			default:
				htmlEscape(&b, s.Text)
			}
		}
		b.WriteString("</div>")
	}
	b.WriteString("\n</div>\n") // the partial's file ends in a newline
	return b.String()
}

// htmlEscaper escapes text as Go's (and Hugo's) html/template does in an
// element's content or a quoted attribute, so the page is the same bytes
// as when the template wrote it.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func htmlEscape(b *strings.Builder, s string) {
	htmlEscaper.WriteString(b, s)
}
