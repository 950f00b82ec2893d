package personadiff

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes r as GitHub-flavoured Markdown, for a pull request
// or a job summary: a heading, a table of the personas that changed, then
// per persona its field changes and section diffs with <del> and <ins>.
// Wiki text is escaped, so nothing in it becomes a link, markup or HTML.
func WriteMarkdown(w io.Writer, r Report) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "### %s: %s → %s\n\n", md(r.Page), md(r.From.String()), md(r.To.String()))
	if r.Diff.Empty() {
		b.WriteString("No changes.\n")
	}
	if len(r.Personas) > 0 {
		b.WriteString("| Persona | Change | Fields | Sections |\n|---|---|---|---|\n")
		for _, p := range r.Personas {
			fmt.Fprintf(b, "| %s | %s | %d | %d |\n", md(p.Name), md(describe(p)), len(p.Fields), len(p.Sections))
		}
	}
	for _, p := range r.Personas {
		fmt.Fprintf(b, "\n#### %s (%s)\n\n", md(p.Name), md(describe(p)))
		for _, f := range p.Fields {
			fmt.Fprintf(b, "- **%s:** %s → %s\n", md(f.Label), mdValue(f.Old, "del"), mdValue(f.New, "ins"))
		}
		for _, s := range p.Sections {
			fmt.Fprintf(b, "- **%s** (%s): %s\n", md(s.Title), s.Change, mdSpans(s.Diff))
		}
	}
	for _, s := range r.Text {
		fmt.Fprintf(b, "\n#### %s (%s)\n\n%s\n", md(s.Title), s.Change, mdSpans(s.Diff))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdValue(s, tag string) string {
	if s == "" {
		return "*(none)*"
	}
	return "<" + tag + ">" + md(s) + "</" + tag + ">"
}

func mdSpans(spans []Span) string {
	var b strings.Builder
	for i, s := range spans {
		switch s.Op {
		case "equal":
			b.WriteString(md(elide(s.Text, i == 0, i == len(spans)-1)))
		case "delete":
			b.WriteString("<del>" + md(s.Text) + "</del>")
		case "insert":
			b.WriteString("<ins>" + md(s.Text) + "</ins>")
		}
	}
	return strings.TrimSpace(b.String())
}

// md escapes text for Markdown: every ASCII punctuation character gets a
// backslash (CommonMark makes any of them literal that way, < and & too), and
// line breaks become spaces, so the text stays inside its list item or cell.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
