package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
)

// Defaults shared by every subcommand.
const (
	defaultConfig  = "config.toml"
	defaultArchive = "archive"
)

// common holds the flags every subcommand takes.
type common struct {
	configPath  string
	archivePath string
	api         string // only for commands that talk to the wiki
}

// newFlagSet makes a subcommand's flag set with --config and --archive, and
// --api when the command talks to the wiki.
func newFlagSet(name, synopsis string, stderr io.Writer, c *common, talksToWiki bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.configPath, "config", defaultConfig, "configuration `file` (wikisite's settings and Hugo's)")
	fs.StringVar(&c.archivePath, "archive", defaultArchive, "revision archive `folder`")
	if talksToWiki {
		fs.StringVar(&c.api, "api", "", "wiki API `URL` (overrides params.wiki.api), e.g. http://127.0.0.1:8080/api.php")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: wikisite %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning -h into errHelp and other flag errors
// into usage errors (the flag package has printed them).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errUsage{}
	}
	return nil
}

// load reads the configuration and opens the archive, applying --api.
// Settings the file leaves to wikisite's defaults are said on stderr: an
// empty or foreign config.toml would otherwise mirror Fedora's pages
// without a word.
func (c *common) load(stderr io.Writer) (*config.Config, *archive.Store, error) {
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return nil, nil, withHint(err, "fix the file, or point --config at another")
	}
	for _, n := range cfg.Defaulted {
		fmt.Fprintf(stderr, "note: %s\n", n)
	}
	if c.api != "" {
		if err := config.CheckAPIURL(c.api); err != nil {
			return nil, nil, errUsage{msg: "--api: " + err.Error()}
		}
		cfg.Wiki.API = c.api
	}
	store, err := archive.Open(c.archivePath)
	if err != nil {
		return nil, nil, err
	}
	return cfg, store, nil
}

// requireArchive fails unless the archive folder exists and holds at least
// one page: a build from a mistyped --archive would otherwise replace the
// committed content with an empty site.
func requireArchive(store *archive.Store) error {
	hint := "run `wikisite sync`, or pass --archive DIR"
	info, err := os.Stat(store.Dir())
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return withHint(fmt.Errorf("archive %s: no such folder", store.Dir()), hint)
	case err != nil:
		return fmt.Errorf("archive: %w", err)
	case !info.IsDir():
		return withHint(fmt.Errorf("archive %s: not a folder", store.Dir()), hint)
	}
	titles, err := store.Titles()
	if err != nil {
		return err
	}
	if len(titles) == 0 {
		return withHint(fmt.Errorf("archive %s holds no pages", store.Dir()), hint)
	}
	return nil
}
