package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLiveRebuildEqualsColdBuild changes, adds and removes content files
// and edits a layout, and checks after each step which path the live site
// took and that its public/ holds the same bytes as a cold Build.
func TestLiveRebuildEqualsColdBuild(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	live, err := newLiveSite(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer live.close()
	steps := []struct {
		name        string
		edit        map[string]string // "" removes the file
		wantPartial bool
	}{
		{"first build", nil, false},
		{"nothing changed", nil, true},
		{"one page changed", map[string]string{"content/beta.md": "+++\ntitle = \"Beta, retitled\"\nurl = \"/beta/\"\n+++\nSynthetic page beta, edited.\n"}, true},
		{"one page added", map[string]string{"content/gamma.md": "+++\ntitle = \"Gamma\"\nurl = \"/gamma/\"\n+++\nSynthetic page gamma.\n"}, true},
		{"content/ swapped whole, one page changed", map[string]string{swapContent: "", "content/alpha.md": "+++\ntitle = \"Alpha\"\nurl = \"/alpha/\"\n+++\nSynthetic page alpha, swapped in.\n"}, true},
		{"one page removed", map[string]string{"content/gamma.md": ""}, false},
		{"layout changed", map[string]string{"layouts/single.html": "{{ define \"main\" }}<main>{{ .Content }}</main>{{ end }}"}, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if _, ok := st.edit[swapContent]; ok {
				mustSwapContent(t, dir, st.edit)
				st.edit = nil
			}
			for name, data := range st.edit {
				if data == "" {
					if err := os.Remove(filepath.Join(dir, name)); err != nil {
						t.Fatal(err)
					}
					continue
				}
				mustWrite(t, filepath.Join(dir, name), data)
			}
			res, partial, err := live.build(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if partial != st.wantPartial {
				t.Errorf("partial = %v, want %v", partial, st.wantPartial)
			}
			cold := filepath.Join(t.TempDir(), "cold")
			want := mustBuild(t, Options{Dir: dir, Destination: cold})
			if res != want {
				t.Errorf("live build %+v, cold build %+v", res, want)
			}
			mustSameTree(t, filepath.Join(dir, DefaultDestination), cold)
		})
	}
	if got := mustRead(t, filepath.Join(dir, "public", "beta", "index.html")); !strings.Contains(got, "beta, edited") {
		t.Errorf("public/beta/index.html lacks the edit:\n%s", got)
	}
}

// swapContent in a test step's edits makes the step write a new content/
// beside the old one and rename it into place, as normalize does.
const swapContent = "swap content/"

func mustSwapContent(tb testing.TB, dir string, edit map[string]string) {
	tb.Helper()
	next := filepath.Join(dir, "content.next")
	if err := os.CopyFS(next, os.DirFS(filepath.Join(dir, "content"))); err != nil {
		tb.Fatal(err)
	}
	for name, data := range edit {
		if name != swapContent {
			mustWrite(tb, filepath.Join(next, strings.TrimPrefix(name, "content/")), data)
		}
	}
	if err := os.RemoveAll(filepath.Join(dir, "content")); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(next, filepath.Join(dir, "content")); err != nil {
		tb.Fatal(err)
	}
}

// mustSameTree fails unless the two folders hold the same files with the
// same bytes.
func mustSameTree(tb testing.TB, got, want string) {
	tb.Helper()
	g, w := readTree(tb, got), readTree(tb, want)
	for name, data := range w {
		if other, ok := g[name]; !ok {
			tb.Errorf("%s: missing (cold build has it)", name)
		} else if !bytes.Equal(other, data) {
			tb.Errorf("%s differs from the cold build:\n got: %q\nwant: %q", name, other, data)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			tb.Errorf("%s: not in the cold build", name)
		}
	}
}

// BenchmarkLiveRebuild compares, on a synthetic site of 1,000 pages, a cold
// build with the live site's rebuild after one content file changed (what
// one new revision of one page does to content/ under serve).
func BenchmarkLiveRebuild(b *testing.B) {
	dir := mustProject(b, "tiny", nil)
	for i := range 1000 {
		mustWrite(b, filepath.Join(dir, "content", fmt.Sprintf("p%04d.md", i)), syntheticMarkdown(i, 0))
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			mustBuild(b, Options{Dir: dir})
		}
	})
	b.Run("one-page-changed", func(b *testing.B) {
		live, err := newLiveSite(Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		defer live.close()
		if _, _, err := live.build(context.Background()); err != nil {
			b.Fatal(err)
		}
		rev := 0
		for b.Loop() {
			rev++
			mustWrite(b, filepath.Join(dir, "content", "p0500.md"), syntheticMarkdown(500, rev))
			_, partial, err := live.build(context.Background())
			if err != nil || !partial {
				b.Fatalf("partial %v, err %v", partial, err)
			}
		}
	})
}

// syntheticMarkdown is a made-up page (no wiki text) of a few hundred words.
func syntheticMarkdown(page, rev int) string {
	var body strings.Builder
	for p := range 12 {
		fmt.Fprintf(&body, "## Section %d\n\n", p)
		for i := range 40 {
			fmt.Fprintf(&body, "synthetic%d word%d ", (i*7+page)%31, (i+p+rev)%53)
		}
		body.WriteString("\n\n- item one\n- item two\n\n")
	}
	return fmt.Sprintf("+++\ntitle = \"Synthetic %d\"\nurl = \"/p%04d/\"\n+++\nRevision %d.\n\n%s", page, page, rev, body.String())
}
