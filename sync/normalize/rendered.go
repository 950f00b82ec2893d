package normalize

import (
	"maps"
	"slices"
	"strconv"
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
	return b.rendered.get("parts", sectionHeadingOffset, in, func() []string {
		out := make([]string, len(ps))
		for i, d := range docdiff.CompareParts(in) {
			if d.Changed() {
				out[i] = d.HTML(docdiff.Options{HeadingOffset: sectionHeadingOffset, Context: renderedContext})
			}
		}
		return out
	}), nil
}

// renderDocDiff is the HTML of two converted documents' diff; "" when a
// reader would see no difference.
func (b *versions) renderDocDiff(old, cur docdiff.Doc, headingOffset int) string {
	return b.rendered.get("doc", headingOffset, []docdiff.Part{{Old: old, New: cur}}, func() []string {
		d := docdiff.Compare(old, cur)
		if !d.Changed() {
			return []string{""}
		}
		return []string{d.HTML(docdiff.Options{HeadingOffset: headingOffset, Context: renderedContext})}
	})[0]
}

// renderedDiffs keeps the rendered diffs of converted documents in the
// disk cache. They are most of a build's work after the diffs between
// revisions (the meeting pages compare every section of two versions,
// the compare pages every pair of versions), and after one new revision
// only the pairs with the latest version change. The HTML depends only on
// the documents it compares, the heading offset and the code (in the
// setting key), so the key hashes those: a conversion that could not be
// cached, say, still gives a document whose diff can.
type renderedDiffs struct {
	setting cacheKey
	disk    *diskCache
	rep     *Report
	memo    map[cacheKey][]string // this Write's, computed or read
}

func newRenderedDiffs(conv *converter) *renderedDiffs {
	return &renderedDiffs{setting: conv.keys.setting, disk: conv.disk, rep: conv.rep, memo: map[cacheKey][]string{}}
}

// get returns the rendering of parts by kind ("parts" for
// docdiff.CompareParts, "doc" for docdiff.Compare), from the cache or
// from render.
func (r *renderedDiffs) get(kind string, headingOffset int, parts []docdiff.Part, render func() []string) []string {
	k := r.key(kind, headingOffset, parts)
	if out, ok := r.memo[k]; ok {
		return out
	}
	var out []string
	if r.disk.get(k, &out) && len(out) == len(parts) {
		r.rep.Work.CacheHits++
	} else {
		out = render()
		r.rep.Work.RenderedDiffs++
		r.disk.put(k, out)
	}
	r.memo[k] = out
	return out
}

func (r *renderedDiffs) key(kind string, headingOffset int, parts []docdiff.Part) cacheKey {
	in := [][]byte{[]byte("rendered-diff"), []byte(kind), r.setting[:],
		[]byte(strconv.Itoa(headingOffset)), []byte(strconv.Itoa(renderedContext)), []byte(strconv.Itoa(len(parts)))}
	doc := func(d docdiff.Doc) {
		in = append(in, []byte(d.Markdown), []byte(strconv.Itoa(len(d.Shortcodes))))
		for _, name := range slices.Sorted(maps.Keys(d.Shortcodes)) {
			in = append(in, []byte(name), []byte(d.Shortcodes[name]))
		}
	}
	for _, p := range parts {
		in = append(in, []byte(p.Name), []byte(p.Title))
		doc(p.Old)
		doc(p.New)
	}
	return newKey(in...)
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
