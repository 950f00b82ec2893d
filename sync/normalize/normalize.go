package normalize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/content"
)

// Options says what to write and where.
type Options struct {
	// Site says which pages the site is about and how to link the wiki.
	Site Site
	// Store is the archive to read.
	Store *archive.Store
	// ContentDir is the folder to (re)write, usually "content".
	ContentDir string
	// Logger receives warnings; nil discards them.
	Logger *slog.Logger
	// CacheDir, when set, is a folder where Write keeps conversions and
	// diffs for the next Write, so a rebuild after a few new revisions
	// computes only theirs. The output is the same with or without it, and
	// with an empty, stale or damaged cache. Write owns the folder: it
	// removes entries the archive no longer needs, so one folder serves
	// one archive and configuration.
	CacheDir string
	// Drafts are unsaved edits to preview: each the next revision of its
	// page, in memory only (draft.go).
	Drafts []Draft
}

// Site is what the pages say about the site and the wiki.
type Site struct {
	// Title is the site's title, for the home page.
	Title string
	// Pages are the configured pages, in order: the first whose newest
	// text has personas gives them; the first ending in "/FAQ" gives the FAQ.
	Pages []string
	// Meetings are the site's versions, oldest first.
	Meetings []Meeting
	// Wiki says how to link back to the wiki and convert its templates.
	Wiki Wiki
	// Documents are further configured pages split into entities; none
	// leaves the site as the personas page alone makes it.
	Documents []Document
}

// Wiki is what the pages need to know of the wiki.
type Wiki struct {
	// API is the URL of the wiki's api.php; page, revision and diff links
	// are made from it.
	API string
	// Shortcodes maps a template name (without "Template:") to the Hugo
	// shortcode that renders it.
	Shortcodes map[string]string
	// PlaceholderRevisions are archived revision ids that are not the
	// wiki's own: they are shown but never linked to the wiki.
	PlaceholderRevisions []int64
}

// Meeting is one version of the document: the pages as they stood at Date.
type Meeting struct {
	Date    time.Time
	Title   string
	Minutes string // URL of the minutes
}

// slug is the meeting's URL segment, its UTC date (YYYY-MM-DD).
func (m Meeting) slug() string { return m.Date.UTC().Format("2006-01-02") }

// Report counts what Write wrote and lists what a person should know.
type Report struct {
	Pages    int // wiki/ pages
	Personas int // personas/<slug>.md pages
	Meetings int // meetings/<date>.md pages
	Files    int // every file written
	// Work counts what was computed and what came from Options.CacheDir.
	Work Work
	// Diagnostics are warnings: configured pages missing from the archive,
	// templates missing at a revision's time, hidden texts, converter notes.
	Diagnostics []string
}

// Write replaces opts.ContentDir with content generated from the archive.
// Either the whole new tree is swapped in or the old one is left untouched.
// Two concurrent Writes to the same folder are not supported.
func Write(ctx context.Context, opts Options) (Report, error) {
	if opts.Store == nil || opts.ContentDir == "" {
		return Report{}, errors.New("normalize: Store and ContentDir are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	rep, err := write(ctx, opts)
	if err != nil {
		return Report{}, fmt.Errorf("normalize: %w", err)
	}
	return rep, nil
}

// write is Write once the options are checked: the parts, wired.
func write(ctx context.Context, opts Options) (Report, error) {
	var rep Report
	// took logs how long each stage ran, for `wikisite build -v`: where a
	// big site's build spends its time (bench/README.md, the scale section).
	start := time.Now()
	took := func(stage string) {
		opts.Logger.Debug("normalize", "stage", stage, "took", time.Since(start).Round(time.Millisecond))
		start = time.Now()
	}
	c, err := readCorpus(opts.Store, opts.Site.Pages)
	if err != nil {
		return Report{}, err
	}
	took("read the archive")
	ids, err := c.overlayDrafts(opts.Drafts)
	if err != nil {
		return Report{}, err
	}
	// Drafts are never linked to the wiki, which has no such revision. The
	// converter's settings keep the wiki's own list, so a draft build
	// reuses the cache of the ordinary one.
	linked := opts.Site.Wiki
	linked.PlaceholderRevisions = append(slices.Clone(linked.PlaceholderRevisions), ids...)
	links := newWikiLinks(linked)
	conv := newConverter(c, links, opts.Site.Wiki, opts.CacheDir, &rep)
	defer conv.disk.close() // saved below, or not on failure
	diffs := newDiffer(conv)
	files, err := content.Replace(opts.ContentDir, func(tree *content.Tree) error {
		for _, t := range c.unarchived() {
			warn(opts.Logger, &rep, "%s is configured but not archived: run wikisite sync", t)
		}
		if err := writeFiles(c, tree); err != nil {
			return err
		}
		v, err := readVersions(c, conv, diffs, links, opts.Site.Meetings)
		if err != nil {
			return err
		}
		v.focus = focusPages(c, opts.Site.Documents)
		took("versions at each meeting")
		// The histories, and each page's attribution right after its
		// history, whose conversions (made on every core) it reads again;
		// as soon as a page is attributed, its wiki page and authors view
		// are written and its attribution dropped (the primary page's is
		// kept for the readers' pages): held for every page, they grew
		// with the site.
		cr := newCredits(v, &rep)
		wiki := &wikiPages{corpus: c, conv: conv, diffs: diffs, tree: tree, links: links, rep: &rep, log: opts.Logger, credits: cr}
		reader := &readerPages{versions: v, credits: cr, tree: tree, title: opts.Site.Title, rep: &rep, drafts: opts.Drafts}
		authors := cr.start()
		authors.onDone = func(title string) error {
			if title == v.primary {
				return nil
			}
			p := c.pages[title]
			if err := wiki.writeWikiPage(p); err != nil {
				return err
			}
			if err := reader.writePageAuthors(p); err != nil {
				return err
			}
			cr.release(title)
			return nil
		}
		wiki.afterHistory = func(title string) error { return authors.page(ctx, title) }
		err = steps(ctx, wiki.writeHistories)
		if ferr := authors.finish(); err == nil {
			err = ferr
		}
		if err != nil {
			return err
		}
		took("histories and authorship")
		if err := steps(ctx, wiki.writeWikiPages); err != nil {
			return err
		}
		took("wiki pages")
		if err := reader.write(ctx); err != nil {
			return err
		}
		took("readers' pages")
		err = writeDocuments(ctx, opts.Site.Documents, v, tree, opts.Site.Title, &rep)
		took("documents")
		return err
	})
	if err != nil {
		return Report{}, err
	}
	took("content/ swapped in")
	conv.save(opts.Logger)
	took("cache saved")
	rep.Files = files
	rep.Diagnostics = sortedUnique(rep.Diagnostics)
	return rep, nil
}

// warn logs a warning and adds it to the report.
func warn(log *slog.Logger, rep *Report, msg string, args ...any) {
	s := fmt.Sprintf(msg, args...)
	log.Warn(s)
	rep.Diagnostics = append(rep.Diagnostics, s)
}

// steps runs each step in turn, stopping at the first error or when ctx
// is done.
func steps(ctx context.Context, fns ...func() error) error {
	for _, f := range fns {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

func sortedUnique(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
