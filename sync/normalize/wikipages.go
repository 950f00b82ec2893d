package normalize

import (
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/content"
)

type wikiParams struct {
	Source      *source   `toml:"source,omitempty"`
	WikiTitle   string    `toml:"wiki_title"`
	Revision    int64     `toml:"revision"`
	Timestamp   time.Time `toml:"timestamp"`
	Author      string    `toml:"author"`
	Summary     string    `toml:"summary"`
	WikiURL     string    `toml:"wiki_url"`
	TextHidden  bool      `toml:"text_hidden,omitempty"` // the newest revision's text is hidden; this is an older one
	Diagnostics []string  `toml:"diagnostics,omitempty"`
	TOC         bool      `toml:"toc,omitempty"` // MediaWiki would show a table of contents
}

// wikiPages writes the wiki/ and history/ trees: every archived page as
// it stands, and every revision of it with its diff.
type wikiPages struct {
	*corpus
	conv  *converter
	diffs *differ
	tree  *content.Tree
	links wikiLinks
	rep   *Report
	log   *slog.Logger
	// afterHistory, when set, is called with each page's title once its
	// history's diffs are made (see attribution).
	afterHistory func(title string) error
	// credits names who wrote each page (see credits.release).
	credits *credits
}

// writeWikiPages writes wiki/<file>.md for every archived page not yet
// written (see credits.release), showing its newest revision whose text
// is not hidden.
func (b *wikiPages) writeWikiPages() error {
	for _, title := range b.titles {
		if b.credits.released[title] {
			continue // written as soon as it was attributed
		}
		if err := b.writeWikiPage(b.pages[title]); err != nil {
			return err
		}
	}
	return nil
}

func (b *wikiPages) writeWikiPage(p *archive.Page) error {
	latest := p.Last()
	if latest == nil {
		return nil
	}
	shown := visible(p, latest)
	params := wikiParams{WikiTitle: p.Title, WikiURL: b.links.page(p.Title)}
	fm := content.FrontMatter{Title: p.Title, Type: "wiki", URL: "/wiki/" + sitePath(p.Title) + "/", Params: &params}
	if shown != latest {
		params.TextHidden = true
		warn(b.log, b.rep, "page %q: the text of revision %d is hidden on the wiki; showing the newest visible one", p.Title, latest.ID)
	}
	if shown == nil {
		b.rep.Pages++
		return b.tree.WriteDoc("wiki/"+fileName(p.Title), fm, "")
	}
	text, err := b.text(p.Title, shown)
	if err != nil {
		return err
	}
	conv, err := b.conv.page(p.Title, shown, text)
	if err != nil {
		return err
	}
	params.Source = b.credits.pageSource(p.Title, shown, "/wiki/"+sitePath(p.Title)+"/authors/")
	params.Revision, params.Timestamp, params.Author, params.Summary = shown.ID, shown.Timestamp, shown.User, shown.Comment
	params.WikiURL = params.Source.WikiURL
	params.Diagnostics = b.diagnostics(p.Title, shown, conv)
	params.TOC = conv.TOC
	fm.Date, fm.Categories = shown.Timestamp, conv.Categories
	b.rep.Pages++
	return b.tree.WriteDoc("wiki/"+fileName(p.Title), fm, conv.Markdown)
}

// diagnostics lists a conversion's problems for the page's front matter
// and adds the converter's, with page and revision, to the report.
func (b *wikiPages) diagnostics(title string, r *archive.Revision, c converted) []string {
	var out []string
	for _, d := range c.Diagnostics {
		out = append(out, fmt.Sprintf("line %d: %s", d.Line, d.Message))
	}
	for _, s := range out {
		b.rep.Diagnostics = append(b.rep.Diagnostics, fmt.Sprintf("page %q revision %d: %s", title, r.ID, s))
	}
	return append(out, c.missing...) // convert reported these
}

type historyParams struct {
	WikiTitle string         `toml:"wiki_title"`
	WikiURL   string         `toml:"wiki_url"`
	Revisions []historyEntry `toml:"revisions"`
	// Total, Page and Pages are set on long histories only (see
	// paginate): every revision's count, this page's number (0 on the
	// main page) and every page.
	Total int              `toml:"total,omitzero"`
	Page  int              `toml:"page,omitzero"`
	Pages []historyPageRef `toml:"pages,omitempty"`
}

type historyEntry struct {
	ID         int64     `toml:"id"`
	Parent     int64     `toml:"parent"`
	User       string    `toml:"user"`
	Timestamp  time.Time `toml:"timestamp"`
	Comment    string    `toml:"comment"`
	Minor      bool      `toml:"minor"`
	TextHidden bool      `toml:"text_hidden"`
	URL        string    `toml:"url"`
	DiffURL    string    `toml:"diff_url"`
	Class      string    `toml:"class"`
	// DiffHTML is the diff as HTML (see diffHTML), "" when the text did
	// not change.
	DiffHTML string   `toml:"diff_html,omitempty"`
	missing  []string // template lookups that failed in the diff
	// uncacheable: the diff depends on more than its key (see textDiff).
	uncacheable bool
}

// writeHistories writes history/<file>.md for every archived page: every
// revision, newest first, with its diff against the archived parent.
// Encoding a history's front matter is much of the work and touches
// nothing shared, so it runs on a worker while the next page's diffs are
// made; the files are then cached and written in title order, each as
// soon as it and those before it are encoded (held until the last one,
// they were a wide site's whole history in memory).
func (b *wikiPages) writeHistories() error {
	docs := make([]historyDoc, len(b.titles))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	next, paged := 0, false
	// flush writes the docs encoded so far, in order, and forgets them;
	// with wait it waits for every prepared one.
	flush := func(wait bool) error {
		for ; next < len(docs) && docs[next].done != nil; next++ {
			d := &docs[next]
			if wait {
				<-d.done
			} else {
				select {
				case <-d.done:
				default:
					return nil
				}
			}
			if d.err != nil {
				return d.err
			}
			if d.store {
				b.conv.disk.put(d.key, docEntry{Data: d.data, Missing: d.missing, Extra: d.extra})
			}
			if err := b.tree.Write(d.rel, d.data); err != nil {
				return err
			}
			for _, x := range d.extra {
				if err := b.tree.Write(x.Rel, x.Data); err != nil {
					return err
				}
				paged = true
			}
			*d = historyDoc{done: d.done}
		}
		return nil
	}
	var err error
	for i, title := range b.titles {
		if err = b.prepareHistoryDoc(b.pages[title], &docs[i], &g); err != nil {
			break
		}
		if b.afterHistory != nil {
			if err = b.afterHistory(title); err != nil {
				break
			}
		}
		if err = flush(false); err != nil {
			break
		}
	}
	_ = g.Wait() // the workers report through their historyDoc
	if err == nil {
		err = flush(true)
	}
	if paged && err == nil {
		err = b.tree.Write("history-pages/_index.md", []byte(historyPagesIndex))
	}
	return err
}

// historyDoc is one history file on its way to the tree.
type historyDoc struct {
	done    chan struct{} // closed once the fields below are set
	rel     string
	key     cacheKey
	data    []byte
	extra   []extraDoc // the pages of a long history
	missing []string
	store   bool  // to be put in the cache under key
	err     error // from encoding
}

// prepareHistoryDoc fills d with p's history file, from the cache when
// the page's revisions and diffs are the same as when it was stored (see
// historyKey), else by computing the diffs here and encoding on g.
func (b *wikiPages) prepareHistoryDoc(p *archive.Page, d *historyDoc, g *errgroup.Group) error {
	d.rel = "history/" + fileName(p.Title)
	done := make(chan struct{})
	k, diffs, err := b.historyKey(p)
	if err != nil {
		return err
	}
	var cached docEntry
	if b.conv.disk.get(k, &cached) {
		b.rep.Work.CacheHits++
		for _, dk := range diffs {
			b.conv.disk.keep(dk) // for when the next revision comes
		}
		b.rep.Diagnostics = append(b.rep.Diagnostics, cached.Missing...)
		d.data, d.extra = cached.Data, cached.Extra
		close(done)
		d.done = done
		return nil
	}
	fm, missing, cacheable, err := b.historyFront(p)
	if err != nil {
		return err
	}
	d.key, d.missing, d.store = k, missing, cacheable
	params := fm.Params.(*historyParams)
	pages := historyPages(fm, params, params.Revisions, fileBase(p.Title))
	d.extra = make([]extraDoc, len(pages))
	d.done = done
	g.Go(func() error {
		defer close(done)
		if d.data, d.err = content.Encode(d.rel, fm, ""); d.err != nil {
			return nil
		}
		for i, pg := range pages {
			d.extra[i].Rel = pg.rel
			if d.extra[i].Data, d.err = content.Encode(pg.rel, pg.fm, ""); d.err != nil {
				return nil
			}
		}
		return nil
	})
	return nil
}

// historyFront is the front matter of p's history file, the diagnostics of
// its diffs and whether every diff was cacheable.
func (b *wikiPages) historyFront(p *archive.Page) (content.FrontMatter, []string, bool, error) {
	defer b.diffs.forget()
	entries := make([]historyEntry, len(p.Revisions))
	var missing []string
	cacheable := true
	var prev *archive.Revision // newest older revision with visible text
	for i := range p.Revisions {
		if i%historyWindow == 0 {
			b.diffs.forget()
			if err := b.diffs.prefetchHistory(p, i, min(i+historyWindow, len(p.Revisions)), prev); err != nil {
				return content.FrontMatter{}, nil, false, err
			}
		}
		r := &p.Revisions[i]
		e, err := b.historyEntry(p, r, prev)
		if err != nil {
			return content.FrontMatter{}, nil, false, err
		}
		entries[len(entries)-1-i] = e
		missing = append(missing, e.missing...)
		cacheable = cacheable && !e.uncacheable
		if !r.TextHidden {
			prev = r
		}
	}
	params := historyParams{WikiTitle: p.Title, WikiURL: b.links.page(p.Title), Revisions: entries}
	fm := content.FrontMatter{Title: "History of " + p.Title, Type: "history", URL: "/history/" + sitePath(p.Title) + "/", Params: &params}
	if last := p.Last(); last != nil {
		fm.Date = last.Timestamp
	}
	return fm, missing, cacheable, nil
}

func (b *wikiPages) historyEntry(p *archive.Page, r, prev *archive.Revision) (historyEntry, error) {
	e := historyEntry{ID: r.ID, User: r.User, Timestamp: r.Timestamp, Comment: r.Comment, Minor: r.Minor,
		TextHidden: r.TextHidden, URL: b.links.revision(p.Title, r.ID)}
	if parent := p.Parent(r); parent != nil {
		e.Parent = parent.ID
		e.DiffURL = b.links.diff(p.Title, r.ID, parent.ID)
	}
	if r.TextHidden {
		return e, nil
	}
	newText, err := b.text(p.Title, r)
	if err != nil {
		return e, err
	}
	oldText := ""
	if prev != nil {
		if oldText, err = b.text(p.Title, prev); err != nil {
			return e, err
		}
	}
	d, err := b.diffs.diff(oldText, newText, timeOf(prev), r.Timestamp)
	e.Class, e.missing, e.uncacheable = d.class, d.missing, d.uncacheable
	e.DiffHTML = diffHTML(d.blocks, "r"+strconv.FormatInt(r.ID, 10))
	return e, err
}

func timeOf(r *archive.Revision) time.Time {
	if r == nil {
		return time.Time{}
	}
	return r.Timestamp
}
