package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
	"github.com/wikisite/wikisite/sync/mw"
)

const syncSynopsis = "sync [--config FILE] [--archive DIR] [--api URL] [--timeout D] [--message FILE] [-v]\n\n" +
	"Fetches the new revisions of the configured pages (params.wiki.pages) and of\n" +
	"the templates they use into the archive. When nothing changed it costs one\n" +
	"request. An interrupted sync leaves a valid archive; run it again to finish.\n\n" +
	"Exit codes: 0 synced (warnings, such as a page missing on the wiki, are\n" +
	"printed but do not fail); 1 error; 2 bad usage."

// wikiFlags are the flags of the commands that talk to the wiki.
type wikiFlags struct {
	common
	timeout time.Duration
	verbose bool
}

func newWikiFlagSet(name, synopsis string, stderr io.Writer, f *wikiFlags) *flag.FlagSet {
	fs := newFlagSet(name, synopsis, stderr, &f.common, true)
	fs.DurationVar(&f.timeout, "timeout", mw.DefaultTimeout, "give up on one try of a request after `D` (it is retried)")
	fs.BoolVar(&f.verbose, "v", false, "log each request batch and retry")
	return fs
}

// wikiSetup is what a command that talks to the wiki works with.
type wikiSetup struct {
	cfg    *config.Config
	store  *archive.Store
	client *mw.Client
	log    *slog.Logger
}

// setup loads the configuration and archive and makes the API client.
func (f *wikiFlags) setup(stderr io.Writer) (*wikiSetup, error) {
	cfg, store, err := f.load(stderr)
	if err != nil {
		return nil, err
	}
	level := slog.LevelWarn
	if f.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	client, err := mw.New(mw.Options{API: cfg.Wiki.API, UserAgent: cfg.Wiki.UserAgent, Logger: log, Timeout: f.timeout})
	if err != nil {
		return nil, err
	}
	return &wikiSetup{cfg: cfg, store: store, client: client, log: log}, nil
}

func runSync(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f wikiFlags
	var messagePath string
	fs := newWikiFlagSet("sync", syncSynopsis, stderr, &f)
	fs.StringVar(&messagePath, "message", "", "write a commit message listing the new revisions to `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w, err := f.setup(stderr)
	if err != nil {
		return err
	}
	opts := mirror.Options{Pages: w.cfg.Wiki.Pages, Logger: w.log}
	if isTerminal(stderr) {
		opts.Progress = stderr
	}
	sum, err := mirror.Sync(ctx, w.client, w.store, opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\x1b[K") // clear the last progress line
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if err != nil {
		return syncError(err, sum)
	}
	if messagePath != "" {
		if err := writeMessage(messagePath, sum.Added); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "synced %s: %s, %s, %s\n", plural(sum.Pages, "page"),
		plural(sum.NewRevisions, "new revision"), plural(sum.Requests, "request"), formatBytes(sum.Bytes))
	return nil
}

func syncError(err error, sum mirror.Summary) error {
	if errors.Is(err, archive.ErrLocked) {
		return withHint(err, "wait for the other wikisite command to finish, then run the sync again")
	}
	if errors.Is(err, context.Canceled) {
		return withHint(fmt.Errorf("sync interrupted after %s: %w", plural(sum.NewRevisions, "new revision"), err),
			"the archive is valid; run `wikisite sync` again to finish")
	}
	return withHint(fmt.Errorf("sync: %w", err),
		"what was fetched before the error is archived; fix the cause and run `wikisite sync` again",
		"check --api (or params.wiki.api) and --timeout if the wiki is unreachable or slow")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// formatBytes uses decimal units, as in "40.1 kB".
func formatBytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
}

// isTerminal reports whether w is a character device, where a progress
// line rewritten in place reads well.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
