package docdiff

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compares old.md with new.md in each testdata/golden file and
// checks the entries (entries.txt) and the HTML (out.html, all context).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d := Compare(docOf(section(ar, "old.md")), docOf(section(ar, "new.md")))
			got := map[string]string{"entries.txt": summary(d), "out.html": d.HTML(Options{Context: -1})}
			if *update {
				for name, text := range got {
					setSection(ar, name, text)
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"entries.txt", "out.html"} {
				if diff := cmp.Diff(section(ar, name), got[name]); diff != "" {
					t.Errorf("%s mismatch (-want +got; go test -update accepts):\n%s", name, diff)
				}
			}
			checkHTML(t, got["out.html"])
		})
	}
}

// summary is one line per entry: op, kind, text, then notes and origin.
func summary(d Diff) string {
	var sb strings.Builder
	for _, e := range d.Entries {
		b := e.New
		if b == nil {
			b = e.Old
		}
		fmt.Fprintf(&sb, "%s %s %q\n", e.Op, b.Kind, b.Text())
		for _, n := range e.Notes {
			fmt.Fprintf(&sb, "\tnote: %s\n", n)
		}
		for c, notes := range e.CellNotes {
			for _, n := range notes {
				fmt.Fprintf(&sb, "\tcell %d note: %s\n", c+1, n)
			}
		}
		if e.From != "" {
			fmt.Fprintf(&sb, "\tfrom: %s\n", e.From)
		}
	}
	return sb.String()
}

func section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setSection(ar *txtar.Archive, name, text string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(text)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(text)})
}
