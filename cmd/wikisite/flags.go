package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

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
func (c *common) load() (*config.Config, *archive.Store, error) {
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return nil, nil, withHint(err, "fix the file, or point --config at another")
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
