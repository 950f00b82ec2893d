package normalize

import (
	"strings"

	"github.com/wikisite/wikisite/sync/wikitext"
)

// wikihtmlOpen is the line that starts a raw HTML block (see sync/wikitext).
const wikihtmlOpen = "{{< wikihtml >}}"

// readable is a conversion as a reader sees it, line for line, for diffs.
// The shortcode lines the converter wrote (it lists them, with what each
// shows, in Result.Shortcodes) become what they draw, so that a diff of a
// box's edit reads "Warning: This is a draft document!" rather than the
// Hugo call; closing lines and raw HTML markers, which show nothing, are
// dropped. Every other line becomes the text it renders as (see
// shownLine): Markdown escapes and marks, and the tags of a raw HTML
// block, are for the renderer, not the reader. The pages themselves keep
// the Markdown.
func readable(r wikitext.Result) string { return (*shownLines)(nil).readable(r) }

// readable is readable(r) with each line's text taken from s when an
// earlier revision had the same line.
func (s *shownLines) readable(r wikitext.Result) string {
	shows := make(map[string]string, len(r.Shortcodes))
	for _, sc := range r.Shortcodes {
		shows[sc.Line] = sc.Shows
	}
	lines := strings.Split(r.Markdown, "\n")
	out := make([]string, 0, len(lines))
	inHTML := false
	for _, line := range lines {
		if shown, ok := shows[line]; ok {
			inHTML = line == wikihtmlOpen
			if shown != "" {
				out = append(out, shown)
			}
			continue
		}
		if text, ok := s.line(line, inHTML); ok {
			out = append(out, text)
		}
	}
	return strings.Join(out, "\n")
}
