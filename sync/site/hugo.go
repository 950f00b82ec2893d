package site

// This file is the only place that touches Hugo's API: a Hugo version bump
// should need changes here and nowhere else.

import (
	"fmt"
	"os"
	"strings"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
)

// hintError is an error with a line telling the user how to fix it,
// which the command prints on its own "hint:" line.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

// Hint is the fix, for the command to show.
func (e hintError) Hint() string { return e.hint }

// hugoRun is one Hugo build of a project folder into a publish folder.
type hugoRun struct {
	dir        string // absolute project root holding config.toml
	configFile string // absolute path of the site configuration
	publishDir string // absolute folder Hugo writes into
	contentDir string // absolute folder of Markdown pages
	baseURL    string // overrides config.toml's baseURL when set
	log        *logCollector
}

// build runs Hugo once and returns how many pages it rendered.
func (r hugoRun) build() (pages int, err error) {
	defer recoverCrash(&err)
	sites, err := r.open(false)
	if err != nil {
		return 0, err
	}
	defer sites.Close()
	defer r.log.finish()
	return r.render(sites)
}

// recoverCrash turns a Hugo panic into an error: Hugo 0.165 panics on some
// bad input instead of failing, e.g. a page url holding ":name" (a
// permalink token it cannot expand).
func recoverCrash(err *error) {
	if p := recover(); p != nil {
		*err = hintError{fmt.Errorf("hugo crashed: %v", p), `a front matter url with a literal ':' must write it as '\:'`}
	}
}

// render runs one build of sites, whole or, given the changed files, the
// partial rebuild `hugo server` runs, and returns the page count.
func (r hugoRun) render(sites *hugolib.HugoSites, changed ...fsnotify.Event) (int, error) {
	cfg := hugolib.BuildCfg{}
	if len(changed) > 0 {
		// The lock guards a first build; `hugo server` skips it on
		// rebuilds too, and hugoMu already serialises us.
		cfg.NoBuildLock = true
	}
	if err := sites.Build(cfg, changed...); err != nil {
		return 0, r.log.explain(err, r.dir)
	}
	// Only after a successful build: the page tree may be half-made
	// otherwise, and asking for it panics.
	return len(sites.Pages()), nil
}

// open loads the configuration and makes Hugo's sites. With watch, Hugo
// keeps what it needs to rebuild only what changed (as under `hugo
// server --watch`), and Build may be called again with change events.
func (r hugoRun) open(watch bool) (*hugolib.HugoSites, error) {
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        r.log,
		StdErr:        r.log,
		DistinctLevel: logg.LevelWarn,
	})
	flags := r.flags()
	if watch {
		// Not "running": that is server mode, which injects livereload
		// and makes the output differ from a build's.
		flags.Set("internal", hmaps.Params{"watch": true})
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          hugofs.Os,
		Logger:      logger,
		Flags:       flags,
		Filename:    r.configFile,
		Environment: "production",
		// Without an explicit list Hugo reads os.Environ, and any HUGO_*
		// variable would silently override config.toml.
		Environ: cleanEnviron(os.Environ()),
	})
	if err != nil {
		return nil, r.log.explain(fmt.Errorf("load %s: %w", r.configFile, err), r.dir)
	}
	fs := hugofs.NewFrom(hugofs.Os, configs.LoadingInfo.BaseConfig)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logg.LevelWarn,
		StdOut:   r.log,
		StdErr:   r.log,
	})
	if err != nil {
		return nil, r.log.explain(err, r.dir)
	}
	return sites, nil
}

// hugoSession is one Hugo instance kept between builds of the same
// project, so that a rebuild renders only what the changed files touch.
type hugoSession struct {
	run   hugoRun
	sites *hugolib.HugoSites
}

// openSession makes a session and runs its first, whole build.
func (r hugoRun) openSession() (s *hugoSession, pages int, err error) {
	defer recoverCrash(&err)
	sites, err := r.open(true)
	if err != nil {
		return nil, 0, err
	}
	s = &hugoSession{run: r, sites: sites}
	if pages, err = r.render(sites); err != nil {
		s.close()
		return nil, 0, err
	}
	r.log.finish()
	return s, pages, nil
}

// rebuild hands Hugo the content files that changed, as `hugo server`
// does with its file watcher's events. Paths are absolute.
func (s *hugoSession) rebuild(changed, created, removed []string) (pages int, err error) {
	defer recoverCrash(&err)
	var events []fsnotify.Event
	add := func(paths []string, op fsnotify.Op) {
		for _, p := range paths {
			events = append(events, fsnotify.Event{Name: p, Op: op})
		}
	}
	add(changed, fsnotify.Write)
	add(created, fsnotify.Create)
	add(removed, fsnotify.Remove)
	if len(events) == 0 {
		return len(s.sites.Pages()), nil
	}
	pages, err = s.run.render(s.sites, events...)
	s.run.log.finish()
	return pages, err
}

func (s *hugoSession) close() { s.sites.Close() }

// flags are the settings that win over config.toml, as Hugo's command-line
// flags would.
func (r hugoRun) flags() config.Provider {
	flags := config.New()
	flags.Set("workingDir", r.dir)
	flags.Set("publishDir", r.publishDir)
	flags.Set("contentDir", r.contentDir)
	if r.baseURL != "" {
		flags.Set("baseURL", r.baseURL)
	}
	return flags
}

// cleanEnviron keeps only what Hugo may legitimately need from the
// environment. The result is never empty: Hugo treats an empty list as
// "use os.Environ".
func cleanEnviron(env []string) []string {
	var keep []string
	for _, kv := range env {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "PATH", "HOME", "TMPDIR":
			keep = append(keep, kv)
		}
	}
	if len(keep) == 0 {
		keep = []string{"PATH="}
	}
	return keep
}
