package bench

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
)

var (
	full    = flag.Bool("full", false, "run the side-by-side comparison (slow; see bench/README.md)")
	nPages  = flag.Int("pages", 20, "synthetic pages in the comparison")
	nRevs   = flag.Int("revs", 100, "revisions per synthetic page")
	runs    = flag.Int("runs", 5, "runs of each fast contender")
	gitRuns = flag.Int("git-runs", 5, "runs of git-remote-mediawiki (about 45 s each at 20 × 100)")
	publish = flag.Bool("publish", false, "also write the results into bench/README.md")
)

// bench is one comparison's setting.
type bench struct {
	w       *mwtest.Wiki
	history []Page
	titles  []string
	repo    string // the wikisite checkout
	bin     string // built binaries
	work    string // scratch space for every contender
	project string // config.toml, layouts, static, archive for wikisite
}

// TestBench is the side-by-side comparison. It runs only when asked:
//
//	go test ./bench -run TestBench -timeout 3h -args -full
func TestBench(t *testing.T) {
	if !*full {
		t.Skip("the comparison runs only with -full (see bench/README.md); TestRequestFloor is its small version")
	}
	machine := describeMachine()
	b := mustBench(t)
	var rs []result
	rs = append(rs, b.fetchers(t)...)
	rs = append(rs, b.gitClone(t)...)
	rs = append(rs, b.builders(t)...)
	rs = append(rs, b.oneRevision(t), b.serveLatency(t))
	machine.loadAfter = loadAvg()
	report := renderReport(machine, b, rs)
	fmt.Println(report)
	mustWriteResults(t, b.repo, "results", report, *publish)
}

func mustBench(t *testing.T) *bench {
	t.Helper()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("starting the wiki and importing %d × %d synthetic revisions", *nPages, *nRevs)
	w, h := mustWiki(t, *nPages, *nRevs)
	mustBackdateFirstRevision(t, w)
	b := &bench{w: w, history: h, repo: repo, work: t.TempDir()}
	for _, p := range h {
		b.titles = append(b.titles, p.Title)
	}
	b.bin = filepath.Join(b.work, "bin")
	mustRun(t, repo, "go", "build", "-o", b.bin+"/", "./cmd/wikisite", "./bench/cmd/apifloor")
	b.project = filepath.Join(b.work, "project")
	b.mustProject(t)
	return b
}

// mustBackdateFirstRevision moves the test wiki's revision 1 (the Main
// Page that install.php wrote today) to 1999. git-remote-mediawiki asks for
// revisions from rvstartid=1, which the API bounds by revision 1's
// timestamp: on a real wiki that is the oldest revision, but here it is
// newer than the synthetic history, and the clone would find nothing.
func mustBackdateFirstRevision(tb testing.TB, w *mwtest.Wiki) {
	tb.Helper()
	db := filepath.Join(w.Dir, "wiki.sqlite")
	code := `$db = new PDO("sqlite:" . $argv[1]);` +
		`if ($db->exec("UPDATE revision SET rev_timestamp = '19990101000000' WHERE rev_id = 1") !== 1) { exit(1); }`
	mustRun(tb, w.Dir, "php", "-r", code, db)
}

// mustProject makes a wikisite project: the checkout's config.toml with
// the synthetic pages and meetings in place of the real ones, and links to
// the checkout's layouts and static files.
func (b *bench) mustProject(tb testing.TB) {
	tb.Helper()
	mustProjectDir(tb, b.repo, b.project, b.w.API, b.titles, *nRevs)
}

// mustProjectDir makes the project folder dir from the checkout repo.
func mustProjectDir(tb testing.TB, repo, dir, api string, titles []string, revs int) {
	tb.Helper()
	cfg, err := os.ReadFile(filepath.Join(repo, "config.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, d := range []string{"layouts", "static"} {
		if err := os.Symlink(filepath.Join(repo, d), filepath.Join(dir, d)); err != nil {
			tb.Fatal(err)
		}
	}
	text := projectConfig(string(cfg), api, titles, revs)
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// projectConfig keeps Hugo's settings of the checkout's config and
// replaces [params.wiki] and the meetings with synthetic ones.
func projectConfig(repoConfig, api string, titles []string, revs int) string {
	var out strings.Builder
	skip := false
	for line := range strings.Lines(repoConfig) {
		if h := strings.TrimSpace(line); strings.HasPrefix(h, "[") {
			skip = strings.HasPrefix(h, "[params.wiki") || strings.HasPrefix(h, "[[params.meetings]]")
		}
		if !skip {
			out.WriteString(line)
		}
	}
	fmt.Fprintf(&out, "\n[params.wiki]\napi = %q\npages = [", api)
	for i, t := range titles {
		if i > 0 {
			out.WriteString(", ")
		}
		fmt.Fprintf(&out, "%q", t)
	}
	out.WriteString("]\nuser_agent = \"wikisite-bench (synthetic benchmark)\"\n")
	for m := 1; m <= 4; m++ {
		day := Start.Add(time.Duration(m*revs/4)*Spacing(revs) - Spacing(revs)/2)
		fmt.Fprintf(&out, "\n[[params.meetings]]\ndate = %s\ntitle = \"Synthetic meeting %d\"\nminutes = \"https://example.org/synthetic-meeting-%d\"\n",
			day.Format(time.RFC3339), m, m)
	}
	return out.String()
}

// wikisite runs the built wikisite binary in the project folder.
func (b *bench) wikisite(tb testing.TB, args ...string) proc {
	tb.Helper()
	return mustRun(tb, b.project, filepath.Join(b.bin, "wikisite"), args...)
}

// contender is one client that a round runs once.
type contender struct {
	key, name string
	// run makes run i and returns the process and the folder whose size
	// counts as written ("" for none).
	run func(i int) (proc, string)
}

// roundRobin runs every contender once per round, so load from other work
// on this shared machine falls on all of them alike.
func (b *bench) roundRobin(t *testing.T, rounds int, cs []contender) []result {
	rs := make([]result, len(cs))
	for i, c := range cs {
		rs[i] = result{key: c.key, name: c.name}
	}
	for i := range rounds {
		for j, c := range cs {
			before := b.w.Requests(t)
			p, dir := c.run(i)
			s := sample{wall: p.wall, rssKB: p.rssKB, requests: b.w.Requests(t) - before}
			if dir != "" {
				s.bytes = mustDirSize(t, dir)
			}
			rs[j].samples = append(rs[j].samples, s)
		}
	}
	return rs
}

// fetchers are the full and no-op syncs and the peers that fetch the same
// history. The last full archive becomes the project's archive.
func (b *bench) fetchers(t *testing.T) []result {
	archive := func(i int) string { return filepath.Join(b.project, fmt.Sprintf("archive-full-%d", i)) }
	rs := b.roundRobin(t, *runs, []contender{
		{"full", "wikisite sync, full (fresh archive)", func(i int) (proc, string) {
			return b.wikisite(t, "sync", "--archive", archive(i)), archive(i)
		}},
		{"noop", "wikisite sync, no-op", func(i int) (proc, string) {
			return b.wikisite(t, "sync", "--archive", archive(i)), ""
		}},
		{"floor", "API floor loop (Go, rvlimit=50, no writes)", func(int) (proc, string) {
			return mustRun(t, b.work, filepath.Join(b.bin, "apifloor"), append([]string{b.w.API}, b.titles...)...), ""
		}},
		{"mwclient", "python3-mwclient script (full; no incremental mode)", func(i int) (proc, string) {
			out := filepath.Join(b.work, fmt.Sprintf("mwclient-%d", i))
			script := filepath.Join(b.repo, "bench", "peers", "mwclient_fetch.py")
			return mustRun(t, b.work, "/usr/bin/python3", append([]string{script, b.w.API, out}, b.titles...)...), out
		}},
	})
	if err := os.Rename(archive(*runs-1), filepath.Join(b.project, "archive")); err != nil {
		t.Fatal(err)
	}
	return rs
}

// gitClone measures git-remote-mediawiki's clone of the same pages
// (remote.origin.pages) and then a no-op fetch in each clone.
func (b *bench) gitClone(t *testing.T) []result {
	clone := result{key: "gitclone", name: "git-remote-mediawiki clone"}
	fetch := result{key: "gitfetch", name: "git-remote-mediawiki fetch, no-op"}
	wiki := "mediawiki::" + strings.TrimSuffix(b.w.API, "/api.php")
	pages := strings.Join(b.titles, " ")
	for i := range *gitRuns {
		dir := filepath.Join(b.work, fmt.Sprintf("git-%d", i))
		t.Logf("git-remote-mediawiki clone %d of %d", i+1, *gitRuns)
		clone.samples = append(clone.samples, measure(t, b.w, dir, func() proc {
			return mustRun(t, b.work, "git", "clone", "-q", "-c", "remote.origin.pages="+pages, wiki, dir)
		}))
		before := mustDirSize(t, dir)
		s := measure(t, b.w, dir, func() proc { return mustRun(t, dir, "git", "fetch", "-q") })
		s.bytes -= before
		fetch.samples = append(fetch.samples, s)
	}
	return []result{clone, fetch}
}
