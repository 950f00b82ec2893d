package docdiff

import "strings"

// Kind is what a Block is in the document.
type Kind int

// The kinds of Block.
const (
	Paragraph Kind = iota
	Heading        // Level is 1–6
	Item           // a list item; Level is its depth, 1 at the top
	Row            // a table row; Cells holds its cells
	Box            // a box shortcode; Name is its name, Runs its title
	Code           // a code or preformatted block
	Rule           // a thematic break
)

// String returns the kind's name, for tests and debugging.
func (k Kind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case Heading:
		return "heading"
	case Item:
		return "item"
	case Row:
		return "row"
	case Box:
		return "box"
	case Code:
		return "code"
	case Rule:
		return "rule"
	}
	return "kind(?)"
}

// Style is how a run of text is marked up.
type Style struct {
	Strong, Em, Code, Strike bool
	Href                     string // the link target; "" outside links
}

// Run is text in one style. Text is what a reader sees: entities and
// backslash escapes are resolved.
type Run struct {
	Text  string
	Style Style
}

// Cell is one cell of a table row.
type Cell struct {
	Header bool
	Runs   []Run
}

// Block is one block of a document.
type Block struct {
	Kind    Kind
	Level   int    // Heading: 1–6; Item: depth from 1
	Ordered bool   // Item: in a numbered list
	Name    string // Box: its name as shown, e.g. "Warning"
	Table   int    // Row: which table of the document, from 1
	InBox   bool   // inside a box's body
	Runs    []Run  // the inline content (a Box's title); not for Row
	Cells   []Cell // Row only
}

// Text is the block's visible text; a row's cells are joined by tabs.
func (b *Block) Text() string {
	if b.Kind != Row {
		return runsText(b.Runs)
	}
	parts := make([]string, len(b.Cells))
	for i, c := range b.Cells {
		parts[i] = runsText(c.Runs)
	}
	return strings.Join(parts, "\t")
}

func runsText(runs []Run) string {
	var sb strings.Builder
	for _, r := range runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// appendRun adds text in style st, joining it to the last run when the
// style is the same so that equal documents give equal runs.
func appendRun(runs []Run, text string, st Style) []Run {
	if text == "" {
		return runs
	}
	if n := len(runs); n > 0 && runs[n-1].Style == st {
		runs[n-1].Text += text
		return runs
	}
	return append(runs, Run{Text: text, Style: st})
}

// trimRuns removes leading and trailing whitespace and collapses inner
// whitespace runs to one space: a reader sees no difference, and line
// breaks in the source would otherwise be word changes.
func trimRuns(runs []Run) []Run {
	var out []Run
	space := true // at the start, drop leading space
	for _, r := range runs {
		var sb strings.Builder
		for _, c := range r.Text {
			if isSpace(c) {
				if !space {
					sb.WriteByte(' ')
				}
				space = true
				continue
			}
			sb.WriteRune(c)
			space = false
		}
		out = appendRun(out, sb.String(), r.Style)
	}
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

func isSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xa0
}
