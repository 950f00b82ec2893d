package normalize

import (
	"time"

	"github.com/wikisite/wikisite/sync/docdiff"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// sectionHeadingOffset places a section diff's headings under the
// meeting page's <h4> for the section: the document's "# Personas" is an
// <h5> there.
const sectionHeadingOffset = 4

// renderedContext is how many unchanged blocks a rendered diff keeps on
// each side of a change.
const renderedContext = 2

// renderedParts converts the parts' two wikitexts (each with templates
// as they stood at its own time) and renders their structural diffs as
// HTML, for readers, "" for a part whose visible text is the same; the
// source diffs (blocks) stay for editors. The parts are compared together
// so that a block moved from one to another is shown once. The
// conversions are the ones the pages themselves keep, so a warm build
// reads them back.
func (b *versions) renderedParts(ps []part, oldAt, newAt time.Time) ([]string, error) {
	in := make([]docdiff.Part, len(ps))
	for i, p := range ps {
		old, err := b.docOf(p.old, oldAt)
		if err != nil {
			return nil, err
		}
		cur, err := b.docOf(p.new, newAt)
		if err != nil {
			return nil, err
		}
		in[i] = docdiff.Part{Name: p.persona, Title: p.title, Old: old, New: cur}
	}
	out := make([]string, len(ps))
	for i, d := range docdiff.CompareParts(in) {
		if d.Changed() {
			out[i] = d.HTML(docdiff.Options{HeadingOffset: sectionHeadingOffset, Context: renderedContext})
		}
	}
	return out, nil
}

// renderDocDiff is the HTML of two converted documents' diff; "" when a
// reader would see no difference.
func renderDocDiff(old, cur docdiff.Doc, headingOffset int) string {
	d := docdiff.Compare(old, cur)
	if !d.Changed() {
		return ""
	}
	return d.HTML(docdiff.Options{HeadingOffset: headingOffset, Context: renderedContext})
}

// docOf converts text for docdiff: its Markdown and the shortcode lines
// the converter wrote; an empty document for "".
func (b *versions) docOf(text string, at time.Time) (docdiff.Doc, error) {
	if text == "" {
		return docdiff.Doc{}, nil
	}
	r, err := b.conv.get(markdownKind, text, at, true)
	return docdiff.Doc{Markdown: r.Markdown, Shortcodes: addShortcodes(nil, r.Shortcodes)}, err
}

// addShortcodes adds a conversion's shortcode lines to m (made when nil).
func addShortcodes(m map[string]string, list []wikitext.Shortcode) map[string]string {
	if len(list) > 0 && m == nil {
		m = make(map[string]string, len(list))
	}
	for _, s := range list {
		m[s.Line] = s.Shows
	}
	return m
}
