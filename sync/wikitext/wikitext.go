package wikitext

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wikisite/wikisite/sync/pagename"
)

// Options controls a conversion. The zero value converts with no templates,
// no shortcodes and links relative to the wiki root.
type Options struct {
	// Shortcodes maps a template name (without "Template:"; first letter
	// case-insensitive; spaces == underscores, e.g. "Admon/note") to a Hugo
	// shortcode name.
	Shortcodes map[string]string
	// Templates holds the wikitext of the pages the text may transclude
	// (templates, and pages transcluded as {{:Page}}) as they stood at the
	// revision's time, by canonical title (sync/pagename), e.g.
	// "Template:Admon/note". A page not here is shown as MediaWiki shows a
	// missing one and listed in Result.Missing. nil = none available.
	Templates map[string]string
	// Files holds the files the text may show, as they stood at the
	// revision's time, by canonical title ("File:Name.png"). A title with
	// a Src is shown as an image; one with an empty Src (the wiki lacks
	// the file) as a visible placeholder linking the wiki's file page.
	// nil = files are not mirrored: every file is a link to its page, as
	// MediaWiki shows a missing file.
	Files map[string]File
	// Link turns an internal link target (normalized title: first letter
	// upper, underscores→spaces, no fragment) into a URL; nil or an empty
	// result = link to WikiURL.
	Link func(title string) string
	// WikiURL is the wiki article base, e.g. "https://fedoraproject.org/wiki/";
	// used for links to pages we do not mirror, File: pages and placeholders.
	WikiURL string
	// MaxDepth is the template expansion depth limit (default 40).
	MaxDepth int
	// MaxSize is the expanded-text size limit in bytes (default 2 MiB, or
	// 4×len(input) if larger).
	MaxSize int
	// Page is the title of the page converted, e.g. "Server/Personas";
	// PAGENAME and its kin follow from it. Empty = those magic words have
	// no value and show as placeholders.
	Page string
	// Revision is the revision converted; REVISIONID, REVISIONUSER and the
	// REVISION* and CURRENT* dates follow from it, so an old revision
	// renders as it did then. The zero value = no revision context.
	Revision Revision
}

// Revision is what the magic words need to know of a revision.
type Revision struct {
	ID        int64
	Timestamp time.Time
	User      string
}

// File is one file Options.Files offers.
type File struct {
	// Src is the URL the site serves the file at; "" when the wiki has
	// no such file.
	Src string
}

// Result is the outcome of Convert.
type Result struct {
	// Markdown is the converted page, ending in a newline unless empty.
	Markdown string
	// Categories lists the normalized names from [[Category:X]] links, in
	// order of first appearance; they are not rendered inline.
	Categories []string
	// Magic lists the behaviour switches seen, e.g. "NOTOC".
	Magic []string
	// Diagnostics reports what the converter could not render faithfully.
	Diagnostics []Diagnostic
	// DisplayTitle is the plain text of {{DISPLAYTITLE:…}}, "" if none.
	DisplayTitle string
	// TOC says whether MediaWiki would show a table of contents: four or
	// more headings, or __TOC__/__FORCETOC__, and no __NOTOC__.
	TOC bool
	// Shortcodes lists the lines of Markdown that are shortcode calls the
	// converter wrote, each once, in order of first appearance, so a
	// caller can show them as a reader sees them without parsing them
	// back. Text never produces such a line: it is escaped.
	Shortcodes []Shortcode
	Lookups
}

// Shortcode is one line of a shortcode call in Result.Markdown.
type Shortcode struct {
	// Line is the whole line, e.g. `{{% warning title="Draft" %}}`.
	Line string
	// Shows is what a reader sees of it: a box's name and title
	// ("Warning: Draft"); "" for a closing line or a raw HTML block's
	// markers, which show nothing.
	Shows string
}

// Lookups says which pages a conversion asked Options.Templates for, so a
// caller can tell which page revisions the result depends on and report
// the missing ones in its own words.
type Lookups struct {
	// Pages lists every title looked up, found or not, in the order of
	// first lookup.
	Pages []string
	// Missing lists the titles not found, once per lookup, in order.
	Missing []string
	// Page reports that the text asked for the page or revision (a
	// magic word such as {{PAGENAME}}, or #time without a date), so the
	// result depends on Options.Page and Options.Revision; a result
	// without it is the same whatever they are.
	Page bool
}

// PlainResult is the outcome of Plain.
type PlainResult struct {
	// Text is what a reader sees (see PlainText).
	Text string
	Lookups
}

// Diagnostic is a problem found in the input. Line is 1-based; for text
// produced by template expansion it is the line in the expanded text, and 0
// when the text came from a template argument (its position is unknown).
type Diagnostic struct {
	Line    int
	Message string
}

const (
	defaultMaxDepth = 40
	defaultMaxSize  = 2 << 20
)

// Convert turns wikitext into Hugo Markdown. It never fails: anything it
// cannot convert is shown as text and reported in Result.Diagnostics.
func Convert(src string, opts Options) Result {
	c := newConverter(src, opts)
	var md strings.Builder
	md.Grow(len(src) + len(src)/8)
	r := mdRenderer{c}
	headings := 0
	c.walkDocument(src, func(b block) {
		if _, ok := b.(*heading); ok {
			headings++
		}
		if s := r.block(b); s != "" {
			if md.Len() > 0 {
				md.WriteString("\n\n")
			}
			md.WriteString(s)
		}
	})
	if md.Len() > 0 {
		md.WriteString("\n")
	}
	return Result{
		Markdown:     md.String(),
		Categories:   c.categories,
		Magic:        c.magic,
		Diagnostics:  c.diags,
		Shortcodes:   c.written,
		Lookups:      c.lookups,
		DisplayTitle: c.displayTitle,
		TOC:          showTOC(c.magic, headings),
	}
}

// PlainText returns the visible text of a wikitext fragment: markup removed,
// links replaced by their text, entities decoded and whitespace (no-break
// spaces included) collapsed to single spaces.
func PlainText(src string, opts Options) string {
	return Plain(src, opts).Text
}

// Plain is PlainText that also says which pages it looked up.
func Plain(src string, opts Options) PlainResult {
	c := newConverter(src, opts)
	var b strings.Builder
	c.walkDocument(src, func(bl block) {
		writePlainBlock(c, &b, bl)
		b.WriteByte('\n')
	})
	return PlainResult{Text: collapseSpace(b.String()), Lookups: c.lookups}
}

// converter holds the state of one conversion; it is never shared.
type converter struct {
	opts         Options
	shortcodes   map[string]string
	tokens       []token
	categories   []string
	magic        []string
	diags        []Diagnostic
	lookups      Lookups
	written      []Shortcode
	looked       map[string]bool // lookups.Pages as a set
	budget       int             // bytes template expansion may still produce
	overflow     bool            // budget exhausted; reported once
	extLinks     int             // counter for [url] numbering
	displayTitle string
	probe        bool // a converter that only tells which names pageVariable knows
	noClose      map[string]int
	slab         nodeSlab // tag name → offset after which no closing tag exists
}

func newConverter(src string, opts Options) *converter {
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = defaultMaxDepth
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = max(defaultMaxSize, 4*len(src))
	}
	c := &converter{opts: opts, budget: opts.MaxSize}
	if len(opts.Shortcodes) > 0 {
		c.shortcodes = make(map[string]string, len(opts.Shortcodes))
		for k, v := range opts.Shortcodes {
			c.shortcodes[pagename.Canonical(k)] = v
		}
	}
	return c
}

// walkDocument runs the preprocessor, then parses block by block.
func (c *converter) walkDocument(src string, emit func(block)) {
	src = sanitizeInput(src)
	src = pageInclusion(src)
	expanded := c.refs(c.galleries(c.expandPage(src)))
	expanded = c.stripMagic(expanded)
	c.walkBlocks(expanded, 1, emit)
}

// sanitizeInput normalizes line endings, replaces invalid UTF-8 and removes
// the private-use characters the converter uses for strip markers.
func sanitizeInput(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.Contains(s, markOpen) || strings.Contains(s, markClose) || strings.IndexByte(s, 0) >= 0 {
		s = strings.NewReplacer(markOpen, "\uFFFD", markClose, "\uFFFD", "\x00", "\uFFFD").Replace(s)
	}
	return s
}

func (c *converter) diag(line int, msg string) {
	if len(c.diags) < 1000 { // a hostile page must not produce unbounded reports
		c.diags = append(c.diags, Diagnostic{Line: line, Message: msg})
	}
}

// template returns the text of page (a canonical title) from
// Options.Templates and records the lookup.
func (c *converter) template(page string) (string, bool) {
	if !c.looked[page] {
		if c.looked == nil {
			c.looked = map[string]bool{}
		}
		c.looked[page] = true
		c.lookups.Pages = append(c.lookups.Pages, page)
	}
	text, ok := c.opts.Templates[page]
	if !ok {
		c.lookups.Missing = append(c.lookups.Missing, page)
	}
	return text, ok
}

// shortcodeLine records a shortcode line the renderer wrote.
func (c *converter) shortcodeLine(line, shows string) {
	for _, s := range c.written {
		if s.Line == line {
			return
		}
	}
	c.written = append(c.written, Shortcode{Line: line, Shows: shows})
}

func (c *converter) addCategory(name string) {
	for _, x := range c.categories {
		if x == name {
			return
		}
	}
	c.categories = append(c.categories, name)
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
