package normalize

import (
	"strings"

	"github.com/wikisite/wikisite/sync/wikitext"
)

// readable rewrites the shortcode lines the converter wrote (it lists
// them, with what each shows, in Result.Shortcodes) as a reader would name
// what they draw, so that a diff of a box's edit reads "Warning: This is a
// draft document!" rather than the Hugo call; closing lines and raw HTML
// markers, which show nothing, are dropped. It is for diffs only: the
// pages themselves keep the shortcodes.
func readable(r wikitext.Result) string {
	if len(r.Shortcodes) == 0 {
		return r.Markdown
	}
	shows := make(map[string]string, len(r.Shortcodes))
	for _, s := range r.Shortcodes {
		shows[s.Line] = s.Shows
	}
	lines := strings.Split(r.Markdown, "\n")
	out := lines[:0]
	for _, line := range lines {
		s, ok := shows[line]
		switch {
		case !ok:
			out = append(out, line)
		case s != "":
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}
