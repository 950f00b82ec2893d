package mwxml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readPageHeader reads a page's elements up to its first <revision> (or its
// end) and checks the title.
func (r *Reader) readPageHeader() (*Page, error) {
	r.page, r.pageOpen, r.inRev, r.revID = &Page{}, true, false, 0
	var hasTitle bool
	for !r.inRev && r.pageOpen {
		tok, err := r.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = r.pageElement(t, &hasTitle)
		case xml.EndElement:
			r.pageOpen = false
		}
		if err != nil {
			return nil, err
		}
	}
	if !hasTitle {
		return nil, r.errorf("page without <title>")
	}
	if err := CheckTitle(r.page.Title); err != nil {
		return nil, r.errorf("%w", err)
	}
	p := *r.page
	return &p, nil
}

func (r *Reader) pageElement(t xml.StartElement, hasTitle *bool) error {
	var err error
	switch t.Name.Local {
	case "title":
		r.page.Title, err = r.text()
		*hasTitle = true
	case "ns":
		r.page.NS, err = r.intElement("ns")
	case "id":
		var id int64
		id, err = r.int64Element("page id")
		r.page.ID = id
	case "redirect":
		r.page.Redirect = attr(t, "title")
		err = r.skip()
	case "revision":
		r.inRev = true
	default: // restrictions, upload, discussionthreadinginfo…
		err = r.skip()
	}
	return err
}

// NextRevision returns the current page's next revision, with its text
// checked against the dump's sha1. It returns io.EOF after the page's last
// revision.
func (r *Reader) NextRevision() (*Revision, error) {
	if r.err != nil {
		return nil, r.err
	}
	rev, err := r.nextRevision()
	if err != nil && err != io.EOF {
		r.err = err
	}
	return rev, err
}

func (r *Reader) nextRevision() (*Revision, error) {
	for r.pageOpen && !r.inRev {
		tok, err := r.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "revision" {
				r.inRev = true
			} else if err := r.skip(); err != nil {
				return nil, err
			}
		case xml.EndElement:
			r.pageOpen = false
		}
	}
	if !r.pageOpen {
		return nil, io.EOF
	}
	r.inRev, r.revID = false, 0
	rev, err := r.readRevision()
	if err != nil {
		return nil, err
	}
	r.revID = 0
	return rev, nil
}

// text reads the character data of the element whose start tag was just
// read, up to its end tag. Comments are dropped; a child element is an error.
func (r *Reader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := r.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) > maxFieldBytes {
				return "", r.errorf("an element's text is over %d bytes", maxFieldBytes)
			}
			b.Write(t)
		case xml.StartElement:
			return "", r.errorf("unexpected <%s> inside a text element", t.Name.Local)
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// skip reads past the end of the element whose start tag was just read.
func (r *Reader) skip() error {
	for depth := 1; depth > 0; {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (r *Reader) int64Element(what string) (int64, error) {
	s, err := r.text()
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0, r.errorf("%s %q is not a number", what, s)
	}
	return n, nil
}

func (r *Reader) intElement(what string) (int, error) {
	s, err := r.text()
	if err != nil {
		return 0, err
	}
	n, err := atoi(s)
	if err != nil {
		return 0, r.errorf("%s: %w", what, err)
	}
	return n, nil
}

func atoi(s string) (int, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return int(n), nil
}

// attr returns the value of the start tag's attribute with the local name
// local, whatever its namespace.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
