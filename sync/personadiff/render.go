package personadiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Report is a Diff with the two versions it is between: what `wikisite
// diff --format json` writes (the schema is this type's JSON).
type Report struct {
	Page    string  `json:"page"`
	From    Version `json:"from"`
	To      Version `json:"to"`
	Changed bool    `json:"changed"`
	Diff
}

// Version names one side of a Report.
type Version struct {
	// Name is how it was asked for: a meeting's date, "latest" or "r123".
	Name string `json:"name"`
	// Revision is the page's revision id at that version; 0 when the page
	// did not exist yet.
	Revision  int64     `json:"revision"`
	Timestamp time.Time `json:"timestamp,omitzero"`
	// Draft is set for a draft: text not on the wiki (Revision is 0).
	Draft bool `json:"draft,omitempty"`
}

func (v Version) String() string {
	if v.Draft {
		return v.Name + " (not on the wiki)"
	}
	if v.Revision == 0 {
		return v.Name + " (no revision yet)"
	}
	if v.Name == fmt.Sprintf("r%d", v.Revision) {
		return fmt.Sprintf("r%d, %s", v.Revision, v.Timestamp.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return fmt.Sprintf("%s (r%d, %s)", v.Name, v.Revision, v.Timestamp.UTC().Format("2006-01-02 15:04 UTC"))
}

// WriteJSON writes r as indented JSON.
func WriteJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Style says how WriteText marks insertions and deletions.
type Style struct {
	// Color uses terminal colours (red deleted, green inserted) instead of
	// git's plain word-diff markers [-deleted-] and {+inserted+}.
	Color bool
}

// ANSI colours; only when Style.Color.
const (
	red, green, bold, reset = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"
)

// context is how many characters of unchanged text a word diff keeps on
// each side of a change; longer runs are cut in the middle with "…".
const context = 80

// WriteText writes r for a terminal: a header, then per persona a line
// (+ added, - removed, ~ changed or renamed), its field changes, and the word
// diff of each changed section.
func WriteText(w io.Writer, r Report, st Style) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s: %s → %s\n", r.Page, r.From, r.To)
	if r.Diff.Empty() {
		b.WriteString("no changes\n")
	}
	for _, p := range r.Personas {
		mark := map[string]string{Added: "+", Removed: "-"}[p.Change]
		if mark == "" {
			mark = "~"
		}
		fmt.Fprintf(b, "\n%s %s (%s): %s\n", st.wrap(bold, mark), st.wrap(bold, p.Name), p.Slug, describe(p))
		for _, f := range p.Fields {
			fmt.Fprintf(b, "    %s: %s → %s\n", f.Label, st.wrap(red, orNone(f.Old)), st.wrap(green, orNone(f.New)))
		}
		for _, s := range p.Sections {
			fmt.Fprintf(b, "    § %s (%s)\n      %s\n", s.Title, s.Change, st.spans(s.Diff))
		}
	}
	for _, s := range r.Text {
		fmt.Fprintf(b, "\n%s (%s)\n  %s\n", st.wrap(bold, s.Title), s.Change, st.spans(s.Diff))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describe(p Persona) string {
	switch {
	case p.Change == Renamed && p.OldName != "":
		return fmt.Sprintf("renamed from %q (%s)", p.OldName, p.OldSlug)
	case p.Change == Renamed:
		return "renamed from " + p.OldSlug
	}
	return p.Change
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (st Style) wrap(color, s string) string {
	if !st.Color {
		return s
	}
	return color + s + reset
}

// spans renders a word diff on one line per paragraph of the new text.
func (st Style) spans(spans []Span) string {
	var b strings.Builder
	for i, s := range spans {
		text := s.Text
		switch s.Op {
		case "equal":
			b.WriteString(elide(text, i == 0, i == len(spans)-1))
		case "delete":
			if st.Color {
				b.WriteString(red + text + reset)
			} else {
				b.WriteString("[-" + text + "-]")
			}
		case "insert":
			if st.Color {
				b.WriteString(green + text + reset)
			} else {
				b.WriteString("{+" + text + "+}")
			}
		}
	}
	return strings.ReplaceAll(strings.TrimSpace(b.String()), "\n", "\n      ")
}

// elide shortens an unchanged run to context characters next to each
// change (only the side that touches one, at the ends).
func elide(s string, first, last bool) string {
	r := []rune(s)
	keepHead, keepTail := context, context
	if first {
		keepHead = 0
	}
	if last {
		keepTail = 0
	}
	if len(r) <= keepHead+keepTail+1 {
		return s
	}
	return string(r[:keepHead]) + "…" + string(r[len(r)-keepTail:])
}
