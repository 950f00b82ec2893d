package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/wikisite/wikisite/sync/mirror"
	"github.com/wikisite/wikisite/sync/mw"
	"github.com/wikisite/wikisite/sync/site"
)

const serveSynopsis = "serve [--port N] [--bind ADDR] [--poll-wiki D] [--api URL] [build flags]\n\n" +
	"Builds the site as `wikisite build` does, serves it for preview, and rebuilds\n" +
	"when layouts/, static/, config.toml or the archive change; open pages reload\n" +
	"themselves. With --poll-wiki it also syncs from the wiki every D, so an edit\n" +
	"on the wiki shows up in the preview. Stop with Ctrl-C.\n\n" +
	"--draft TITLE=FILE (repeatable) previews an unsaved edit, as with `wikisite\n" +
	"build --draft`, and rebuilds when the file changes. The draft's content and,\n" +
	"unless --destination is given, its site go to temporary folders removed on\n" +
	"exit: content/ and public/ never hold a draft.\n\n" +
	"Exit codes: 0 stopped; 1 error (such as a failed first build); 2 bad usage."

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f buildFlags
	fs := newBuildFlagSet("serve", serveSynopsis, stderr, &f, true)
	port := fs.Int("port", site.DefaultPort, "`port` to listen on")
	bind := fs.String("bind", site.DefaultBind, "`address` to listen on")
	pollWiki := fs.Duration("poll-wiki", 0, "sync from the wiki every `D` (e.g. 1m) and rebuild on new revisions; 0 = never")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage{msg: fmt.Sprintf("%s: takes no arguments, got %q (flags go before it?)", fs.Name(), fs.Arg(0))}
	}
	if f.baseURL == "" {
		// Root-relative links work whatever host and port serve the preview.
		f.baseURL = "/"
	}
	p, err := f.setup(stderr, slog.LevelInfo)
	if err != nil {
		return err
	}
	cleanup, err := p.draftContent()
	if err != nil {
		return err
	}
	defer cleanup()
	if len(p.drafts) > 0 && !flagSet(fs, "destination") {
		dest, err := os.MkdirTemp("", "wikisite-draft-site-")
		if err != nil {
			return fmt.Errorf("--draft: temporary site folder: %w", err)
		}
		defer os.RemoveAll(dest)
		p.site.Destination = filepath.Join(dest, "public")
	}
	configFile, err1 := filepath.Abs(p.cfg.File)
	archiveDir, err2 := filepath.Abs(p.store.Dir())
	if err1 != nil || err2 != nil {
		return fmt.Errorf("resolve %s, %s: %v %v", p.cfg.File, p.store.Dir(), err1, err2)
	}
	opts := site.ServeOptions{
		Options:  p.site,
		Port:     *port,
		Bind:     *bind,
		Rebuild:  func(ctx context.Context) error { return p.normalize(ctx, stderr) },
		Watch:    append([]string{"layouts", "static", configFile, archiveDir}, p.draftFiles...),
		PollWiki: *pollWiki,
		// The poll rebuilds after a sync that wrote the archive; the
		// watcher need not as well.
		SyncWrites: []string{archiveDir},
		Ready:      func(url string) { fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop)\n", url) },
	}
	if *pollWiki > 0 {
		if opts.Sync, err = p.syncer(stderr); err != nil {
			return err
		}
	}
	if err := site.Serve(ctx, opts); err != nil {
		return withHint(fmt.Errorf("serve: %w", err), "fix the file named above and run `wikisite serve` again")
	}
	return nil
}

// syncer makes the poll step: a mirror.Sync that reports new revisions.
func (p *project) syncer(stderr io.Writer) (func(context.Context) (bool, error), error) {
	client, err := mw.New(mw.Options{API: p.cfg.Wiki.API, UserAgent: p.cfg.Wiki.UserAgent, Logger: p.log, Timeout: mw.DefaultTimeout})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (bool, error) {
		start := time.Now()
		opts := syncOptions(p.cfg)
		if p.verbose {
			opts.Logger = p.log
		}
		sum, err := mirror.Sync(ctx, client, p.store, opts)
		for _, w := range sum.Warnings {
			p.warn(stderr, w)
		}
		p.log.Debug("polled the wiki", "new_revisions", sum.NewRevisions, "took", time.Since(start))
		return sum.NewRevisions > 0, err
	}, nil
}
