// Package sitecopy lays out, for tests, a Hugo project built from the
// repository's own site files: its config.toml, layouts/ and static/ copied
// into a temporary folder, so a test can add content of its own and build
// it with sync/site without touching the checkout.
package sitecopy

import (
	"os"
	"path/filepath"
	"testing"
)

// Into copies config.toml, layouts/ and static/ of the project at root
// into dir, failing tb on any error.
func Into(tb testing.TB, root, dir string) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), data, 0o644); err != nil {
		tb.Fatal(err)
	}
	for _, d := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			tb.Fatalf("copy %s: %v", d, err)
		}
	}
}
