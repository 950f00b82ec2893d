package mirror

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// fakeWiki is an in-memory wiki that counts requests the way the action
// API would batch them: one per 50 titles for Latest, one per 50 revisions
// (the resume revision included) for Revisions. All its text is synthetic.
type fakeWiki struct {
	pages     map[string]*fakePage // by current title
	redirects map[string]string
	nextRev   int64
	requests  int
	// yielded counts the revisions Revisions handed to its callback.
	yielded int
	// failAt, when > 0, makes Revisions fail before yielding the revision
	// with that id, as a dropped connection would.
	failAt int64
	// changes is the wiki's recent changes log, oldest first; categories
	// maps a category (with its prefix) to its member titles.
	changes    []mw.Change
	categories map[string][]string
}

type fakePage struct {
	id        int64
	ns        int
	revs      []mw.Revision
	templates []string
}

func newFakeWiki() *fakeWiki {
	return &fakeWiki{pages: map[string]*fakePage{}, redirects: map[string]string{}, nextRev: 100, categories: map[string][]string{}}
}

// edit saves a synthetic revision and returns its id.
func (w *fakeWiki) edit(title, text string) int64 {
	p, ok := w.pages[title]
	if !ok {
		p = &fakePage{id: int64(len(w.pages) + 1)}
		if len(title) > 9 && title[:9] == "Template:" {
			p.ns = templateNS
		}
		w.pages[title] = p
	}
	w.nextRev++
	var parent int64
	if n := len(p.revs); n > 0 {
		parent = p.revs[n-1].ID
	}
	p.revs = append(p.revs, mw.Revision{
		PageID: p.id, Namespace: p.ns, Title: title, ID: w.nextRev, ParentID: parent,
		Timestamp: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(w.nextRev) * time.Minute),
		User:      "SyntheticUser", Comment: "synthetic edit", Size: len(text), SHA1: archive.SHA1([]byte(text)),
		Text: []byte(text),
	})
	p.templates = templateNames([]byte(text))
	kind := "edit"
	if len(p.revs) == 1 {
		kind = "new"
	}
	w.logChange(mw.Change{Type: kind, Namespace: p.ns, Title: title})
	return w.nextRev
}

// logChange appends c to the recent changes, numbered and timed after the
// newest.
func (w *fakeWiki) logChange(c mw.Change) {
	c.ID = int64(len(w.changes) + 1)
	c.Timestamp = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(c.ID) * time.Second)
	w.changes = append(w.changes, c)
}

// remove deletes title, as an admin would, logging it.
func (w *fakeWiki) remove(title string) {
	ns := w.pages[title].ns
	delete(w.pages, title)
	w.logChange(mw.Change{Type: "log", LogType: "delete", Namespace: ns, Title: title})
}

func (w *fakeWiki) move(from, to string) {
	p := w.pages[from]
	delete(w.pages, from)
	w.pages[to] = p
	w.redirects[from] = to
	for i := range p.revs {
		p.revs[i].Title = to
	}
	w.logChange(mw.Change{Type: "log", LogType: "move", Namespace: p.ns, Title: from, Target: to})
	w.edit(to, string(p.revs[len(p.revs)-1].Text)) // MediaWiki's null revision
}

func (w *fakeWiki) Latest(_ context.Context, titles []string) (map[string]mw.PageState, error) {
	w.requests += (len(titles) + mw.MaxTitles - 1) / mw.MaxTitles
	out := map[string]mw.PageState{}
	for _, t := range titles {
		st := mw.PageState{Title: t, Current: t}
		if to, ok := w.redirects[t]; ok {
			st.Redirects, st.Current = []string{t}, to
		}
		p, ok := w.pages[st.Current]
		if !ok {
			st.Missing = true
		} else {
			st.PageID, st.Namespace, st.LastRevID = p.id, p.ns, p.revs[len(p.revs)-1].ID
			st.Templates = p.templates
		}
		out[t] = st
	}
	return out, nil
}

func (w *fakeWiki) Revisions(_ context.Context, title string, after int64, fn func(mw.Revision) error) error {
	w.requests++
	p, ok := w.pages[title]
	if !ok {
		return fmt.Errorf("page %q: %w", title, mw.ErrMissing)
	}
	start := 0
	if after > 0 {
		start = -1
		for i, r := range p.revs {
			if r.ID == after {
				start = i
			}
		}
		if start < 0 {
			return fmt.Errorf("nosuchrevid: there is no revision with ID %d", after)
		}
	}
	for i, r := range p.revs[start:] {
		if i > 0 && i%mw.MaxTitles == 0 {
			w.requests++
		}
		if r.ID == after {
			continue
		}
		if w.failAt != 0 && r.ID == w.failAt {
			return fmt.Errorf("synthetic connection reset before revision %d", r.ID)
		}
		w.yielded++
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (w *fakeWiki) Count(ctx context.Context, title string, after int64) (int, error) {
	n := 0
	err := w.Revisions(ctx, title, after, func(mw.Revision) error { n++; return nil })
	return n, err
}

func (w *fakeWiki) Requests() int { return w.requests }
func (w *fakeWiki) Bytes() int64  { return 0 }

func (w *fakeWiki) CategoryMembers(_ context.Context, category string) ([]mw.Member, error) {
	w.requests++
	var out []mw.Member
	for _, t := range w.categories[category] {
		ns := 0
		if strings.HasPrefix(t, "Category:") {
			ns = 14
		}
		out = append(out, mw.Member{Title: t, Namespace: ns})
	}
	return out, nil
}

func (w *fakeWiki) AllPages(_ context.Context, ns int, prefix string) ([]mw.Member, error) {
	w.requests++
	var out []mw.Member
	for t, p := range w.pages {
		name := t
		if ns != 0 {
			_, name, _ = strings.Cut(t, ":")
		}
		if p.ns == ns && strings.HasPrefix(name, prefix) {
			out = append(out, mw.Member{Title: t, Namespace: ns, PageID: p.id})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	return out, nil
}

func (w *fakeWiki) InCategories(_ context.Context, titles, categories []string) ([]string, error) {
	w.requests += (len(titles) + mw.MaxTitles - 1) / mw.MaxTitles
	var out []string
	for _, t := range titles {
		for _, c := range categories {
			if slices.Contains(w.categories[c], t) && !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

func (w *fakeWiki) NewestChange(context.Context) (mw.Change, error) {
	w.requests++
	if len(w.changes) == 0 {
		return mw.Change{}, nil
	}
	return w.changes[len(w.changes)-1], nil
}

func (w *fakeWiki) Changes(_ context.Context, since time.Time, fn func(mw.Change) bool) (bool, error) {
	w.requests++
	n, more := 0, true
	for _, c := range w.changes {
		if c.Timestamp.Before(since) {
			continue
		}
		if n > 0 && n%mw.MaxChanges == 0 {
			if !more {
				return false, nil
			}
			w.requests++
		}
		n++
		more = fn(c) && more
	}
	return true, nil
}

// Files answers that the fake wiki has no files: its pages show none.
func (w *fakeWiki) Files(_ context.Context, titles []string) (map[string]mw.File, error) {
	w.requests += (len(titles) + mw.MaxTitles - 1) / mw.MaxTitles
	out := map[string]mw.File{}
	for _, t := range titles {
		out[t] = mw.File{Title: t, Missing: true}
	}
	return out, nil
}

func (w *fakeWiki) Download(context.Context, string) ([]byte, error) {
	w.requests++
	return nil, fmt.Errorf("the fake wiki stores no files")
}
