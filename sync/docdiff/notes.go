package docdiff

import (
	"fmt"
	"strings"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// markupNotes names the markup changes in the text both versions share:
// for each stretch of unchanged words whose style differs, one sentence.
func markupNotes(old, new []Run, spans []worddiff.Span) []string {
	oc, nc := runCursor{runs: old}, runCursor{runs: new}
	var notes []string
	var text strings.Builder
	var cur [2]Style
	have := false
	end := func() {
		if have {
			if t := squash(text.String()); t != "" {
				notes = append(notes, describe(cur[0], cur[1], t)...)
			}
		}
		text.Reset()
		have = false
	}
	for _, s := range spans {
		switch s.Op {
		case worddiff.Delete:
			oc.skip(len(s.Text))
			continue
		case worddiff.Insert:
			nc.skip(len(s.Text))
			continue
		}
		for left := len(s.Text); left > 0; {
			n := min(left, oc.rest(), nc.rest())
			if n <= 0 { // the runs are shorter than the text: not ours to explain
				break
			}
			os, ns := oc.style(), nc.style()
			piece := nc.take(n)
			oc.skip(n)
			left -= n
			if os == ns {
				end()
				continue
			}
			if have && cur != [2]Style{os, ns} {
				end()
			}
			cur, have = [2]Style{os, ns}, true
			text.WriteString(piece)
		}
	}
	end()
	return notes
}

// runCursor walks runs by byte offsets of their joined text.
type runCursor struct {
	runs []Run
	i    int // current run
	off  int // offset in it
}

func (c *runCursor) rest() int {
	for c.i < len(c.runs) && c.off >= len(c.runs[c.i].Text) {
		c.i, c.off = c.i+1, 0
	}
	if c.i >= len(c.runs) {
		return 0
	}
	return len(c.runs[c.i].Text) - c.off
}

func (c *runCursor) style() Style {
	if c.rest() == 0 {
		return Style{}
	}
	return c.runs[c.i].Style
}

func (c *runCursor) take(n int) string {
	c.rest()
	s := c.runs[c.i].Text[c.off : c.off+n]
	c.off += n
	return s
}

func (c *runCursor) skip(n int) {
	for n > 0 {
		r := c.rest()
		if r == 0 {
			return
		}
		k := min(n, r)
		c.off += k
		n -= k
	}
}

// describe says in words how text went from style o to style n.
func describe(o, n Style, text string) []string {
	q := "“" + clip(text) + "”"
	var out []string
	switch {
	case o.Href == n.Href:
	case o.Href == "":
		out = append(out, q+" now links to "+n.Href)
	case n.Href == "":
		out = append(out, "link removed from "+q+" (was "+o.Href+")")
	default:
		out = append(out, "link target of "+q+" changed to "+n.Href)
	}
	flag := func(was, is bool, on, off string) {
		switch {
		case is && !was:
			out = append(out, q+" "+on)
		case was && !is:
			out = append(out, off+" "+q)
		}
	}
	flag(o.Strong, n.Strong, "made bold", "bold removed from")
	flag(o.Em, n.Em, "made italic", "italic removed from")
	flag(o.Code, n.Code, "set as code", "code style removed from")
	flag(o.Strike, n.Strike, "struck through", "strike-through removed from")
	return out
}

// structureNotes names what changed about the block itself.
func structureNotes(o, n *Block) []string {
	var out []string
	switch {
	case o.Kind != n.Kind:
		out = append(out, "was "+article(o.Kind)+", now "+article(n.Kind))
	case o.Kind == Heading && o.Level != n.Level:
		out = append(out, fmt.Sprintf("heading level changed from %d to %d", o.Level, n.Level))
	case o.Kind == Item && o.Level < n.Level:
		out = append(out, fmt.Sprintf("indented from level %d to %d", o.Level, n.Level))
	case o.Kind == Item && o.Level > n.Level:
		out = append(out, fmt.Sprintf("outdented from level %d to %d", o.Level, n.Level))
	case o.Kind == Box && o.Name != n.Name:
		out = append(out, "box changed from "+boxLabel(o.Name)+" to "+boxLabel(n.Name))
	case o.Kind == Row && !sameHeaders(o.Cells, n.Cells):
		out = append(out, "header cells changed")
	}
	if o.Kind == Item && n.Kind == Item && o.Ordered != n.Ordered {
		if n.Ordered {
			out = append(out, "now in a numbered list")
		} else {
			out = append(out, "now in a bulleted list")
		}
	}
	if o.InBox != n.InBox {
		if n.InBox {
			out = append(out, "moved into a box")
		} else {
			out = append(out, "moved out of a box")
		}
	}
	return out
}

func sameHeaders(a, b []Cell) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].Header != b[i].Header {
			return false
		}
	}
	return true
}

func article(k Kind) string {
	switch k {
	case Heading:
		return "a heading"
	case Item:
		return "a list item"
	case Row:
		return "a table row"
	case Box:
		return "a box"
	case Code:
		return "a code block"
	case Rule:
		return "a rule"
	}
	return "a paragraph"
}

// boxLabel is how a box's name is shown; "Box" when it has none.
func boxLabel(name string) string {
	if name == "" {
		return "Box"
	}
	return name
}

// clip shortens text quoted in a note to a readable length.
func clip(s string) string {
	const most = 60
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return strings.TrimRight(string(r[:most-1]), " ") + "…"
}
