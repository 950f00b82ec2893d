package main

import (
	"context"
	"fmt"
	"io"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
)

const statusSynopsis = "status [--config FILE] [--archive DIR] [--api URL] [--timeout D] [--max-reply MB] [--count] [-v]\n\n" +
	"Tells, per page of the set, whether the wiki has revisions the archive\n" +
	"lacks. It writes nothing and, after a sync, costs one request (the wiki's\n" +
	"recent changes); --count also counts the new revisions, at one more\n" +
	"request per page that has some.\n\n" +
	"Exit codes: 0 up to date; 3 new revisions wait (run `wikisite sync`);\n" +
	"1 error; 2 bad usage."

func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f wikiFlags
	var count bool
	fs := newWikiFlagSet("status", statusSynopsis, stderr, &f)
	fs.BoolVar(&count, "count", false, "count the new revisions (one more request per page that has some)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w, err := f.setup(stderr)
	if err != nil {
		return err
	}
	if err := warnOrphans(stderr, w.store); err != nil {
		return err
	}
	pages, err := mirror.Status(ctx, w.client, w.store, syncOptions(w.cfg), count)
	if err != nil {
		return withHint(fmt.Errorf("status: %w", err), wikiHints(err)...)
	}
	pending := false
	for _, p := range pages {
		fmt.Fprintf(stdout, "%s: %s\n", p.Title, describe(p))
		pending = pending || !p.UpToDate()
	}
	if pending {
		return errPending{}
	}
	return nil
}

func describe(p mirror.PageStatus) string {
	moved := ""
	if p.Current != "" && p.Current != p.Title {
		moved = fmt.Sprintf(" (now %q on the wiki)", p.Current)
	}
	switch {
	case p.Missing && p.ArchiveRev != 0:
		return fmt.Sprintf("missing on the wiki (archive keeps r%d)", p.ArchiveRev)
	case p.Missing:
		return "missing on the wiki"
	case p.UpToDate():
		return fmt.Sprintf("up to date (r%d)%s", p.ArchiveRev, moved)
	}
	news := "new revisions"
	if p.New > 0 {
		news = plural(p.New, "new revision")
	}
	return fmt.Sprintf("%s (archive r%d, wiki r%d)%s", news, p.ArchiveRev, p.WikiRev, moved)
}

// warnOrphans reports texts that an interrupted sync left without
// metadata: `git add archive` would commit them, and the next sync or
// import removes them.
func warnOrphans(stderr io.Writer, store *archive.Store) error {
	orphans, err := store.Orphans()
	if err != nil {
		return err
	}
	if len(orphans) == 0 {
		return nil
	}
	fmt.Fprintf(stderr, "warning: archive %s holds %s that no page.toml lists (first: %s), left by an interrupted sync; the next `wikisite sync` removes them\n",
		slashed(store.Dir()), plural(len(orphans), "revision text"), orphans[0])
	return nil
}
