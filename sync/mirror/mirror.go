// Package mirror is the sync engine: it brings the archive up to date with
// the wiki for the configured pages and the templates they transclude.
//
// Sync compares the archive's last revision of every page with the wiki's
// in one request, fetches only what is new (50 revisions with text per
// request), checks each text's sha1 and commits through archive.Tx in
// batches, so an interrupted run leaves a valid archive that the next run
// completes. It records renames, marks deleted pages missing while keeping
// their history, archives hidden revisions as hidden, and backfills gaps in
// a page's parent chain. It holds no HTTP code (that is sync/mw) and writes
// nothing but the archive.
package mirror

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// Wiki is what the sync needs from a wiki; *mw.Client satisfies it.
type Wiki interface {
	// Latest returns the state of each title, keyed by the title as given,
	// in one request per mw.MaxTitles titles.
	Latest(ctx context.Context, titles []string) (map[string]mw.PageState, error)
	// Revisions calls fn with each revision of title newer than after,
	// oldest first; an error wrapping mw.ErrMissing means no such page.
	Revisions(ctx context.Context, title string, after int64, fn func(mw.Revision) error) error
	// Count returns how many revisions of title are newer than after.
	Count(ctx context.Context, title string, after int64) (int, error)

	// CategoryMembers lists a category's pages and subcategories.
	CategoryMembers(ctx context.Context, category string) ([]mw.Member, error)
	// AllPages lists the pages of a namespace whose title starts with prefix.
	AllPages(ctx context.Context, ns int, prefix string) ([]mw.Member, error)
	// InCategories returns the titles that are in one of categories.
	InCategories(ctx context.Context, titles, categories []string) ([]string, error)
	// NewestChange returns the wiki's newest recent change.
	NewestChange(ctx context.Context) (mw.Change, error)
	// Files returns every version of each file title, keyed by title.
	Files(ctx context.Context, titles []string) (map[string]mw.File, error)
	// Download fetches a file version's bytes from its URL.
	Download(ctx context.Context, url string) ([]byte, error)
	// Changes calls fn with each recent change since a time, oldest
	// first, asking for no more replies once fn returned false; it
	// reports whether it listed them all.
	Changes(ctx context.Context, since time.Time, fn func(mw.Change) bool) (bool, error)
}

// counter is implemented by wikis that count their HTTP traffic.
type counter interface {
	Requests() int
	Bytes() int64
}

// Options says what to sync and where to report.
type Options struct {
	// Pages are the titles to mirror, as configured.
	Pages []string
	// Categories (with CategoryDepth levels of subcategories), Prefixes
	// and Namespaces add the pages they list on the wiki to the set.
	Categories    []string
	CategoryDepth int
	Prefixes      []string
	Namespaces    []int
	// Logger receives progress and warnings; nil discards them.
	Logger *slog.Logger
	// Progress, when not nil, receives a progress line per committed batch,
	// each ending in "\r" (meant for a terminal).
	Progress io.Writer

	// batch overrides defaultBatch; tests shrink it to widen the window in
	// which a killed sync is mid-commit.
	batch int
}

// Summary is what a sync did.
type Summary struct {
	// Pages counts the pages checked: the set's pages and templates.
	Pages int
	// Joined and Left are the pages that entered or left the set.
	Joined, Left []string
	// Files counts the file versions stored; MissingFiles names the files
	// the pages show that the wiki lacks (the site shows a placeholder).
	Files        int
	MissingFiles []string
	// NewRevisions counts the revisions added to the archive.
	NewRevisions int
	// Added lists the revisions added to the archive, in the order they
	// were committed, each with its page's title at the time.
	Added []Added
	// Requests and Bytes are the HTTP traffic, when the Wiki counts it.
	Requests int
	Bytes    int64
	// Warnings are problems that did not stop the sync, such as a page
	// missing on the wiki.
	Warnings []string
	// Orphans are the texts, relative to the archive folder, that an
	// interrupted run left without metadata and this one removed (see
	// archive.Store.Orphans); the sync fetches them again if they are due.
	Orphans []string
}

// Added is one revision a sync added to the archive.
type Added struct {
	Title    string
	Revision archive.Revision
}

// syncer holds one run's state.
type syncer struct {
	ctx   context.Context
	wiki  Wiki
	store *archive.Store
	opts  Options
	log   *slog.Logger
	arch  *archived
	sum   Summary
	batch int
	// done marks titles (canonical, current) already synced this run.
	done map[string]bool
}

// Sync brings the archive up to date for opts.Pages and their templates.
// It holds the archive's lock throughout: a second concurrent Sync fails
// with an error wrapping archive.ErrLocked.
func Sync(ctx context.Context, wiki Wiki, store *archive.Store, opts Options) (Summary, error) {
	lock, err := store.Lock()
	if err != nil {
		return Summary{}, err
	}
	defer lock.Unlock()
	s := &syncer{ctx: ctx, wiki: wiki, store: store, opts: opts, log: opts.Logger, done: map[string]bool{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.batch = cmp.Or(opts.batch, defaultBatch)
	if s.sum.Orphans, err = store.RemoveOrphans(); err != nil {
		return s.sum, err
	}
	if n := len(s.sum.Orphans); n > 0 {
		s.warn("removed %d revision text(s) that no page.toml lists, left by an interrupted sync or import (first: %s)", n, s.sum.Orphans[0])
	}
	c, counts := wiki.(counter)
	var req0 int
	var bytes0 int64
	if counts {
		req0, bytes0 = c.Requests(), c.Bytes()
	}
	err = s.run()
	if counts {
		s.sum.Requests, s.sum.Bytes = c.Requests()-req0, c.Bytes()-bytes0
	}
	return s.sum, err
}

func (s *syncer) run() error {
	arch, err := loadArchived(s.store)
	if err != nil {
		return err
	}
	s.arch = arch
	ps, err := s.store.PageSet()
	if err != nil {
		return err
	}
	r := s.opts.rules()
	if why := stale(ps, r, time.Now()); why != "" {
		s.log.Debug("resolving the page set", "why", why)
		return s.full(ps, r, nil)
	}
	v, err := check(s.ctx, s.wiki, ps, r, arch)
	if err != nil {
		return fmt.Errorf("ask the wiki for its recent changes: %w", err)
	}
	if v.full {
		s.log.Debug("resolving the page set", "why", v.reason)
		return s.full(ps, r, &v)
	}
	if err := s.incremental(ps, v.edited); err != nil {
		return err
	}
	if err := s.syncFiles(ps.Current(), false, v.files); err != nil {
		return err
	}
	// page counted the edited pages and discover the new templates; the
	// rest of the set was checked by the one look at the recent changes.
	s.sum.Pages += len(tracked(ps, arch)) - len(v.edited)
	// A check that saw nothing leaves the record alone, so a no-op sync
	// writes nothing; the checkpoint moves when there was something, or
	// when the next check would otherwise take more than one request.
	if len(v.edited) == 0 && len(v.files) == 0 && !v.costly() {
		return nil
	}
	ps.Since, ps.LastChange = v.since, v.last
	return s.store.PutPageSet(ps)
}

// full resolves the set, records who joined and left, and syncs every
// page of it and its templates from one Latest request per 50 titles.
// The checkpoint is the newest change the check saw when it listed them
// all, else the wiki's newest change, asked first so that a change made
// during the sync is seen by the next one.
func (s *syncer) full(ps *archive.PageSet, r rules, v *verdict) error {
	newest := mw.Change{}
	if v != nil && v.complete {
		newest.ID, newest.Timestamp = v.last, v.since
	} else {
		var err error
		if newest, err = s.wiki.NewestChange(s.ctx); err != nil {
			return fmt.Errorf("ask the wiki for its newest change: %w", err)
		}
	}
	now := time.Now().UTC().Truncate(time.Second)
	first := ps.Checked.IsZero()
	pages := r.pages
	if r.listed() {
		members, cats, err := s.resolve(r)
		if err != nil {
			return err
		}
		s.sum.Joined, s.sum.Left = record(ps, members, now)
		ps.Categories = cats
		pages = sortedKeys(keysOf(members))
	} else {
		s.sum.Joined, s.sum.Left = record(ps, setOf(pages), now)
	}
	if first {
		s.sum.Joined = nil // every page joins at the first sync: not news
	}
	for _, t := range s.sum.Left {
		s.log.Info("page left the set; its history is kept", "page", t)
	}
	// A page that left is synced once more, so its history ends with the
	// edit that took it out.
	pages = append(pages, s.sum.Left...)
	if err := s.syncPages(pages); err != nil {
		return err
	}
	if err := s.syncFiles(pages, true, nil); err != nil {
		return err
	}
	ps.Spec, ps.Checked = r.spec(), now
	if newest.ID > ps.LastChange {
		ps.Since, ps.LastChange = newest.Timestamp, newest.ID
	}
	return s.store.PutPageSet(ps)
}

// syncPages syncs pages and their templates from their latest state.
func (s *syncer) syncPages(pages []string) error {
	templates := s.arch.templateCandidates(pages)
	ask := append(append([]string(nil), pages...), templates...)
	states, err := s.wiki.Latest(s.ctx, ask)
	if err != nil {
		return fmt.Errorf("ask the wiki for the latest revisions: %w", err)
	}
	var queue []string
	for _, t := range pages {
		st, ok := states[t]
		if !ok {
			return fmt.Errorf("page %q: the wiki's reply does not mention it", t)
		}
		found, err := s.page(t, st, true)
		if err != nil {
			return err
		}
		queue = append(queue, found...)
		queue = append(queue, st.Templates...)
	}
	queue = append(templates, queue...)
	return s.templates(queue, states)
}

// incremental fetches the new revisions of the archived pages the recent
// changes name, and any template their new texts call that the archive
// lacks; every other archived page is known unchanged.
func (s *syncer) incremental(ps *archive.PageSet, edited []string) error {
	for t := range s.arch.pages {
		s.done[t] = true
	}
	var queue []string
	// A gap in a history (a partial dump import) is not a change on the
	// wiki: look for one locally, at no request unless there is one.
	for _, t := range ps.Current() {
		if p := s.arch.pages[t]; p != nil && !slices.Contains(edited, t) {
			found, err := s.backfill(p)
			if err != nil {
				return err
			}
			queue = append(queue, found...)
		}
	}
	for _, t := range edited {
		p := s.arch.pages[t]
		// The recent changes say the page has edits after its last
		// archived revision; page fetches them (LastRevID -1 never
		// matches), checking parents and backfilling gaps as usual.
		st := mw.PageState{Title: t, Current: t, PageID: p.PageID, Namespace: p.Namespace, LastRevID: -1}
		found, err := s.page(t, st, !isTemplate(p))
		if err != nil {
			return err
		}
		queue = append(queue, found...)
	}
	return s.templates(queue, nil)
}

func keysOf(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func setOf(titles []string) map[string]string {
	out := make(map[string]string, len(titles))
	for _, t := range titles {
		out[t] = "pages"
	}
	return out
}

// templates syncs every template in queue, and every template that the
// texts fetched along the way name. Titles the Latest request covered are
// synced from their state; new ones are fetched whole.
func (s *syncer) templates(queue []string, states map[string]mw.PageState) error {
	for len(queue) > 0 {
		t := archive.Canonical(queue[0])
		queue = queue[1:]
		if s.done[t] {
			continue
		}
		var found []string
		var err error
		if st, ok := states[t]; ok {
			found, err = s.page(t, st, false)
		} else {
			found, err = s.discover(t)
		}
		if err != nil {
			return err
		}
		queue = append(queue, found...)
	}
	return nil
}

func canonicalUnique(titles []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range titles {
		c := archive.Canonical(t)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// warn records a problem that does not stop the sync.
func (s *syncer) warn(msg string, args ...any) {
	text := fmt.Sprintf(msg, args...)
	s.sum.Warnings = append(s.sum.Warnings, text)
	s.log.Info("warning", "problem", text) // Info: callers print Summary.Warnings themselves
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
