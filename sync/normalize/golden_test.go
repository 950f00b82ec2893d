package normalize

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

const goldenFile = "testdata/golden/fedora-personas.txtar"

// TestGolden writes content/ from the committed archive and config.toml and
// compares every file with testdata/golden; `go test -update` rewrites it.
func TestGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	got := readTree(t, dir)
	if golden.Updating() {
		ar := &txtar.Archive{Comment: []byte("content/ written by sync/normalize from the committed archive/ and config.toml.\nRegenerate with: go test ./sync/normalize -run TestGolden -update\n")}
		for _, name := range sortedKeys(got) {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
		}
		if err := os.MkdirAll(filepath.Dir(goldenFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	ar, err := txtar.ParseFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		want[f.Name] = string(f.Data)
	}
	if diff := cmp.Diff(sortedKeys(want), sortedKeys(got)); diff != "" {
		t.Errorf("file list differs (-golden +got):\n%s", diff)
	}
	for name, w := range want {
		if g, ok := got[name]; ok && g != w {
			t.Errorf("%s differs (-golden +got):\n%s", name, cmp.Diff(w, g))
		}
	}
}
