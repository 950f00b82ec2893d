package worddiff

import (
	"fmt"
	"strings"
)

// Apply rebuilds the new text from the old text and a diff of it, checking
// that the diff's Equal and Delete spans spell old. It exists to test diffs:
// Apply(old, Words(old, new)) returns new.
func Apply(old string, spans []Span) (string, error) {
	var out strings.Builder
	pos := 0
	for i, s := range spans {
		switch s.Op {
		case Equal, Delete:
			if !strings.HasPrefix(old[pos:], s.Text) {
				return "", fmt.Errorf("span %d (%s %q) does not match the old text at byte %d", i, s.Op, s.Text, pos)
			}
			pos += len(s.Text)
			if s.Op == Equal {
				out.WriteString(s.Text)
			}
		case Insert:
			out.WriteString(s.Text)
		default:
			return "", fmt.Errorf("span %d: unknown op %d", i, s.Op)
		}
	}
	if pos != len(old) {
		return "", fmt.Errorf("spans end at byte %d of the old text's %d", pos, len(old))
	}
	return out.String(), nil
}

// Texts returns the old and new texts a diff spells: its Equal and Delete
// spans, and its Equal and Insert spans.
func Texts(spans []Span) (old, new string) {
	var o, n strings.Builder
	for _, s := range spans {
		if s.Op != Insert {
			o.WriteString(s.Text)
		}
		if s.Op != Delete {
			n.WriteString(s.Text)
		}
	}
	return o.String(), n.String()
}
