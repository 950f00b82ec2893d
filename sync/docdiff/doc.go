// Package docdiff compares two versions of a converted document by its
// structure and renders the comparison as the document itself.
//
// Parse reads a Doc, the Markdown that sync/wikitext writes and the list
// of its shortcode lines with what each shows (wikitext.Result.Shortcodes),
// into a flat list of blocks: headings with their level, paragraphs, list
// items with their depth, table rows with their cells, and boxes
// ({{% warning title="…" %}}) as named blocks. Markdown is read with
// goldmark, the parser Hugo renders it with; the raw HTML between a
// {{< wikihtml >}} call's lines with golang.org/x/net/html. Compare aligns the two block lists with a sequence diff over
// block keys (kind and visible text), pairs the blocks that were edited,
// recognises blocks that moved, and diffs the words inside each edited block
// with sync/worddiff. A change of markup only (a link target, bold) is named
// in words. HTML renders the result as safe HTML: headings as headings,
// items in lists, cells in their table, links as links, with <ins> and <del>
// labelled for screen readers.
//
// The package is pure: strings in, a Diff and HTML out, no I/O, no state,
// and it never fails; text it cannot place is shown as a paragraph. It
// does not know which pages exist, does not read the archive and does not
// diff the Markdown source (sync/worddiff does, for the source view).
//
// We parse with goldmark rather than by hand so a diff sees the blocks and
// inline marks Hugo will render; nothing in goldmark or elsewhere aligns two
// documents by block, so that part (align.go) is ours.
package docdiff
