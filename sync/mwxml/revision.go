package mwxml

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// Limits that keep a hostile dump from filling memory: MediaWiki's own
// default for a page is 2 MiB ($wgMaxArticleSize).
const (
	maxTextBytes  = 64 << 20
	maxFieldBytes = 1 << 20
)

// Revision is one <revision> with its text.
type Revision struct {
	ID             int64
	ParentID       int64
	Timestamp      time.Time
	Contributor    Contributor
	Comment        string
	CommentDeleted bool // <comment deleted="deleted"/>: hidden on the wiki
	Minor          bool
	Model          string // e.g. "wikitext"
	Format         string // e.g. "text/x-wiki"
	Text           []byte // nil when TextDeleted
	TextDeleted    bool   // <text deleted="deleted"/>: hidden on the wiki
	// SHA1 is the text's sha1 in hex, as the API reports it (the dump writes
	// base 36); "" when the dump gives none.
	SHA1 string
}

// Contributor is who saved a revision: a user or, for anonymous edits, an
// IP address.
type Contributor struct {
	Username string
	ID       int64
	IP       string
	Deleted  bool // <contributor deleted="deleted"/>: hidden on the wiki
}

// Name is the user name, or the IP address of an anonymous edit.
func (c Contributor) Name() string {
	if c.Username != "" {
		return c.Username
	}
	return c.IP
}

// revisionState collects what readRevision has seen.
type revisionState struct {
	rev       Revision
	hasText   bool
	hasTime   bool
	textBytes int // the <text bytes="…"> attribute, -1 if absent
}

// readRevision reads a revision whose start tag was just read and checks
// its text.
func (r *Reader) readRevision() (*Revision, error) {
	st := revisionState{textBytes: -1}
	for {
		tok, err := r.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.revisionElement(t, &st); err != nil {
				return nil, err
			}
		case xml.EndElement:
			return r.checkRevision(&st)
		}
	}
}

func (r *Reader) revisionElement(t xml.StartElement, st *revisionState) error {
	var err error
	rev := &st.rev
	switch t.Name.Local {
	case "id":
		rev.ID, err = r.int64Element("revision id")
		r.revID = rev.ID
	case "parentid":
		rev.ParentID, err = r.int64Element("parentid")
	case "timestamp":
		rev.Timestamp, err = r.timestamp()
		st.hasTime = true
	case "contributor":
		rev.Contributor, err = r.readContributor(t)
	case "minor":
		rev.Minor = true
		err = r.skip()
	case "comment":
		rev.CommentDeleted = attr(t, "deleted") == "deleted"
		rev.Comment, err = r.text()
	case "model":
		rev.Model, err = r.text()
	case "format":
		rev.Format, err = r.text()
	case "text":
		if st.hasText {
			return r.errorf("revision has two <text> elements")
		}
		st.hasText = true
		err = r.readText(t, st)
	case "sha1":
		err = r.readSHA1(rev)
	default: // origin, multi-slot <content>, …
		err = r.skip()
	}
	return err
}

func (r *Reader) checkRevision(st *revisionState) (*Revision, error) {
	rev := &st.rev
	switch {
	case rev.ID == 0:
		return nil, r.errorf("revision without an <id>")
	case !st.hasTime:
		return nil, r.errorf("revision without a <timestamp>")
	case !st.hasText:
		return nil, r.errorf("revision without <text>: a stub dump? export with the full text")
	case rev.TextDeleted:
		return rev, nil
	}
	if st.textBytes >= 0 && st.textBytes != len(rev.Text) {
		return nil, r.errorf("text is %d bytes, the dump says %d: the dump is damaged or a stub", len(rev.Text), st.textBytes)
	}
	if rev.SHA1 != "" {
		sum := sha1.Sum(rev.Text)
		if got := hex.EncodeToString(sum[:]); got != rev.SHA1 {
			return nil, r.errorf("sha1 mismatch: the text hashes to %s, the dump says %s", got, rev.SHA1)
		}
	}
	return rev, nil
}

func (r *Reader) timestamp() (time.Time, error) {
	s, err := r.text()
	if err != nil {
		return time.Time{}, err
	}
	ts, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, r.errorf("timestamp %q is not RFC 3339 (2013-11-22T22:00:00Z)", s)
	}
	return ts.UTC(), nil
}

func (r *Reader) readContributor(t xml.StartElement) (Contributor, error) {
	c := Contributor{Deleted: attr(t, "deleted") == "deleted"}
	for {
		tok, err := r.token()
		if err != nil {
			return c, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "username":
				c.Username, err = r.text()
			case "id":
				c.ID, err = r.int64Element("contributor id")
			case "ip":
				c.IP, err = r.text()
			default:
				err = r.skip()
			}
			if err != nil {
				return c, err
			}
		case xml.EndElement:
			return c, nil
		}
	}
}

// readText reads <text>, keeping its bytes exactly: encoding/xml keeps all
// white space, which is what xml:space="preserve" asks for.
func (r *Reader) readText(t xml.StartElement, st *revisionState) error {
	if b := attr(t, "bytes"); b != "" {
		n, err := strconv.Atoi(b)
		if err != nil || n < 0 {
			return r.errorf("<text bytes=%q> is not a size", b)
		}
		st.textBytes = n
	}
	if attr(t, "deleted") == "deleted" {
		st.rev.TextDeleted = true
		return r.skip()
	}
	text := []byte{}
	for {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(text)+len(t) > maxTextBytes {
				return r.errorf("text is over %d MiB", maxTextBytes>>20)
			}
			text = append(text, t...)
		case xml.StartElement:
			return r.errorf("unexpected <%s> inside <text>", t.Name.Local)
		case xml.EndElement:
			st.rev.Text = text
			return nil
		}
	}
}

func (r *Reader) readSHA1(rev *Revision) error {
	s, err := r.text()
	if err != nil {
		return err
	}
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	rev.SHA1, err = HexSHA1(s)
	if err != nil {
		return r.errorf("%w", err)
	}
	return nil
}
