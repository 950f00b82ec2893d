package site

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Serve defaults.
const (
	DefaultPort     = 1313
	DefaultBind     = "127.0.0.1"
	DefaultDebounce = 200 * time.Millisecond
)

// DefaultWatch are the paths, relative to Options.Dir, that Serve watches
// when ServeOptions.Watch is empty. content/ is not among them: the
// Rebuild step writes it.
var DefaultWatch = []string{"layouts", "config.toml", "archive", "static"}

// ServeOptions configure the local preview.
type ServeOptions struct {
	Options
	// Port and Bind say where to listen (default 127.0.0.1:1313); Port 0
	// means the default. Listener, when set, is used instead.
	Port     int
	Bind     string
	Listener net.Listener
	// Ready, if set, is called with the site's URL once it is served.
	Ready func(url string)
	// Rebuild runs before every Hugo build, the first one included: the
	// normalize step that turns the archive into content/.
	Rebuild func(ctx context.Context) error
	// Watch lists files and folders (relative to Dir, or absolute) whose
	// changes trigger a rebuild; empty means DefaultWatch.
	Watch []string
	// Debounce is how long files must be quiet before a rebuild starts;
	// zero means DefaultDebounce.
	Debounce time.Duration
	// PollWiki, when positive, calls Sync this often; a sync that reports
	// changes triggers a rebuild.
	PollWiki time.Duration
	Sync     func(ctx context.Context) (changed bool, err error)
	// SyncWrites lists the watched paths (relative to Dir, or absolute)
	// that Sync writes, usually the archive. The watcher leaves their
	// changes during a sync to the poll, so a sync that finds new
	// revisions rebuilds the site once, not twice.
	SyncWrites []string
}

// Serve builds the site, serves it over HTTP with live reload, and rebuilds
// on changes to the watched paths and, with PollWiki, on new revisions in
// the wiki. A failed rebuild keeps the last good site and shows the error
// in open pages. It returns when ctx ends, after shutting the server down
// and stopping its goroutines; it fails early if the first build fails.
func Serve(ctx context.Context, opts ServeOptions) error {
	dir, dest, err := opts.paths()
	if err != nil {
		return err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	live, err := newLiveSite(opts.Options)
	if err != nil {
		return err
	}
	defer live.close()
	rebuild := func(ctx context.Context) error {
		if opts.Rebuild != nil {
			if err := opts.Rebuild(ctx); err != nil {
				return err
			}
		}
		res, partial, err := live.build(ctx)
		if err == nil {
			log.Info("built", "pages", res.Pages, "files", res.Files, "partial", partial, "destination", dest)
		}
		return err
	}
	ln, err := opts.listen()
	if err != nil {
		return err
	}
	if err := rebuild(ctx); err != nil {
		ln.Close()
		return err
	}
	gate := newSyncGate(dir, opts.SyncWrites)
	if opts.Sync != nil {
		opts.Sync = gate.wrap(opts.Sync)
	}
	w, err := newWatcher(opts.watchPaths(dir), gate.orIgnore(ignoreBuildOutput(dir, dest)), log)
	if err != nil {
		ln.Close()
		return err
	}
	return serve(ctx, opts, dest, ln, w, rebuild, log)
}

// serve runs the server, the watcher, the wiki poll and the rebuild loop
// until ctx ends.
func serve(ctx context.Context, opts ServeOptions, dest string, ln net.Listener, w *watcher,
	rebuild func(context.Context) error, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reload := newReloader()
	srv := &http.Server{
		Handler:           previewHandler(dest, reload),
		ReadHeaderTimeout: 10 * time.Second,
		// Request contexts end with ctx, which ends the reload streams
		// that would otherwise keep Shutdown waiting.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	changed := make(chan struct{}, 1)
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx, opts.debounce(), changed) })
	if opts.PollWiki > 0 && opts.Sync != nil {
		wg.Go(func() { poll(ctx, opts.PollWiki, opts.Sync, changed, log) })
	}
	wg.Go(func() { rebuildLoop(ctx, changed, rebuild, reload, log) })
	serveErr := make(chan error, 1)
	wg.Go(func() { serveErr <- srv.Serve(ln) })
	if opts.Ready != nil {
		opts.Ready(siteURL(ln.Addr()))
	}

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("serve: %w", err)
	}
	cancel()
	shutdown, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if err := srv.Shutdown(shutdown); err != nil {
		log.Warn("server shutdown", "err", err)
	}
	wg.Wait()
	return err
}

// rebuildLoop rebuilds once per change signal and tells the open pages.
func rebuildLoop(ctx context.Context, changed <-chan struct{}, rebuild func(context.Context) error, reload *reloader, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
		err := rebuild(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			log.Error("rebuild failed; still serving the last good site", "err", err)
		}
		reload.done(err)
		log.Debug("told open pages to reload", "failed", err != nil)
	}
}

// poll asks the wiki for new revisions every interval.
func poll(ctx context.Context, every time.Duration, sync func(context.Context) (bool, error), changed chan<- struct{}, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		got, err := sync(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("polling the wiki failed; will retry", "err", err)
		case got:
			log.Info("the wiki has new revisions; rebuilding")
			signal(changed)
		}
	}
}

func (o ServeOptions) listen() (net.Listener, error) {
	if o.Listener != nil {
		return o.Listener, nil
	}
	bind, port := o.Bind, o.Port
	if bind == "" {
		bind = DefaultBind
	}
	if port == 0 {
		port = DefaultPort
	}
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w (is another preview running? try another --port)", addr, err)
	}
	return ln, nil
}

func (o ServeOptions) watchPaths(dir string) []string {
	paths := o.Watch
	if len(paths) == 0 {
		paths = DefaultWatch
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		abs[i] = filepath.Clean(p)
	}
	return abs
}

func (o ServeOptions) debounce() time.Duration {
	if o.Debounce > 0 {
		return o.Debounce
	}
	return DefaultDebounce
}

// ignoreBuildOutput tells the watcher to skip what builds themselves
// write: the destination, its temporary siblings, Hugo's lock file and
// resource cache.
func ignoreBuildOutput(dir, dest string) func(string) bool {
	tmpPrefix := filepath.Join(filepath.Dir(dest), stagingPrefix(dest))
	return func(p string) bool {
		return p == dest || strings.HasPrefix(p, dest+string(filepath.Separator)) ||
			strings.HasPrefix(p, tmpPrefix) ||
			p == filepath.Join(dir, ".hugo_build.lock") ||
			strings.HasPrefix(p, filepath.Join(dir, "resources")+string(filepath.Separator))
	}
}

// siteURL is the address to open in a browser.
func siteURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port)) + "/"
}
