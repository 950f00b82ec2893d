// Package wikitext converts MediaWiki wikitext into Hugo Markdown.
//
// It holds the converter only: a pure function from text to Markdown plus
// diagnostics. It does no I/O and calls nothing back: the templates a text
// may transclude come in Options as data, and Result lists which ones it
// looked up. It never fails and never panics; input it cannot make sense
// of is rendered visibly and reported as a Diagnostic.
//
// The conversion runs in MediaWiki's order. The preprocessor (preprocess.go,
// templates.go, parserfuncs.go) removes comments, protects <nowiki> and <pre>
// content behind strip markers and expands templates and parser functions.
// The block parser (blocks.go, headings.go, lists.go, tables.go) and the
// inline parser (inline.go, links.go, tags.go) then build a small AST that
// render_md.go writes as Markdown and render_html.go writes as allow-listed
// HTML for the tables Markdown cannot express.
//
// We write our own converter because no Go library covers wikitext well:
// wikitext has no grammar (MediaWiki defines it by its PHP parser's
// behaviour: apostrophe runs, template argument splitting, table and list
// line rules), the Go packages that exist handle a subset (often links and
// headings only) or target plain text, and none of them produce output that
// is safe to feed to Hugo, whose shortcode syntax ({{< >}}, {{% %}}) and
// goldmark's Markdown must both be neutralised in wiki text.
//
// The package does not fetch pages, images or templates, does not know
// which pages are mirrored (Options.Link decides URLs) and does not write
// front matter.
package wikitext
