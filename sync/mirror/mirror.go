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
	"sort"

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
	// Pages counts the pages checked: configured pages and templates.
	Pages int
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
	pages := canonicalUnique(s.opts.Pages)
	templates := arch.templateCandidates(pages)
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
