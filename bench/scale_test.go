package bench

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

var (
	scale       = flag.Bool("scale", false, "run the scale benchmark (slow; see bench/README.md)")
	scaleRevs   = flag.String("scale-revs", "1000,5000,10000", "revisions of the one-page histories, comma-separated")
	scalePages  = flag.String("scale-pages", "100,1000,3000", "pages of the wide sites (10 revisions each), comma-separated")
	scaleBudget = flag.Duration("scale-budget", 10*time.Minute, "skip a size whose build is predicted (linearly from the last size) to take longer")
)

// wideRevs is the revisions per page of the wide sites.
const wideRevs = 10

// maxFile is the largest output file the issue allows.
const maxFile = 2 << 20

// scaleRun is one measured size.
type scaleRun struct {
	pages, revs int
	textBytes   int64 // wikitext in the archive
	build       proc
	hugoPages   int // what wikisite's build says it built
	files       int
	largest     int64
	largestPath string
	over        int // output files over maxFile
	hugo        proc
	skipped     string // why the size did not run
}

// TestScale builds synthetic archives of growing length and width with
// `wikisite build` in a child process, and plain Hugo on as many pages in
// the same run. It runs only when asked:
//
//	go test ./bench -run TestScale -timeout 3h -args -scale
func TestScale(t *testing.T) {
	if !*scale {
		t.Skip("the scale benchmark runs only with -scale (see bench/README.md)")
	}
	machine := describeMachine()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	mustRun(t, repo, "go", "build", "-o", bin+"/", "./cmd/wikisite")
	long := runSeries(t, repo, bin, mustSizes(t, *scaleRevs), func(n int) (int, int) { return 1, n })
	wide := runSeries(t, repo, bin, mustSizes(t, *scalePages), func(n int) (int, int) { return n, wideRevs })
	machine.loadAfter = loadAvg()
	report := renderScale(machine, long, wide)
	fmt.Println(report)
	mustWriteScale(t, repo, report, *publish)
}

func mustSizes(tb testing.TB, list string) []int {
	tb.Helper()
	var out []int
	if strings.TrimSpace(list) == "" {
		return nil
	}
	for f := range strings.SplitSeq(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			tb.Fatalf("size %q: want a positive number", f)
		}
		out = append(out, n)
	}
	return out
}

// runSeries measures the sizes in order, smallest first, and skips the
// rest once a build is predicted to exceed the budget.
func runSeries(t *testing.T, repo, bin string, sizes []int, shape func(int) (pages, revs int)) []scaleRun {
	var out []scaleRun
	for i, n := range sizes {
		pages, revs := shape(n)
		if i > 0 && out[i-1].skipped == "" {
			prev := out[i-1]
			predicted := time.Duration(float64(prev.build.wall) * float64(n) / float64(sizes[i-1]))
			if predicted > *scaleBudget {
				out = append(out, scaleRun{pages: pages, revs: revs, skipped: fmt.Sprintf("not run: %s predicted (linearly from %d) exceeds the %s budget", seconds(predicted), sizes[i-1], *scaleBudget)})
				continue
			}
		} else if i > 0 {
			out = append(out, scaleRun{pages: pages, revs: revs, skipped: "not run: a smaller size was skipped"})
			continue
		}
		t.Logf("%s: %d pages × %d revisions", time.Now().UTC().Format("15:04:05"), pages, revs)
		out = append(out, measureScale(t, repo, bin, pages, revs))
	}
	return out
}

// measureScale writes the archive, builds it cold, and builds plain Hugo
// on as many pages. Its folders are removed after, as the big archives
// are gigabytes.
func measureScale(t *testing.T, repo, bin string, pages, revs int) scaleRun {
	work, err := os.MkdirTemp("", "wikisite-scale-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(work)
	project := filepath.Join(work, "project")
	store, err := archive.Open(filepath.Join(project, "archive"))
	if err != nil {
		t.Fatal(err)
	}
	titles, textBytes, last := mustWriteArchive(t, store, pages, revs)
	mustProjectDir(t, repo, project, "http://127.0.0.1:1/api.php", titles, revs)
	r := scaleRun{pages: pages, revs: revs, textBytes: textBytes}
	r.build = mustRun(t, project, filepath.Join(bin, "wikisite"), "build")
	if _, err := fmt.Sscanf(r.build.stdout, "built %d pages", &r.hugoPages); err != nil {
		t.Fatalf("wikisite build printed %q: %v", r.build.stdout, err)
	}
	public := filepath.Join(project, "public")
	r.files, r.largest, r.largestPath, r.over = mustOutputSizes(t, public)
	t.Logf("build %s, %s peak, %d pages, largest %s %s", seconds(r.build.wall), megabytes(r.build.rssKB*1000), r.hugoPages, megabytes(r.largest), r.largestPath)
	hugo := filepath.Join(work, "hugo")
	plain := make([]plainPage, r.hugoPages)
	for i := range plain {
		plain[i] = plainPage{fmt.Sprintf("p%05d", i), fmt.Sprintf("Synthetic plain page %d", i), last[i%len(last)]}
	}
	mustWritePlainHugo(t, hugo, plain)
	r.hugo = mustRun(t, hugo, "/usr/bin/hugo", "--quiet")
	t.Logf("plain Hugo on %d pages: %s, %s peak", r.hugoPages, seconds(r.hugo.wall), megabytes(r.hugo.rssKB*1000))
	return r
}

// mustOutputSizes counts the files under dir, finds the largest and
// counts those over maxFile.
func mustOutputSizes(tb testing.TB, dir string) (files int, largest int64, path string, over int) {
	tb.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		if info.Size() > maxFile {
			over++
		}
		if info.Size() > largest {
			largest, path = info.Size(), p
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("sizes under %s: %v", dir, err)
	}
	rel, _ := filepath.Rel(dir, path)
	return files, largest, filepath.ToSlash(rel), over
}

func TestOutputSizes(t *testing.T) {
	dir := t.TempDir()
	for name, n := range map[string]int{"a.html": 10, "b/c.xml": maxFile + 1, "b/d.html": 100} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, largest, path, over := mustOutputSizes(t, dir)
	if files != 3 || largest != maxFile+1 || path != "b/c.xml" || over != 1 {
		t.Errorf("mustOutputSizes = %d files, largest %d at %q, %d over; want 3, %d at b/c.xml, 1", files, largest, path, over, maxFile+1)
	}
}

// TestWriteArchive checks that the streamed archive holds what History
// makes: every revision, parents chained, texts that hash to their sha1.
func TestWriteArchive(t *testing.T) {
	const pages, revs = 2, 9
	store, err := archive.Open(filepath.Join(t.TempDir(), "archive"))
	if err != nil {
		t.Fatal(err)
	}
	titles, textBytes, last := mustWriteArchive(t, store, pages, revs)
	h := History(pages, revs)
	var want int64 = int64(len(templateText))
	for p, page := range h {
		got, err := store.Page(titles[p])
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Revisions) != revs {
			t.Fatalf("%s: %d revisions archived, want %d", titles[p], len(got.Revisions), revs)
		}
		for i, r := range got.Revisions {
			want += int64(len(page.Revisions[i].Text))
			if i > 0 && r.ParentID != got.Revisions[i-1].ID {
				t.Errorf("%s revision %d: parent %d, want %d", titles[p], r.ID, r.ParentID, got.Revisions[i-1].ID)
			}
			text, err := store.Text(titles[p], r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(text) != page.Revisions[i].Text {
				t.Errorf("%s revision %d: archived text differs from History's", titles[p], r.ID)
			}
		}
		if last[p].Text != page.Revisions[revs-1].Text {
			t.Errorf("%s: last revision differs from History's", titles[p])
		}
	}
	if textBytes != want {
		t.Errorf("wrote %d bytes of wikitext, want %d", textBytes, want)
	}
}

var scaleProject = flag.String("scale-project", "", "write a -pages × -revs project `folder` for profiling a build (see bench/README.md)")

// TestScaleProject writes the project that TestScale builds, for
// cmd/wikisite's BenchmarkBuildProject to profile in process.
func TestScaleProject(t *testing.T) {
	if *scaleProject == "" {
		t.Skip("writes a project only with -scale-project DIR")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	store, err := archive.Open(filepath.Join(*scaleProject, "archive"))
	if err != nil {
		t.Fatal(err)
	}
	titles, textBytes, _ := mustWriteArchive(t, store, *nPages, *nRevs)
	mustProjectDir(t, repo, *scaleProject, "http://127.0.0.1:1/api.php", titles, *nRevs)
	t.Logf("%s: %d pages × %d revisions, %s of wikitext", *scaleProject, *nPages, *nRevs, megabytes(textBytes))
}
