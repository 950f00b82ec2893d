package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/dumpimport"
)

const importSynopsis = "import [--config FILE] [--archive DIR] [--init] FILE.xml\n\n" +
	"Loads a MediaWiki XML export (Special:Export, schema 0.10 or 0.11) into the\n" +
	"archive, keeping its revision ids, timestamps, users and comments. Revisions\n" +
	"the archive already holds are skipped. All or nothing: on any error the\n" +
	"archive is left exactly as it was.\n\n" +
	"Every page of the dump must be configured (params.wiki.pages) or be a\n" +
	"template, since the next build publishes what the archive holds. A new\n" +
	"archive folder is created only beside config.toml or with --init, so a\n" +
	"mistyped --archive is an error rather than a new, stray archive."

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	var initArchive bool
	fs := newFlagSet("import", importSynopsis, stderr, &c, false)
	fs.BoolVar(&initArchive, "init", false, "create the archive folder if it does not exist")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage{msg: "import: name exactly one XML dump file"}
	}
	cfg, store, err := c.load(stderr)
	if err != nil {
		return err
	}
	if err := c.mayCreateArchive(initArchive); err != nil {
		return err
	}
	sum, err := importFile(ctx, store, files[0], dumpimport.Options{Check: configuredOnly(cfg)})
	if err != nil {
		return err
	}
	if n := len(sum.Orphans); n > 0 {
		fmt.Fprintf(stderr, "note: removed %s that no page.toml listed, left by an interrupted sync or import\n", plural(n, "revision text"))
	}
	fmt.Fprintf(stdout, "imported %d pages: %d revisions (%d new)\n", sum.Pages, sum.Revisions, sum.Added)
	return nil
}

// parseInterspersed parses flags placed before or after the file names, as
// in `wikisite import dump.xml --archive DIR`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return names, nil
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// importFile loads the dump at path into store; hints tell the user what
// to do about the errors they can act on.
func importFile(ctx context.Context, store *archive.Store, path string, opts dumpimport.Options) (dumpimport.Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return dumpimport.Summary{}, withHint(fmt.Errorf("import: %w", err), "name an XML file written by Special:Export")
	}
	defer f.Close()
	sum, err := dumpimport.Import(ctx, store, f, opts)
	var unconf errUnconfigured
	switch {
	case errors.As(err, &unconf):
		return sum, withHint(fmt.Errorf("import %s: %w", path, err),
			"add it to params.wiki.pages in "+unconf.configFile+" if the site should publish it, then import again",
			"nothing was imported: the archive is unchanged")
	case errors.Is(err, archive.ErrLocked):
		return sum, withHint(err, "wait for the other wikisite command to finish, then run the import again")
	case errors.Is(err, dumpimport.ErrConflict):
		return sum, withHint(fmt.Errorf("import %s: %w", path, err),
			"a revision id names one text forever: is the dump from another wiki?", "nothing was imported: the archive is unchanged")
	case err != nil:
		return sum, withHint(fmt.Errorf("import %s: %w", path, err), "nothing was imported: the archive is unchanged")
	}
	return sum, nil
}

// mayCreateArchive fails when the archive folder does not exist and the
// user did not ask for a new one: only a folder beside the configuration
// file, or --init, starts an archive.
func (c *common) mayCreateArchive(init bool) error {
	if _, err := os.Stat(c.archivePath); !errors.Is(err, fs.ErrNotExist) || init {
		return nil
	}
	parent, err1 := filepath.Abs(filepath.Dir(c.archivePath))
	project, err2 := filepath.Abs(filepath.Dir(c.configPath))
	if err1 == nil && err2 == nil && parent == project {
		return nil
	}
	return withHint(fmt.Errorf("archive %s: no such folder", c.archivePath),
		"pass --archive DIR to name an existing archive, or --init to start a new one there")
}

// errUnconfigured names the dump's pages that nobody configured.
type errUnconfigured struct {
	titles     []string
	configFile string
}

func (e errUnconfigured) Error() string {
	if len(e.titles) == 1 {
		return fmt.Sprintf("page %q is not in params.wiki.pages: the next build would publish it", e.titles[0])
	}
	return fmt.Sprintf("%d pages (%s) are not in params.wiki.pages: the next build would publish them",
		len(e.titles), strings.Join(quoteAll(e.titles), ", "))
}

// configuredOnly is the import check that refuses pages which are neither
// configured nor templates (or modules) that configured pages may use.
func configuredOnly(cfg *config.Config) func([]dumpimport.PageRef) error {
	want := map[string]bool{}
	for _, t := range cfg.Wiki.Pages {
		want[archive.Canonical(t)] = true
	}
	return func(pages []dumpimport.PageRef) error {
		var extra []string
		for _, p := range pages {
			if !want[p.Title] && p.Namespace != nsTemplate && p.Namespace != nsModule {
				extra = append(extra, p.Title)
			}
		}
		if len(extra) == 0 {
			return nil
		}
		return errUnconfigured{titles: extra, configFile: cfg.File}
	}
}

// MediaWiki's namespace numbers of what pages transclude.
const (
	nsTemplate = 10
	nsModule   = 828
)

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
