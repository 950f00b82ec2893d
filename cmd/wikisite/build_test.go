package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/site"
)

// repoRoot is the project folder of this repository: config.toml,
// archive/, layouts/.
const repoRoot = "../.."

// mustRunBuild runs `wikisite build` on the committed archive and the
// repository's config and layouts, writing content and site under out.
func mustRunBuild(tb testing.TB, out string) string {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	args := []string{"build",
		"--config", filepath.Join(repoRoot, "config.toml"),
		"--archive", filepath.Join(repoRoot, "archive"),
		"--content", filepath.Join(out, "content"),
		"--destination", filepath.Join(out, "public"),
	}
	if code := run(context.Background(), args, &stdout, &stderr); code != exitOK {
		tb.Fatalf("wikisite %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func TestBuildTheRepository(t *testing.T) {
	out := t.TempDir()
	stdout := mustRunBuild(t, out)
	public := filepath.Join(out, "public")
	if !regexp.MustCompile(`^built \d+ pages into ` + regexp.QuoteMeta(public) + `/ \(\d+ files\)\n$`).MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}

	wiki := mustReadFile(t, filepath.Join(public, "wiki", "Server", "Personas", "index.html"))
	if n := strings.Count(wiki, "<article"); n != 1 {
		t.Errorf("/wiki/Server/Personas/ has %d <article> elements, want 1", n)
	}
	if article := wiki[strings.Index(wiki, "<article"):]; !strings.Contains(article, "Sandra Summers") {
		t.Error("/wiki/Server/Personas/'s article lacks the converted body (no \"Sandra Summers\")")
	}

	cfg, err := config.Load(filepath.Join(repoRoot, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"personas/sandra-summers", "personas/joe-franklin", "meetings"}
	for _, m := range cfg.Meetings {
		pages = append(pages, "meetings/"+m.Slug())
	}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(public, p, "index.html")); err != nil {
				t.Errorf("/%s/ was not built: %v", p, err)
			}
		})
	}
}

// TestBuildIsReproducible builds the repository twice, search index
// included where Pagefind is installed (always under CI=true, where the
// build fails without it), and compares every byte.
func TestBuildIsReproducible(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	mustRunBuild(t, a)
	mustRunBuild(t, b)
	if _, err := site.FindPagefind(repoRoot); err == nil || os.Getenv("CI") == "true" {
		cfg, err := config.Load(filepath.Join(repoRoot, "config.toml"))
		if err != nil {
			t.Fatal(err)
		}
		// The personas first appear at a later meeting; the last has them.
		last := cfg.Meetings[len(cfg.Meetings)-1].Slug()
		for _, bundle := range []string{"latest", last} {
			if _, err := os.Stat(filepath.Join(a, "public", "pagefind", bundle, "pagefind.js")); err != nil {
				t.Errorf("no search bundle for %s: %v", bundle, err)
			}
		}
	}
	for _, dir := range []string{"content", "public"} {
		ta, tb := mustTree(t, filepath.Join(a, dir)), mustTree(t, filepath.Join(b, dir))
		if len(ta) == 0 {
			t.Fatalf("the build wrote nothing into %s", dir)
		}
		for name, data := range ta {
			if !bytes.Equal(data, tb[name]) {
				t.Errorf("%s/%s differs between two builds", dir, name)
			}
		}
		for name := range tb {
			if _, ok := ta[name]; !ok {
				t.Errorf("%s/%s is only in the second build", dir, name)
			}
		}
	}
}

func mustReadFile(tb testing.TB, path string) string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// mustTree reads every regular file under root, by slash path.
func mustTree(tb testing.TB, root string) map[string][]byte {
	tb.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		tree[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return tree
}

var update = flag.Bool("update", false, "rewrite testdata/public.sha256")

// manifest lists a tree's files with their SHA-256, sorted by path.
func manifest(tree map[string][]byte) string {
	names := make([]string, 0, len(tree))
	for name := range tree {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(tree[name]), name)
	}
	return b.String()
}

// TestBuiltSiteIsPinned checks the site built from the committed archive
// against testdata/public.sha256, so a refactoring that changes a single
// byte of public/ is seen; rewrite it with -update when a change to the
// site is meant. The search bundles (pagefind/) are left out: they are
// there only where Pagefind is installed, and TestBuildIsReproducible and
// sync/site's TestSearchIndexIsDeterministic hold them to the byte.
func TestBuiltSiteIsPinned(t *testing.T) {
	out := t.TempDir()
	mustRunBuild(t, out)
	tree := mustTree(t, filepath.Join(out, "public"))
	for name := range tree {
		if strings.HasPrefix(name, site.SearchDir+"/") {
			delete(tree, name)
		}
	}
	got := manifest(tree)
	const file = "testdata/public.sha256"
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := mustReadFile(t, file)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("public/ differs from %s (-want +got); run go test ./cmd/wikisite -run TestBuiltSiteIsPinned -update if meant:\n%s", file, diff)
	}
}
