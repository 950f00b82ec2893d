package bench

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/reloadtest"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// reloadPath is sync/site's ReloadPath, copied so this package's tests
// do not link Hugo; serveLatency fails loudly if it goes stale.
const reloadPath = "/__wikisite/reload"

// mustClean removes folders a cold build must not find.
func mustClean(tb testing.TB, dirs ...string) {
	tb.Helper()
	for _, d := range dirs {
		if err := os.RemoveAll(d); err != nil {
			tb.Fatal(err)
		}
	}
}

// builders are wikisite's cold build and plain Hugo on one Markdown page
// per synthetic revision (the revision through our converter, so the
// sizes match) with trivial layouts.
func (b *bench) builders(t *testing.T) []result {
	content, public := filepath.Join(b.project, "content"), filepath.Join(b.project, "public")
	hugo := filepath.Join(b.work, "hugo")
	pages := mustPlainHugoSite(t, hugo, b.history)
	var built string
	rs := b.roundRobin(t, *runs, []contender{
		{"build", "wikisite build, cold (content/ and public/ removed)", func(int) (proc, string) {
			mustClean(t, content, public, filepath.Join(b.project, "resources"))
			p := b.wikisite(t, "build")
			built = strings.TrimSpace(p.stdout)
			return p, public
		}},
		{"hugo", "plain Hugo (/usr/bin/hugo), trivial layouts", func(int) (proc, string) {
			mustClean(t, filepath.Join(hugo, "public"), filepath.Join(hugo, "resources"))
			return mustRun(t, hugo, "/usr/bin/hugo", "--quiet"), filepath.Join(hugo, "public")
		}},
	})
	rs[0].note = fmt.Sprintf("%s; content/ %.1f MB", built, float64(mustDirSize(t, content))/1e6)
	rs[1].note = fmt.Sprintf("%d Markdown pages, %.1f MB", pages, float64(mustDirSize(t, filepath.Join(hugo, "content")))/1e6)
	return rs
}

const plainLayout = `<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>`
const plainList = `<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>`

func mustPlainHugoSite(tb testing.TB, dir string, history []Page) int {
	tb.Helper()
	var pages []plainPage
	for p, page := range history {
		for i, r := range page.Revisions {
			pages = append(pages, plainPage{fmt.Sprintf("page%02d/r%03d", p, i), fmt.Sprintf("%s revision %d", page.Title, i), r})
		}
	}
	mustWritePlainHugo(tb, dir, pages)
	return len(pages)
}

// plainPage is one Markdown page of the plain Hugo site: a revision's
// text through our converter.
type plainPage struct {
	name, title string
	rev         Revision
}

// mustWritePlainHugo writes a plain Hugo site with trivial layouts in dir.
func mustWritePlainHugo(tb testing.TB, dir string, pages []plainPage) {
	tb.Helper()
	files := map[string]string{
		"config.toml":                  "baseURL = \"/\"\ntitle = \"Synthetic plain Hugo peer\"\ndisableKinds = [\"rss\", \"sitemap\", \"taxonomy\", \"term\"]\n",
		"layouts/_default/single.html": plainLayout,
		"layouts/_default/list.html":   plainList,
		"layouts/index.html":           plainList,
		// The converter puts tables and styled blocks in this shortcode.
		"layouts/shortcodes/wikihtml.html": "{{ .Inner | safeHTML }}",
	}
	for _, p := range pages {
		md := wikitext.Convert(p.rev.Text, wikitext.Options{}).Markdown
		files["content/"+p.name+".md"] = fmt.Sprintf(
			"---\ntitle: %q\ndate: %s\n---\n\n%s\n", p.title, p.rev.Time.Format(time.RFC3339), md)
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// oneRevision edits one page on the wiki (not timed), then times
// `wikisite sync && wikisite build` on the project.
func (b *bench) oneRevision(t *testing.T) result {
	r := result{key: "onerev", name: "one new revision: wikisite sync && wikisite build"}
	for i := range *runs {
		p := i % len(b.history)
		b.w.Edit(t, b.titles[p], NextText(p, *nRevs, fmt.Sprintf("Synthetic rebuild marker %d.", i)), "synthetic edit", "Synthetic user 5")
		r.samples = append(r.samples, measure(t, b.w, "", func() proc {
			s, bd := b.wikisite(t, "sync"), b.wikisite(t, "build")
			return proc{wall: s.wall + bd.wall, rssKB: max(s.rssKB, bd.rssKB)}
		}))
	}
	return r
}

// serveLatency starts `wikisite serve --poll-wiki 2s`, and per run edits a
// page on the wiki and times edit saved → reload event → the served page
// holds the new text. Peak RSS is the serve process's over all runs.
func (b *bench) serveLatency(t *testing.T) result {
	r := result{key: "serve", name: "serve --poll-wiki 2s: edit saved → reloaded page shows it"}
	port := mustFreePort(t)
	cmd, rssFile := timed(t, b.project, filepath.Join(b.bin, "wikisite"), "serve", "--poll-wiki", "2s", "--port", fmt.Sprint(port))
	// A process group, so the interrupt reaches serve and not only time.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base := mustServing(t, stdout)
	go io.Copy(io.Discard, stdout)
	for i := range *runs {
		p := (i + 1) % len(b.history)
		marker := fmt.Sprintf("Synthetic serve marker %d xq%d", i, time.Now().UnixNano())
		events := reloadtest.Subscribe(t, base+reloadPath)
		b.w.Edit(t, b.titles[p], NextText(p, *nRevs, marker+"."), "synthetic edit", "Synthetic user 6")
		s := measure(t, b.w, "", func() proc {
			start := time.Now()
			b.waitPage(t, base, events, marker)
			return proc{wall: time.Since(start)}
		})
		r.samples = append(r.samples, s)
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("wikisite serve: %v", err)
	}
	rss := mustReadRSS(t, rssFile)
	for i := range r.samples {
		r.samples[i].rssKB = rss
	}
	return r
}

// waitPage waits for reload events until a built page holds marker and
// the server serves it.
func (b *bench) waitPage(tb testing.TB, base string, events <-chan string, marker string) {
	tb.Helper()
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				tb.Fatal("the reload stream ended")
			}
			if strings.HasPrefix(ev, "failed") {
				tb.Fatalf("rebuild failed: %s", ev)
			}
			if rel := findMarker(tb, filepath.Join(b.project, "public"), marker); rel != "" {
				if body := reloadtest.MustGet(tb, base+"/"+rel); strings.Contains(body, marker) {
					return
				}
			}
		case <-deadline:
			tb.Fatalf("no served page shows %q within 2 minutes", marker)
		}
	}
}

func findMarker(tb testing.TB, dir, marker string) string {
	tb.Helper()
	var found string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || found != "" || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return nil
		}
		if data, err := os.ReadFile(path); err == nil && strings.Contains(string(data), marker) {
			found, _ = filepath.Rel(dir, path)
			return fs.SkipAll
		}
		return nil
	})
	return filepath.ToSlash(found)
}

// mustServing reads serve's stdout until it says where it serves.
func mustServing(tb testing.TB, stdout io.Reader) string {
	tb.Helper()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "serving "); ok {
			url, _, _ := strings.Cut(rest, " ")
			return strings.TrimSuffix(url, "/")
		}
	}
	tb.Fatalf("wikisite serve exited before serving: %v", sc.Err())
	return ""
}

func mustFreePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
