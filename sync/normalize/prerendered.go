package normalize

// HTML that normalize renders for the layouts instead of leaving it to
// Hugo: the history pages' diffs and the authors views' text. Each is the
// bytes the layout's partials wrote from structured front matter (the
// tests run those partials against these functions), rendered once here,
// and for the histories cached with the page: on a wide site Hugo spent
// about a third of its render on them (bench/README.md, the scale
// section), and a string is lighter to hold than blocks of spans.

import (
	"strconv"
	"strings"
)

// diffHTML is a diff's blocks as layouts/_partials/diff-blocks.html writes
// them, byte for byte, for the history pages and their feeds: rendered
// here once and kept in the cache, instead of by Hugo on every build from
// blocks in the front matter. id prefixes the blocks' anchors
// ("r<revision>"). TestDiffHTMLIsThePartials runs the partial itself
// against it.
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

// authorsHTML is an authors view's text, its blocks and their tinted
// spans, as layouts/authors/page.html (with _partials/authors-spans.html,
// authors-span.html and authors-credit.html) wrote it between the Text
// heading and the section's end, byte for byte: rendered once here, as
// the diffs are; a span per run of words from one revision is many
// template calls per page.
func authorsHTML(blocks []authorsBlock, credits []credit) string {
	var b strings.Builder
	prev := ""
	for _, bl := range blocks {
		switch {
		case bl.Kind == "item" && prev != "item":
			b.WriteString("<ul>")
		case bl.Kind != "item" && prev == "item":
			b.WriteString("</ul>")
		}
		switch bl.Kind {
		case "heading":
			h := min(max(bl.Level+1, 3), 6)
			b.WriteString("\n    <h" + strconv.Itoa(h) + ">")
			authorSpans(&b, bl.Spans, credits)
			b.WriteString("</h" + strconv.Itoa(h) + ">")
		case "item":
			b.WriteString("\n    <li>")
			authorSpans(&b, bl.Spans, credits)
			b.WriteString("</li>")
		case "field":
			b.WriteString("\n    <p class=\"auth-field\"><span class=\"auth-label\">")
			htmlEscape(&b, bl.Label)
			b.WriteString(":</span> ")
			authorSpans(&b, bl.Spans, credits)
			b.WriteString("</p>")
		case "quote":
			b.WriteString("\n    <blockquote><p>")
			authorSpans(&b, bl.Spans, credits)
			b.WriteString("</p></blockquote>")
		default:
			b.WriteString("\n    <p")
			if bl.Kind == "row" {
				b.WriteString(` class="auth-row"`)
			}
			b.WriteString(">")
			authorSpans(&b, bl.Spans, credits)
			b.WriteString("</p>")
		}
		prev = bl.Kind
	}
	if prev == "item" {
		b.WriteString("</ul>")
	}
	return b.String()
}

// authorSpans writes spans as _partials/authors-span.html does: each
// tinted by its credit's period, the credit in its title and beside it.
func authorSpans(b *strings.Builder, spans []authorSpan, credits []credit) {
	for _, s := range spans {
		var c credit
		if s.Credit >= 0 && s.Credit < len(credits) {
			c = credits[s.Credit]
		}
		var who strings.Builder
		if c.Author == "" {
			who.WriteString("an unknown editor")
		} else {
			htmlEscape(&who, c.Author)
		}
		credit := who.String() + ", " + c.Date.Format("2 Jan 2006") + ", revision " + strconv.FormatInt(c.Revision, 10)
		b.WriteString(`<span class="auth auth-p` + strconv.Itoa(c.Period%8) + `" tabindex="0" title="` + credit + `">`)
		htmlEscape(b, s.Text)
		b.WriteString(`<span class="auth-credit"> [` + credit + `]</span></span>`)
	}
}
