package site

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// mustProject unpacks testdata/<name>.txtar into a fresh folder, then
// writes the given files over it (path → content; "" deletes the file).
func mustProject(tb testing.TB, name string, files map[string]string) string {
	tb.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	for _, f := range ar.Files {
		mustWrite(tb, filepath.Join(dir, f.Name), string(f.Data))
	}
	for name, data := range files {
		if data == "" {
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		mustWrite(tb, filepath.Join(dir, name), data)
	}
	return dir
}

func mustWrite(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func mustBuild(tb testing.TB, opts Options) Result {
	tb.Helper()
	res, err := Build(context.Background(), opts)
	if err != nil {
		tb.Fatalf("Build(%s): %v", opts.Dir, err)
	}
	return res
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// readTree returns every regular file under root, by slash path.
func readTree(tb testing.TB, root string) map[string][]byte {
	tb.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		data, err := os.ReadFile(path)
		tree[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return tree
}

func TestBuildWritesPages(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	res := mustBuild(t, Options{Dir: dir})
	public := filepath.Join(dir, "public")
	tree := readTree(t, public)
	if res.Files != len(tree) {
		t.Errorf("Result.Files = %d, destination holds %d files", res.Files, len(tree))
	}
	// home, the section-less page list and two regular pages.
	if res.Pages < 3 {
		t.Errorf("Result.Pages = %d, want at least 3 (home, alpha, beta)", res.Pages)
	}
	for _, tc := range []struct{ file, want string }{
		{"index.html", `<a href="/alpha/">Alpha</a>`},
		{"alpha/index.html", "<article><p>Synthetic page alpha, with <em>emphasis</em>.</p>"},
		{"beta/index.html", "Synthetic page beta."},
		{"style.css", "color: black"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			if got := string(tree[tc.file]); !strings.Contains(got, tc.want) {
				t.Errorf("%s lacks %q; it holds:\n%s", tc.file, tc.want, got)
			}
		})
	}
	if alpha := string(tree["alpha/index.html"]); strings.Contains(alpha, "<script") {
		t.Errorf("raw HTML passed goldmark's safe mode:\n%s", alpha)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary build folders left behind: %v", leftovers)
	}
}

func TestBuildReadsContentDir(t *testing.T) {
	dir := mustProject(t, "tiny", map[string]string{
		"elsewhere/delta.md": "+++\ntitle = \"Delta\"\nurl = \"/delta/\"\n+++\nSynthetic page delta.\n",
	})
	for _, content := range []string{"elsewhere", filepath.Join(dir, "elsewhere")} {
		t.Run(content, func(t *testing.T) {
			dest := t.TempDir()
			mustBuild(t, Options{Dir: dir, ContentDir: content, Destination: dest})
			if page := mustRead(t, filepath.Join(dest, "delta", "index.html")); !strings.Contains(page, "Synthetic page delta.") {
				t.Errorf("delta page lacks its text:\n%s", page)
			}
			if _, err := os.Stat(filepath.Join(dest, "alpha")); err == nil {
				t.Error("the build read content/ instead of ContentDir")
			}
		})
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	first, second := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, Options{Dir: dir, Destination: first})
	mustBuild(t, Options{Dir: dir, Destination: second})
	a, b := readTree(t, first), readTree(t, second)
	if len(a) == 0 {
		t.Fatal("the first build wrote no files")
	}
	if !sameTree(t, a, b) {
		t.Error("two builds of the same project differ")
	}
}

func TestBuildRemovesStaleFiles(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	mustBuild(t, Options{Dir: dir})
	if err := os.Remove(filepath.Join(dir, "content", "beta.md")); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Dir: dir})
	if _, err := os.Stat(filepath.Join(dir, "public", "beta", "index.html")); err == nil {
		t.Error("public/beta/index.html survived the removal of content/beta.md")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "alpha", "index.html")); err != nil {
		t.Errorf("alpha vanished: %v", err)
	}
}

func TestBuildErrorIsOneLineNamingTheFile(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             []string
	}{
		{"missing field", "layouts/single.html",
			"{{ define \"main\" }}<article>{{ .Content }}</article>\n{{ .NoSuchField.Deeper }}{{ end }}\n",
			[]string{"hugo: layouts/single.html:2:", "NoSuchField"}},
		{"parse error", "layouts/single.html", "{{ define \"main\" }}{{ if }}{{ end }}",
			[]string{"single.html:1", "missing value for if"}},
		{"errorf is only logged", "layouts/home.html", `{{ define "main" }}{{ errorf "synthetic failure %d" 42 }}{{ end }}`,
			[]string{"hugo: synthetic failure 42"}},
		{"hugo panics", "content/beta.md", "+++\ntitle = \"Beta\"\nurl = \"/wiki/Template:Synthetic/\"\n+++\n",
			[]string{"hugo crashed", `hint: a front matter url with a literal ':' must write it as '\:'`}},
		{"unknown shortcode", "content/beta.md", "+++\ntitle = \"Beta\"\n+++\n{{< nosuch >}}\n",
			[]string{"content/beta.md", "nosuch"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := mustProject(t, "tiny", map[string]string{tc.file: tc.data})
			_, err := Build(context.Background(), Options{Dir: dir})
			if err == nil {
				t.Fatalf("Build succeeded with broken %s", tc.file)
			}
			msg := err.Error()
			t.Logf("error: %s", msg)
			if strings.Contains(msg, "\n") || strings.Contains(msg, dir) {
				t.Errorf("error spans lines or repeats the project path:\n%s", msg)
			}
			var h interface{ Hint() string }
			if errors.As(err, &h) {
				if strings.Contains(h.Hint(), "\n") || strings.Contains(msg, h.Hint()) {
					t.Errorf("hint %q spans lines or repeats the error", h.Hint())
				}
				msg += "\nhint: " + h.Hint()
			}
			for _, want := range tc.want {
				if !strings.Contains(msg, want) {
					t.Errorf("error lacks %q", want)
				}
			}
		})
	}
}

func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	dir := mustProject(t, "tiny", nil)
	mustBuild(t, Options{Dir: dir})
	public := filepath.Join(dir, "public")
	before := readTree(t, public)
	mustWrite(t, filepath.Join(dir, "layouts", "single.html"), "{{ define \"main\" }}{{ if }}{{ end }}")
	if _, err := Build(context.Background(), Options{Dir: dir}); err == nil {
		t.Fatal("Build succeeded with a template that does not parse")
	}
	after := readTree(t, public)
	if !sameTree(t, before, after) {
		t.Error("the failed build changed the previous site")
	}
}

// sameTree reports whether a and b hold the same files with the same
// bytes, logging each difference.
func sameTree(tb testing.TB, a, b map[string][]byte) bool {
	tb.Helper()
	same := true
	for name, data := range a {
		other, ok := b[name]
		if !ok {
			tb.Logf("%s: only in the first tree", name)
			same = false
		} else if !bytes.Equal(data, other) {
			tb.Logf("%s: bytes differ", name)
			same = false
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			tb.Logf("%s: only in the second tree", name)
			same = false
		}
	}
	return same
}

func TestHugoEnvironmentIsIgnored(t *testing.T) {
	t.Setenv("HUGO_BASEURL", "https://leaked.invalid/")
	t.Setenv("HUGO_TITLE", "Leaked title")
	dir := mustProject(t, "tiny", nil)
	for _, tc := range []struct{ name, override, want string }{
		{"config", "", "https://example.org/"},
		{"option", "https://override.example/", "https://override.example/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustBuild(t, Options{Dir: dir, BaseURL: tc.override})
			home := mustRead(t, filepath.Join(dir, "public", "index.html"))
			if strings.Contains(home, "leaked") || strings.Contains(home, "Leaked") {
				t.Errorf("a HUGO_ variable reached the site:\n%s", home)
			}
			if want := `<p class="base">` + tc.want + `</p>`; !strings.Contains(home, want) {
				t.Errorf("home lacks %q:\n%s", want, home)
			}
		})
	}
}

func TestSecurityPolicyBlocksTemplates(t *testing.T) {
	for _, tc := range []struct{ name, call, want string }{
		{"getenv", `{{ os.Getenv "HOME" }}`, "security.funcs.getenv"},
		{"remote", `{{ with resources.GetRemote "https://example.org/x.json" }}{{ .Content }}{{ end }}`, "security.http.urls"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := mustProject(t, "tiny", map[string]string{
				"layouts/home.html": "{{ define \"main\" }}" + tc.call + "{{ end }}",
			})
			_, err := Build(context.Background(), Options{Dir: dir})
			if err == nil {
				t.Fatalf("Build allowed %s", tc.call)
			}
			t.Logf("error: %v", err)
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not cite %s: %v", tc.want, err)
			}
		})
	}
}

func TestCleanEnviron(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []string
		want string
	}{
		{"drops HUGO_", []string{"HUGO_BASEURL=x", "PATH=/bin", "HOME=/h"}, "PATH=/bin HOME=/h"},
		{"drops secrets", []string{"GITHUB_TOKEN=s", "TMPDIR=/t"}, "TMPDIR=/t"},
		{"never empty", nil, "PATH="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(cleanEnviron(tc.in), " "); got != tc.want {
				t.Errorf("cleanEnviron(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
