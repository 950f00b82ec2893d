package normalize

import (
	"time"

	"github.com/wikisite/wikisite/sync/docdiff"
)

// sectionHeadingOffset places a section diff's headings under the
// meeting page's <h4> for the section: the document's "# Personas" is an
// <h5> there.
const sectionHeadingOffset = 4

// renderedContext is how many unchanged blocks a rendered diff keeps on
// each side of a change.
const renderedContext = 2

// renderedDiff converts two wikitexts (each with templates as they stood
// at its own time) and renders their structural diff as HTML, for
// readers; the source diff (blocks) stays for editors. The conversions are
// the ones the pages themselves keep, so a warm build reads them back.
func (b *versions) renderedDiff(oldText, newText string, oldAt, newAt time.Time, headingOffset int) (string, error) {
	oldMD, err := b.mdOrEmpty(oldText, oldAt)
	if err != nil {
		return "", err
	}
	newMD, err := b.mdOrEmpty(newText, newAt)
	if err != nil {
		return "", err
	}
	return renderMarkdownDiff(oldMD, newMD, headingOffset), nil
}

// renderMarkdownDiff is the HTML of two converted texts' diff; "" when a
// reader would see no difference.
func renderMarkdownDiff(oldMD, newMD string, headingOffset int) string {
	d := docdiff.Compare(oldMD, newMD)
	if !d.Changed() {
		return ""
	}
	return d.HTML(docdiff.Options{HeadingOffset: headingOffset, Context: renderedContext})
}

func (b *versions) mdOrEmpty(text string, at time.Time) (string, error) {
	if text == "" {
		return "", nil
	}
	return b.conv.markdown(text, at)
}
