package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/normalize"
	"github.com/wikisite/wikisite/sync/site"
)

const buildSynopsis = "build [--config FILE] [--archive DIR] [--content DIR] [--destination DIR] [--cache DIR] [--base-url URL] [--allow-shrink] [--pagefind FILE] [--draft TITLE=FILE] [-v]\n\n" +
	"Rewrites the content folder from the archive, then builds the site with Hugo\n" +
	"into the destination. Hugo reads its settings from the same config.toml, and\n" +
	"layouts/ and static/ from the folder that holds it. A failed build leaves the\n" +
	"previous destination untouched. Conversions and diffs are kept in the cache\n" +
	"folder, so a rebuild after a few new revisions computes only theirs; the cache\n" +
	"never changes the output, and deleting it is always safe. Pagefind then\n" +
	"indexes the site for search (`npm ci` installs it); without it the build\n" +
	"warns and leaves search out, except under CI=true, where that is an error.\n\n" +
	"A missing or empty archive is an error, and so is a build that would drop a\n" +
	"configured page the content folder holds but the archive lacks (a mistyped\n" +
	"--archive or --config): --allow-shrink lets such a build through.\n\n" +
	"--draft TITLE=FILE (repeatable) previews an edit before it is saved: the\n" +
	"file's wikitext is taken as the page's next revision, in memory only, never\n" +
	"written to the archive, and every page carries a \"Draft (not on the wiki)\"\n" +
	"banner linking the draft's changes. The content folder is left alone (the\n" +
	"draft's content goes to a temporary folder, so `git status` stays clean), and\n" +
	"--destination is required: a draft is not the site, and building it over\n" +
	"the usual public/ would let it be published or mistaken for the wiki's.\n\n" +
	"Exit codes: 0 built (warnings are printed but do not fail); 1 error; 2 bad usage."

// buildFlags are the flags of build and serve.
type buildFlags struct {
	common
	content     string
	destination string
	baseURL     string
	cache       string
	allowShrink bool
	verbose     bool
	// pagefindPath is --pagefind: a binary, "off", or "" to look for one.
	pagefindPath string
	// drafts are --draft TITLE=FILE, re-read at every build so that serve
	// shows the file as it is now.
	drafts draftFlag
}

// defaultCache is the cache folder, relative to the folder holding the
// configuration file: under Hugo's resources/, which is not committed.
const defaultCache = "resources/_wikisite"

func newBuildFlagSet(name, synopsis string, stderr io.Writer, f *buildFlags, talksToWiki bool) *flag.FlagSet {
	fs := newFlagSet(name, synopsis, stderr, &f.common, talksToWiki)
	fs.StringVar(&f.content, "content", "content", "`folder` to rewrite with Markdown from the archive")
	fs.StringVar(&f.destination, "destination", site.DefaultDestination, "`folder` to build the site into")
	fs.StringVar(&f.cache, "cache", "", "build cache `folder` (default "+defaultCache+" next to --config; \"off\" for none)")
	fs.StringVar(&f.baseURL, "base-url", "", "site `URL` (overrides config.toml's baseURL), e.g. https://example.org/personas/")
	fs.BoolVar(&f.allowShrink, "allow-shrink", false, "build even if configured pages that the content folder holds are missing from the archive")
	fs.StringVar(&f.pagefindPath, "pagefind", "", "Pagefind `binary` that indexes the site for search (default: the one `npm ci` installed next to --config, else pagefind on PATH; \"off\" for no search)")
	fs.Var(&f.drafts, "draft", "`TITLE=FILE`: preview the file's wikitext as the page's next revision, never archived (repeatable)")
	fs.BoolVar(&f.verbose, "v", false, "log Hugo's and the converter's progress, and how long each stage took")
	return fs
}

// project is what build and serve work with.
type project struct {
	cfg     *config.Config
	store   *archive.Store
	log     *slog.Logger
	content string // absolute
	cache   string // absolute; "" for none
	site    site.Options
	verbose bool
	// contentArg is --content as given, for messages; allowShrink is
	// --allow-shrink.
	contentArg  string
	allowShrink bool
	// drafts are --draft's values; draftFiles their files, absolute, for
	// serve to watch.
	drafts     draftFlag
	draftFiles []string

	mu     sync.Mutex
	warned map[string]bool
}

// warn prints a warning once per run: serve rebuilds and polls often, and
// the same diagnostic every time would bury the new ones.
func (p *project) warn(stderr io.Writer, msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.warned[msg] {
		return
	}
	if p.warned == nil {
		p.warned = map[string]bool{}
	}
	p.warned[msg] = true
	fmt.Fprintf(stderr, "warning: %s\n", msg)
}

// setup loads the configuration and archive; the project root is the
// folder holding the configuration file.
func (f *buildFlags) setup(stderr io.Writer, level slog.Level) (*project, error) {
	cfg, store, err := f.load(stderr)
	if err != nil {
		return nil, err
	}
	if err := requireArchive(store); err != nil {
		return nil, err
	}
	if f.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	content, err1 := filepath.Abs(f.content)
	dest, err2 := filepath.Abs(f.destination)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("resolve --content %s, --destination %s: %v %v", f.content, f.destination, err1, err2)
	}
	cache, err := f.cacheDir()
	if err != nil {
		return nil, err
	}
	drafts, err := readDrafts(cfg, f.drafts)
	if err != nil {
		return nil, err
	}
	p := &project{cfg: cfg, store: store, log: log, content: content, cache: cache, verbose: f.verbose,
		contentArg: f.content, allowShrink: f.allowShrink, drafts: f.drafts, site: site.Options{
			Dir: filepath.Dir(f.configPath), ContentDir: content, Destination: dest,
			BaseURL: f.baseURL, Logger: log, Search: searchIndexes(cfg),
		}}
	if p.site.Pagefind, err = f.pagefind(p, stderr, os.Getenv("CI") == "true"); err != nil {
		return nil, err
	}
	for _, d := range drafts {
		abs, err := filepath.Abs(d.file)
		if err != nil {
			return nil, fmt.Errorf("--draft %s=%s: %w", d.title, d.file, err)
		}
		p.draftFiles = append(p.draftFiles, abs)
	}
	return p, nil
}

// cacheDir resolves --cache.
func (f *buildFlags) cacheDir() (string, error) {
	switch f.cache {
	case "off":
		return "", nil
	case "":
		return filepath.Abs(filepath.Join(filepath.Dir(f.configPath), filepath.FromSlash(defaultCache)))
	}
	return filepath.Abs(f.cache)
}

// normalize rewrites the content folder and prints its diagnostics.
func (p *project) normalize(ctx context.Context, stderr io.Writer) error {
	if err := p.checkShrink(); err != nil {
		return err
	}
	opts := normalize.Options{Site: p.cfg.NormalizeSite(), Store: p.store, ContentDir: p.content, CacheDir: p.cache}
	drafts, err := readDrafts(p.cfg, p.drafts)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		opts.Drafts = append(opts.Drafts, normalize.Draft{Title: d.title, File: d.file, Text: d.text, Time: time.Now()})
	}
	if p.verbose {
		// Its warnings are the report's diagnostics, printed below;
		// the log only adds progress.
		opts.Logger = p.log
	}
	rep, err := normalize.Write(ctx, opts)
	for _, d := range rep.Diagnostics {
		p.warn(stderr, d)
	}
	if err != nil {
		return withHint(err, "the site was not rebuilt; fix the cause and run `wikisite build` again")
	}
	return nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f buildFlags
	fs := newBuildFlagSet("build", buildSynopsis, stderr, &f, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage{msg: fmt.Sprintf("%s: takes no arguments, got %q (flags go before it?)", fs.Name(), fs.Arg(0))}
	}
	if len(f.drafts) > 0 && !flagSet(fs, "destination") {
		return withHint(errors.New("build --draft: give --destination DIR for the draft's site"),
			"a draft is not the site: building it into "+slashed(f.destination)+" would let it be published; e.g. --destination /tmp/draft-site")
	}
	p, err := f.setup(stderr, slog.LevelWarn)
	if err != nil {
		return err
	}
	cleanup, err := p.draftContent()
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	if err := p.normalize(ctx, stderr); err != nil {
		return err
	}
	p.log.Debug("build", "stage", "normalize", "took", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	res, err := site.Build(ctx, p.site)
	if err != nil {
		return withHint(fmt.Errorf("build: %w", err), "the previous "+f.destination+" is untouched; fix the file named above and build again")
	}
	p.log.Debug("build", "stage", "hugo", "took", time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "built %s into %s (%s)\n", plural(res.Pages, "page"), slashed(f.destination), plural(res.Files, "file"))
	return nil
}

// slashed shows a folder as the user gave it, with a final slash.
func slashed(dir string) string {
	return strings.TrimSuffix(dir, "/") + "/"
}

// flagSet reports whether the named flag was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// draftContent points a draft build's content at a temporary folder, so
// the committed content/ never holds a draft; the returned func removes it.
func (p *project) draftContent() (func(), error) {
	if len(p.drafts) == 0 {
		return func() {}, nil
	}
	dir, err := os.MkdirTemp("", "wikisite-draft-content-")
	if err != nil {
		return nil, fmt.Errorf("--draft: temporary content folder: %w", err)
	}
	p.content, p.contentArg, p.site.ContentDir = dir, dir, dir
	return func() { os.RemoveAll(dir) }, nil
}
