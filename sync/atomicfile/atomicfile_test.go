package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f.txt")
	for _, data := range []string{"one", "two, longer"} {
		if err := WriteFile(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, %v; want 0644", fi.Mode(), err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "sub", ".tmp-*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestWriteFileOverFolderFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.MkdirAll(filepath.Join(path, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("x")); err == nil {
		t.Fatal("replaced a non-empty folder with a file")
	}
}

func TestReplaceDir(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "content")
	for i, name := range []string{"a", "b"} {
		tmp, err := os.MkdirTemp(parent, "content.tmp-")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := ReplaceDir(tmp, dir); err != nil {
			t.Fatalf("replace %d: %v", i, err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) != 1 || entries[0].Name() != name {
			t.Fatalf("after replace %d: %v, %v; want only %s", i, entries, err, name)
		}
		if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o755 {
			t.Fatalf("mode %v, want 0755", fi.Mode())
		}
	}
	all, _ := os.ReadDir(parent)
	if len(all) != 1 {
		t.Fatalf("left beside the folder: %v", all)
	}
}

func TestReplaceDirWithoutNewTree(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "old"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceDir(filepath.Join(parent, "missing"), dir); err == nil {
		t.Fatal("no error for a missing new tree")
	}
	if _, err := os.Stat(filepath.Join(dir, "old")); err != nil {
		t.Fatalf("old tree lost: %v", err)
	}
}
