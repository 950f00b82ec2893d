// Package golden checks a test's outputs against txtar files under
// testdata/: each file holds the inputs and the expected outputs as
// sections, and `go test -update` rewrites the outputs from what the code
// now gives, so a change in behaviour shows up as a diff in review.
//
// It is for tests only. A package using it must not define its own
// -update flag.
package golden

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the outputs in golden files")

// Run calls outputs for every txtar file matching pattern, each as a
// subtest named after the file, and compares the sections it returns with
// the file's (or, with -update, writes them into the file). A section the
// file lacks compares as empty.
func Run(t *testing.T, pattern string, outputs func(t *testing.T, ar *txtar.Archive) map[string]string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files match %s (%v)", pattern, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := outputs(t, ar)
			names := make([]string, 0, len(got))
			for name := range got {
				names = append(names, name)
			}
			sort.Strings(names)
			if *update {
				for _, name := range names {
					set(ar, name, got[name])
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range names {
				if diff := cmp.Diff(Section(ar, name), withNewline(got[name])); diff != "" {
					t.Errorf("%s: section %s differs (-file +got); run go test -update if meant:\n%s", file, name, diff)
				}
			}
		})
	}
}

// Updating reports whether the test binary runs with -update, for a test
// that rewrites a golden file of another shape than Run's.
func Updating() bool { return *update }

// Section returns the named section of ar, "" when there is none.
func Section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

// withNewline is data as a txtar section holds it: ending in a newline
// unless empty.
func withNewline(data string) string {
	if data != "" && !strings.HasSuffix(data, "\n") {
		data += "\n"
	}
	return data
}

func set(ar *txtar.Archive, name, data string) {
	data = withNewline(data)
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// JSON is v as indented JSON, HTML characters left as they are, for a
// section that shows a value's whole shape.
func JSON(t *testing.T, v any) string {
	t.Helper()
	var out strings.Builder
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
