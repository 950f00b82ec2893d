package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEncode(t *testing.T) {
	fm := FrontMatter{Title: "a \"b\"\n+++", Type: "wiki", URL: "/wiki/Template:X/",
		Date: time.Date(2013, 11, 26, 16, 0, 0, 0, time.UTC), Params: map[string]string{"k": "v"}}
	got, err := Encode("x.md", fm, "body")
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\ntitle = \"a \\\"b\\\"\\n+++\"\ntype = \"wiki\"\nurl = \"/wiki/Template\\\\:X/\"\n" +
		"date = 2013-11-26T16:00:00Z\n\n[params]\n  k = \"v\"\n+++\n\nbody\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(string(got), "+++\n") != 2 {
		t.Errorf("a value closed the front matter early")
	}
}

func TestReplace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	n, err := Replace(dir, func(tr *Tree) error {
		return tr.WriteDoc("a/b.md", FrontMatter{Title: "B"}, "")
	})
	if err != nil || n != 1 {
		t.Fatalf("Replace = %d, %v; want 1 file", n, err)
	}
	_, err = Replace(dir, func(tr *Tree) error {
		if err := tr.Write("c.md", []byte("c")); err != nil {
			return err
		}
		return errors.New("boom")
	})
	if err == nil || err.Error() != "boom" {
		t.Fatalf("error %v, want boom", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "b.md")); err != nil {
		t.Fatalf("a failed Replace lost the old tree: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.md")); err == nil {
		t.Fatal("a failed Replace left part of its tree")
	}
	if all, _ := os.ReadDir(filepath.Dir(dir)); len(all) != 1 {
		t.Fatalf("left beside content/: %v", all)
	}
}
