package normalize

import (
	"fmt"
	"slices"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// Draft is wikitext taken as the next revision of a configured page: an
// edit not saved on the wiki yet, previewed as the site would show it.
// Write adds it to the page in memory, never to the archive, so the
// latest version becomes the draft and the one before it stays the
// wiki's latest.
type Draft struct {
	Title string    // the configured page
	File  string    // where the text came from, for the banner
	Text  string    // its wikitext, valid UTF-8
	Time  time.Time // when it was read; moved after the page's last revision if earlier
}

// DraftUser and DraftComment mark a draft's synthetic revision in the
// history, next to the wiki's own.
const (
	DraftUser    = "draft"
	DraftComment = "Draft (not on the wiki)"
)

// draftNote is one draft in the home page's front matter, which every
// page's banner reads (layouts/baseof.html).
type draftNote struct {
	Page       string `toml:"page"`
	File       string `toml:"file"`
	Revision   int64  `toml:"revision"`
	HistoryURL string `toml:"history_url"` // the draft's entry: its diff against the wiki's latest
	CompareURL string `toml:"compare_url,omitempty"`
	Meeting    string `toml:"meeting,omitempty"` // the last meeting's title, which CompareURL compares with
}

// overlayDrafts adds each draft to its page in c as a revision after the
// page's last: id one past the newest, user DraftUser. The archive's own
// Page values are copied, not changed. It returns the drafts' ids.
func (c *corpus) overlayDrafts(drafts []Draft) ([]int64, error) {
	var ids []int64
	for _, d := range drafts {
		title := archive.Canonical(d.Title)
		if !slices.Contains(c.configured, title) {
			return nil, fmt.Errorf("draft %s: %q is not a configured page", d.File, d.Title)
		}
		p := &archive.Page{Title: title}
		if old := c.pages[title]; old != nil {
			cp := *old
			cp.Revisions = slices.Clone(old.Revisions)
			p = &cp
		} else {
			c.titles = append(c.titles, title)
			slices.Sort(c.titles)
		}
		r := archive.Revision{ID: 1, Timestamp: d.Time.UTC().Truncate(time.Second), User: DraftUser,
			Comment: DraftComment, Size: len(d.Text), SHA1: archive.SHA1([]byte(d.Text))}
		if last := p.Last(); last != nil {
			r.ID, r.ParentID = last.ID+1, last.ID
			if !r.Timestamp.After(last.Timestamp) {
				r.Timestamp = last.Timestamp.Add(time.Second)
			}
		}
		p.Revisions = append(p.Revisions, r)
		c.pages[title] = p
		c.drafts[textKey{title, r.ID}] = d.Text
		ids = append(ids, r.ID)
	}
	return ids, nil
}

// draftNotes are the banner's entries: each draft's history entry, and
// for the personas page the comparison of the last meeting with now.
func (b *readerPages) draftNotes() ([]draftNote, error) {
	var notes []draftNote
	for _, d := range b.drafts {
		title := archive.Canonical(d.Title)
		p := b.page(title)
		n := draftNote{Page: title, File: d.File, Revision: p.Last().ID,
			HistoryURL: fmt.Sprintf("/history/%s/#rev-%d", sitePath(title), p.Last().ID)}
		if last := len(b.stages) - 1; title == b.primary && last > 0 {
			plan, err := b.plan()
			if err != nil {
				return nil, err
			}
			n.CompareURL = plan.url(b, last-1, last, -1)
			n.Meeting = b.stages[last-1].title
		}
		notes = append(notes, n)
	}
	return notes, nil
}
