package archive

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOrphans: texts a killed commit moved into place without metadata,
// in a listed page's folder and in a folder with no page.toml, are listed,
// then removed under the lock; listed texts stay.
func TestOrphans(t *testing.T) {
	s := mustStore(t)
	r1, t1 := rev(1, "2001-01-01T00:00:00Z", "synthetic one")
	mustCommit(t, s, &Page{Title: "Synthetic page", Revisions: []Revision{r1}}, map[int64][]byte{1: t1})
	write := func(rel string) {
		t.Helper()
		path := filepath.Join(s.Dir(), rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("synthetic orphan"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Synthetic_page/2.wiki")
	write("Synthetic_page/3.wiki")
	write("Synthetic_new/7.wiki")
	want := []string{"Synthetic_new/7.wiki", "Synthetic_page/2.wiki", "Synthetic_page/3.wiki"}

	got, err := s.Orphans()
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("Orphans() = %q, %v; want %q", got, err, want)
	}
	if _, err := s.RemoveOrphans(); !errors.Is(err, ErrNotLocked) {
		t.Fatalf("RemoveOrphans without the lock: %v, want ErrNotLocked", err)
	}
	lock, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	removed, err := s.RemoveOrphans()
	if err != nil || !slices.Equal(removed, want) {
		t.Fatalf("RemoveOrphans() = %q, %v; want %q", removed, err, want)
	}
	if got, err := s.Orphans(); err != nil || len(got) != 0 {
		t.Errorf("Orphans() after removal = %q, %v; want none", got, err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), "Synthetic_new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the emptied folder Synthetic_new is still there: %v", err)
	}
	if text, err := s.Text("Synthetic page", 1); err != nil || string(text) != "synthetic one" {
		t.Errorf("listed text after removal: %q, %v", text, err)
	}
}
