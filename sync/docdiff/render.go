package docdiff

import (
	"html"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/worddiff"
)

// Options shape the HTML of a Diff.
type Options struct {
	// HeadingOffset is added to every heading's level (capped at 6), so a
	// diff shown under an <h4> passes 4 and its "# Personas" is an <h5>.
	HeadingOffset int
	// Context is how many unchanged blocks are kept on each side of a
	// change; the rest are counted in a line of their own. Negative keeps
	// every block.
	Context int
}

// HTML renders the diff as the document itself, with <ins> and <del>
// around what changed. Every string from the documents is escaped; the
// only tags are the ones written here, with class attributes and hrefs
// whose scheme is http, https or mailto (or none).
//
// The classes: the whole diff is div.rdiff; each block carries
// rdiff-same, -added, -removed, -changed, -moved or -moved-away;
// span.rdiff-label says where a moved block came from (or, at its old
// place in another part, where it went, before span.rdiff-gone quoting it), span.rdiff-note names a markup change,
// p.rdiff-elided counts the unchanged blocks left out, and
// span.visually-hidden holds the "added:"/"removed:" labels screen readers
// hear.
func (d Diff) HTML(o Options) string {
	r := &renderer{o: o}
	r.sb.WriteString("<div class=\"rdiff\">\n")
	keep := d.keep(o.Context)
	elided := 0
	for i := range d.Entries {
		if !keep[i] {
			elided++
			continue
		}
		r.elided(elided)
		elided = 0
		r.entry(&d.Entries[i])
	}
	r.elided(elided)
	r.closeAll()
	r.sb.WriteString("</div>\n")
	return r.sb.String()
}

// keep marks the entries shown: every change, and context unchanged
// entries on each side of one.
func (d Diff) keep(context int) []bool {
	keep := make([]bool, len(d.Entries))
	for i, e := range d.Entries {
		if context < 0 || e.Op != Same {
			keep[i] = true
			continue
		}
		for k := max(0, i-context); k <= min(len(d.Entries)-1, i+context); k++ {
			if d.Entries[k].Op != Same {
				keep[i] = true
				break
			}
		}
	}
	return keep
}

type listFrame struct {
	ordered bool
	liOpen  bool
}

type renderer struct {
	o      Options
	sb     strings.Builder
	lists  []listFrame
	table  bool
	oldTab int // the open table's number in each document
	newTab int
}

func (r *renderer) elided(n int) {
	if n == 0 {
		return
	}
	r.closeAll()
	word := " unchanged blocks"
	if n == 1 {
		word = " unchanged block"
	}
	r.sb.WriteString("<p class=\"rdiff-elided\">" + strconv.Itoa(n) + word + " not shown</p>\n")
}

func (r *renderer) entry(e *Entry) {
	b := e.New
	if b == nil {
		b = e.Old
	}
	class := "rdiff-" + e.Op.String()
	if b.InBox {
		class += " rdiff-inbox"
	}
	switch b.Kind {
	case Item:
		r.item(b.Level, b.Ordered, class)
		r.content(e, e.oldRuns(), e.newRuns(), e.Words)
		r.notes(e.Notes)
		return
	case Row:
		r.row(e, class)
		return
	}
	r.closeAll()
	tag := "p"
	switch b.Kind {
	case Heading:
		tag = "h" + strconv.Itoa(min(6, max(1, b.Level+r.o.HeadingOffset)))
	case Code:
		tag = "pre"
	case Rule:
		r.sb.WriteString("<hr class=\"" + class + "\">\n")
		return
	case Box:
		class += " rdiff-box rdiff-box-" + boxClass(b.Name)
	}
	r.sb.WriteString("<" + tag + " class=\"" + class + "\">")
	if b.Kind == Box {
		r.sb.WriteString("<span class=\"rdiff-boxname\">" + html.EscapeString(boxLabel(b.Name)) + ":</span> ")
	}
	r.content(e, e.oldRuns(), e.newRuns(), e.Words)
	r.notes(e.Notes)
	r.sb.WriteString("</" + tag + ">\n")
}

func (e *Entry) oldRuns() []Run {
	if e.Old == nil {
		return nil
	}
	return e.Old.Runs
}

func (e *Entry) newRuns() []Run {
	if e.New == nil {
		return nil
	}
	return e.New.Runs
}

// content writes one block's or cell's text with its changes marked.
func (r *renderer) content(e *Entry, old, new []Run, spans []worddiff.Span) {
	if e.Op == Moved && e.From != "" {
		r.sb.WriteString("<span class=\"rdiff-label\">Moved here from " + html.EscapeString(e.From) + ":</span> ")
	}
	switch e.Op {
	case MovedAway:
		if e.To != "" {
			r.sb.WriteString("<span class=\"rdiff-label\">Moved to " + html.EscapeString(e.To) + ":</span> ")
		}
		r.sb.WriteString("<span class=\"rdiff-gone\">" + html.EscapeString(clip(runsText(old))) + "</span>")
		return
	case Added:
		r.mark("ins", "added: ", new, 0, len(runsText(new)))
		return
	case Removed:
		r.mark("del", "removed: ", old, 0, len(runsText(old)))
		return
	}
	oi, ni := 0, 0
	for _, s := range spans {
		n := len(s.Text)
		switch s.Op {
		case worddiff.Equal:
			r.runs(new, ni, ni+n)
			oi, ni = oi+n, ni+n
		case worddiff.Delete:
			r.mark("del", "removed: ", old, oi, oi+n)
			oi += n
		case worddiff.Insert:
			r.mark("ins", "added: ", new, ni, ni+n)
			ni += n
		}
	}
}

func (r *renderer) mark(tag, label string, runs []Run, from, to int) {
	if from >= to {
		return
	}
	r.sb.WriteString("<" + tag + "><span class=\"visually-hidden\">" + label + "</span>")
	r.runs(runs, from, to)
	r.sb.WriteString("</" + tag + ">")
}

// runs writes the text between byte offsets from and to of the runs'
// joined text, each piece in its style's tags.
func (r *renderer) runs(runs []Run, from, to int) {
	at := 0
	for _, run := range runs {
		start, end := at, at+len(run.Text)
		at = end
		lo, hi := max(from, start), min(to, end)
		if lo >= hi {
			continue
		}
		r.styled(run.Style, run.Text[lo-start:hi-start])
	}
}

func (r *renderer) styled(st Style, text string) {
	var open, close []string
	add := func(on bool, o, c string) {
		if on {
			open, close = append(open, o), append([]string{c}, close...)
		}
	}
	add(st.Href != "" && safeHref(st.Href), "<a href=\""+html.EscapeString(st.Href)+"\">", "</a>")
	add(st.Strong, "<strong>", "</strong>")
	add(st.Em, "<em>", "</em>")
	add(st.Code, "<code>", "</code>")
	add(st.Strike, "<s>", "</s>")
	r.sb.WriteString(strings.Join(open, "") + html.EscapeString(text) + strings.Join(close, ""))
}

// safeHref allows links without a scheme (relative ones) and the schemes
// a document links to; anything else (javascript:, data:) is shown as
// text without a link.
func safeHref(h string) bool {
	colon := strings.IndexByte(h, ':')
	if colon < 0 || strings.ContainsAny(h[:colon], "/?#") {
		return true
	}
	switch strings.ToLower(h[:colon]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func (r *renderer) notes(notes []string) {
	for _, n := range notes {
		r.sb.WriteString(" <span class=\"rdiff-note\">" + html.EscapeString(capitalise(n)) + ".</span>")
	}
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
