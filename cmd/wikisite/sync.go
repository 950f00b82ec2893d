package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
	"github.com/wikisite/wikisite/sync/mw"
)

const syncSynopsis = "sync [--config FILE] [--archive DIR] [--api URL] [--timeout D] [--max-reply MB] [--message FILE] [-v]\n\n" +
	"Fetches the new revisions of the configured page set (params.wiki.pages,\n" +
	"categories, prefixes, namespaces) and of the templates they use into the\n" +
	"archive. When nothing changed it costs one request (the wiki's recent\n" +
	"changes). An interrupted sync leaves a valid archive; run it again to finish.\n\n" +
	"Exit codes: 0 synced (warnings, such as a page missing on the wiki, are\n" +
	"printed but do not fail); 1 error; 2 bad usage."

// maxReplyMB is --max-reply's default: mw's cap, in the flag's unit.
const maxReplyMB = mw.DefaultMaxReply / 1_000_000

// wikiFlags are the flags of the commands that talk to the wiki.
type wikiFlags struct {
	common
	timeout  time.Duration
	maxReply int64 // megabytes
	verbose  bool
}

func newWikiFlagSet(name, synopsis string, stderr io.Writer, f *wikiFlags) *flag.FlagSet {
	fs := newFlagSet(name, synopsis+waitNote(), stderr, &f.common, true)
	fs.DurationVar(&f.timeout, "timeout", mw.DefaultTimeout, "give up on one try of a request after `D` (it is retried; see above)")
	fs.Int64Var(&f.maxReply, "max-reply", maxReplyMB, "largest wiki reply to read, in `MB`; a bigger one fails, unretried")
	fs.BoolVar(&f.verbose, "v", false, "log each request batch and retry")
	return fs
}

// waitNote states, for the help, how long a request can keep a command
// waiting (and the archive locked) with the default --timeout.
func waitNote() string {
	def := mw.Options{}
	return fmt.Sprintf("\n\nWaiting: a request is tried up to %d times. With --timeout %s, a wiki that\n"+
		"never finishes a reply costs at most %s before the error, which says how\n"+
		"long it waited; one that sends nothing at all is given up after %d tries, %s.",
		mw.DefaultMaxRetries+1, mw.DefaultTimeout, mw.MaxWait(def), mw.MaxSilent, mw.SilentWait(def))
}

// check rejects values that cannot work, as usage errors.
func (f *wikiFlags) check() error {
	if f.timeout <= 0 {
		return errUsage{msg: fmt.Sprintf("--timeout %s: give a positive duration such as 30s", f.timeout)}
	}
	if f.maxReply <= 0 {
		return errUsage{msg: fmt.Sprintf("--max-reply %d: give a positive number of megabytes such as %d", f.maxReply, maxReplyMB)}
	}
	return nil
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
	if err := f.check(); err != nil {
		return nil, err
	}
	cfg, store, err := f.load(stderr)
	if err != nil {
		return nil, err
	}
	level := slog.LevelWarn
	if f.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	client, err := mw.New(mw.Options{API: cfg.Wiki.API, UserAgent: cfg.Wiki.UserAgent, Logger: log,
		Timeout: f.timeout, MaxReply: f.maxReply * 1_000_000})
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
	opts := syncOptions(w.cfg)
	opts.Logger = w.log
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
	for _, t := range sum.Joined {
		fmt.Fprintf(stderr, "joined the page set: %s\n", t)
	}
	for _, t := range sum.Left {
		fmt.Fprintf(stderr, "left the page set (its history is kept): %s\n", t)
	}
	if len(sum.MissingFiles) > 0 {
		fmt.Fprintf(stderr, "note: files the pages show but the wiki lacks (the site shows a placeholder): %s\n",
			strings.Join(sum.MissingFiles, ", "))
	}
	if err != nil {
		return syncError(err, sum)
	}
	if messagePath != "" {
		if err := writeMessage(messagePath, sum.Added); err != nil {
			return err
		}
	}
	files := ""
	if sum.Files > 0 {
		files = ", " + plural(sum.Files, "new file version")
	}
	fmt.Fprintf(stdout, "synced %s: %s%s, %s, %s\n", plural(sum.Pages, "page"),
		plural(sum.NewRevisions, "new revision"), files, plural(sum.Requests, "request"), formatBytes(sum.Bytes))
	return nil
}

// syncOptions is the page set of config.toml as the sync takes it.
func syncOptions(cfg *config.Config) mirror.Options {
	w := cfg.Wiki
	return mirror.Options{Pages: w.Pages, Categories: w.Categories, CategoryDepth: w.CategoryDepth,
		Prefixes: w.Prefixes, Namespaces: w.Namespaces}
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
		append([]string{"what was fetched before the error is archived; fix the cause and run `wikisite sync` again"}, wikiHints(err)...)...)
}

// wikiHints say which setting to look at for an error from the wiki.
func wikiHints(err error) []string {
	switch {
	case errors.Is(err, mw.ErrNotJSON):
		return []string{"is --api (or params.wiki.api) the wiki's api.php URL, such as https://example.org/w/api.php?"}
	case errors.Is(err, mw.ErrTooLarge):
		return []string{"if the wiki's pages really are this big, raise --max-reply (in MB)"}
	}
	return []string{"check --api (or params.wiki.api) and --timeout if the wiki is unreachable or slow"}
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
