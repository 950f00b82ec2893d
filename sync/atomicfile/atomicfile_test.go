package atomicfile

import (
	"errors"
	"io"
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

// TestWrite: what the function writes replaces the file; when it fails,
// the file keeps its old bytes and no temporary file is left.
func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pack")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("synthetic write failure")
	for _, tt := range []struct {
		name    string
		write   func(io.Writer) error
		wantErr error
		want    string
	}{
		{"fails half way", func(w io.Writer) error {
			if _, err := io.WriteString(w, "half"); err != nil {
				return err
			}
			return failed
		}, failed, "old"},
		{"streams", func(w io.Writer) error {
			for _, s := range []string{"new ", "in ", "parts"} {
				if _, err := io.WriteString(w, s); err != nil {
					return err
				}
			}
			return nil
		}, nil, "new in parts"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := Write(path, tt.write); !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write: %v, want %v", err, tt.wantErr)
			}
			if got, err := os.ReadFile(path); err != nil || string(got) != tt.want {
				t.Errorf("read %q, %v; want %q", got, err, tt.want)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".tmp-*")); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}
