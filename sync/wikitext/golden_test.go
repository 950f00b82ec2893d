package wikitext

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fakeTemplates are Options.Templates, as the archive would give them.
type fakeTemplates = map[string]string

// goldenOptions are the options every golden file is converted with; a
// txtar file may add templates as "Template:Name" sections, and mirrored
// files as "File:Name" sections holding the file's src (empty: the wiki
// lacks it).
func goldenOptions(ar *txtar.Archive) Options {
	tpl := fakeTemplates{}
	var files map[string]File
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "Template:") {
			tpl[f.Name] = strings.TrimSuffix(string(f.Data), "\n")
		}
		if strings.HasPrefix(f.Name, "File:") {
			if files == nil {
				files = map[string]File{}
			}
			files[f.Name] = File{Src: strings.TrimSpace(string(f.Data))}
		}
	}
	return Options{
		Files:      files,
		WikiURL:    "https://fedoraproject.org/wiki/",
		Shortcodes: map[string]string{"admon/note": "note", "Admon/warning": "warning"},
		Templates:  tpl,
		Link: func(title string) string {
			if title == "Server/Personas" {
				return "/personas/"
			}
			return ""
		},
	}
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar := mustReadArchive(t, file)
			in := section(ar, "in.wiki")
			res := Convert(strings.TrimSuffix(in, "\n"), goldenOptions(ar))
			got := map[string]string{"out.md": res.Markdown, "diagnostics": formatDiags(res)}
			if *update {
				setSection(ar, "out.md", got["out.md"])
				setSection(ar, "diagnostics", got["diagnostics"])
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"out.md", "diagnostics"} {
				if want := section(ar, name); got[name] != want {
					t.Errorf("%s mismatch (run go test -update to accept):\n%s", name, lineDiff(want, got[name]))
				}
			}
			checkSafe(t, res.Markdown)
		})
	}
}

func formatDiags(r Result) string {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		fmt.Fprintf(&b, "line %d: %s\n", d.Line, d.Message)
	}
	if len(r.Categories) > 0 {
		fmt.Fprintf(&b, "categories: %s\n", strings.Join(r.Categories, ", "))
	}
	if len(r.Magic) > 0 {
		fmt.Fprintf(&b, "magic: %s\n", strings.Join(r.Magic, ", "))
	}
	return b.String()
}

func mustReadArchive(tb testing.TB, file string) *txtar.Archive {
	tb.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		tb.Fatalf("read %s: %v", file, err)
	}
	return ar
}

func section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	if data != "" {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
}

// lineDiff shows differing lines with - (want) and + (got).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %q\n+ %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}
