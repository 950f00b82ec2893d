// Package mwxml streams a MediaWiki XML export (Special:Export or
// dumpBackup.php, schema 0.10 and 0.11) page by page and revision by
// revision.
//
// It reads with encoding/xml's Decoder.Token: the standard library is the
// well-kept streaming XML parser for Go, it expands no DTD entities (so no
// entity bombs), and it lets a dump of any size, even a page with a huge
// history, pass through with one revision's text in memory at a time. Every
// revision's text is checked against its <sha1> and <text bytes=…>, titles
// that could not come from a wiki (and could misuse a file path) are
// rejected, and every error names the dump line, the page and the revision.
// The line is where the reader stood when it found the fault: for a text
// that fails its sha1, the end of that revision.
//
// The package knows nothing of the archive or of the API: it turns XML into
// Page and Revision values, and that is all. Uploads, restrictions,
// multi-slot <content> and other elements it does not need are skipped.
package mwxml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Schemas are the XML namespaces of the export formats the Reader accepts.
// Both versions share the page and revision elements read here.
var Schemas = []string{
	"http://www.mediawiki.org/xml/export-0.10/",
	"http://www.mediawiki.org/xml/export-0.11/",
}

// SiteInfo is the dump's <siteinfo>: which wiki it comes from.
type SiteInfo struct {
	SiteName   string
	Base       string // URL of the wiki's main page
	Namespaces []Namespace
}

// Namespace is one <namespace> of the siteinfo.
type Namespace struct {
	Key  int
	Case string // "first-letter" or "case-sensitive"
	Name string // "" for the main namespace
}

// Page is a <page> without its revisions.
type Page struct {
	Title    string
	NS       int
	ID       int64
	Redirect string // the redirect's target title, "" if the page is no redirect
}

// Reader reads a dump one page and one revision at a time. Call Next for a
// page, then NextRevision until io.EOF for its revisions; Next skips the
// revisions a caller leaves unread.
type Reader struct {
	dec      *xml.Decoder
	site     SiteInfo
	started  bool
	page     *Page // the current page, kept after it ends for error messages
	pageOpen bool  // the current page's </page> has not been read
	inRev    bool  // a <revision> start tag was read while reading the page header
	revID    int64 // the revision being read, for error messages
	err      error // sticky: after an error every call returns it
}

// NewReader returns a Reader of the dump r. It reads nothing yet.
func NewReader(r io.Reader) *Reader {
	return &Reader{dec: xml.NewDecoder(r)}
}

// SiteInfo returns the dump's <siteinfo>. It is read by the first call to
// Next, and is zero before that or when the dump has none.
func (r *Reader) SiteInfo() SiteInfo { return r.site }

// Read streams the dump r, calling fn once per revision, in dump order. It
// stops at the first error, from the dump or from fn, and returns it.
func Read(r io.Reader, fn func(*Page, *Revision) error) error {
	rd := NewReader(r)
	for {
		p, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		for {
			rev, err := rd.NextRevision()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if err := fn(p, rev); err != nil {
				return err
			}
		}
	}
}

// Next returns the next page's header, positioned before its first
// revision. It returns io.EOF after </mediawiki>.
func (r *Reader) Next() (*Page, error) {
	if r.err != nil {
		return nil, r.err
	}
	p, err := r.next()
	if err != nil {
		r.err = err
	}
	return p, err
}

func (r *Reader) next() (*Page, error) {
	if !r.started {
		if err := r.readRoot(); err != nil {
			return nil, err
		}
	}
	for r.pageOpen {
		if _, err := r.nextRevision(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
	}
	for {
		tok, err := r.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "siteinfo":
				if err := r.readSiteInfo(); err != nil {
					return nil, err
				}
			case "page":
				return r.readPageHeader()
			default:
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement: // </mediawiki>: the only end tag at this depth
			return nil, r.readTrailer()
		}
	}
}

// readRoot reads up to the <mediawiki> start tag and checks its schema.
func (r *Reader) readRoot() error {
	r.started = true
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			return r.errorf("empty dump: no <mediawiki> element")
		}
		if err != nil {
			return r.syntaxError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "mediawiki" {
				return r.errorf("root element is <%s>, want <mediawiki>: not a MediaWiki XML export", t.Name.Local)
			}
			for _, s := range Schemas {
				if t.Name.Space == s {
					return nil
				}
			}
			return r.errorf("unknown export schema %q: wikisite reads %s", t.Name.Space, strings.Join(Schemas, " and "))
		case xml.CharData:
			if len(strings.TrimSpace(string(t))) > 0 {
				return r.errorf("text before the <mediawiki> element: not a MediaWiki XML export")
			}
		}
	}
}

// readTrailer checks that nothing but whitespace follows </mediawiki>.
func (r *Reader) readTrailer() error {
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return r.syntaxError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return r.errorf("element <%s> after </mediawiki>", t.Name.Local)
		case xml.CharData:
			if len(strings.TrimSpace(string(t))) > 0 {
				return r.errorf("text after </mediawiki>")
			}
		}
	}
}

func (r *Reader) readSiteInfo() error {
	for {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sitename":
				r.site.SiteName, err = r.text()
			case "base":
				r.site.Base, err = r.text()
			case "namespaces":
				err = r.readNamespaces()
			default:
				err = r.skip()
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (r *Reader) readNamespaces() error {
	for {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "namespace" {
				if err := r.skip(); err != nil {
					return err
				}
				continue
			}
			ns := Namespace{Case: attr(t, "case")}
			if ns.Key, err = atoi(attr(t, "key")); err != nil {
				return r.errorf("namespace key: %w", err)
			}
			if ns.Name, err = r.text(); err != nil {
				return err
			}
			r.site.Namespaces = append(r.site.Namespaces, ns)
		case xml.EndElement:
			return nil
		}
	}
}

// token returns the next token inside the root element, turning an early
// end of input into a "truncated dump" error.
func (r *Reader) token() (xml.Token, error) {
	tok, err := r.dec.Token()
	if err == io.EOF {
		return nil, r.errorf("truncated dump: the input ends before </mediawiki>")
	}
	if err != nil {
		return nil, r.syntaxError(err)
	}
	return tok, nil
}

func (r *Reader) syntaxError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) && strings.HasPrefix(se.Msg, "unexpected EOF") {
		return r.errorf("truncated dump: the input ends before </mediawiki>")
	}
	if errors.As(err, &se) {
		return r.errorf("malformed XML: %s", printable(se.Msg))
	}
	return r.errorf("read dump: %w", err)
}

// errorf prefixes a message with where the reader stands: the dump line,
// the page and the revision.
func (r *Reader) errorf(format string, args ...any) error {
	line, _ := r.dec.InputPos()
	where := fmt.Sprintf("dump line %d (byte %d)", line, r.dec.InputOffset())
	if r.page != nil && r.page.Title != "" {
		where += fmt.Sprintf(": page %q", r.page.Title)
		if r.revID != 0 {
			where += fmt.Sprintf(" revision %d", r.revID)
		}
	}
	return fmt.Errorf(where+": "+format, args...)
}

// printable makes a message from encoding/xml, which may quote raw input
// bytes, safe for a terminal: valid UTF-8 without control characters.
func printable(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return '\uFFFD'
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
