package archive

import (
	"fmt"
	"testing"
)

// mustBatch commits revisions [from, to) of a synthetic page.
func mustBatch(tb testing.TB, s *Store, title string, from, to int) {
	tb.Helper()
	p := &Page{Title: title, PageID: 1}
	if old, err := s.Page(title); err == nil {
		p = old
	}
	texts := map[int64][]byte{}
	for i := from; i < to; i++ {
		r, text := rev(int64(i), fmt.Sprintf("2021-01-01T00:%02d:00Z", i), fmt.Sprintf("Synthetic text %d", i))
		p.Add(r)
		texts[r.ID] = text
	}
	mustCommit(tb, s, p, texts)
}

func mustLock(tb testing.TB, s *Store) {
	tb.Helper()
	l, err := s.Lock()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { l.Unlock() })
}

func TestCommitKeepsFolderCache(t *testing.T) {
	t.Run("later batches do not parse page.toml to find the folder", func(t *testing.T) {
		s := mustStore(t)
		mustLock(t, s)
		mustBatch(t, s, "Synthetic/Page", 1, 3)
		for i := 3; i < 9; i += 2 {
			before := s.metaReads.Load()
			tx, err := s.Begin()
			if err != nil {
				t.Fatal(err)
			}
			p := &Page{Title: "Synthetic/Page", PageID: 1}
			for id := 1; id < i+2; id++ {
				r, text := rev(int64(id), fmt.Sprintf("2021-01-01T00:%02d:00Z", id), fmt.Sprintf("Synthetic text %d", id))
				p.Add(r)
				if id >= i {
					if err := tx.PutText(p.Title, r, text); err != nil {
						t.Fatal(err)
					}
				}
			}
			tx.PutPage(p)
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := s.metaReads.Load() - before; got != 0 {
				t.Errorf("batch from revision %d parsed page.toml %d times, want 0", i, got)
			}
		}
		p, err := s.Page("Synthetic/Page")
		if err != nil || len(p.Revisions) != 8 {
			t.Fatalf("after the batches: %+v, %v; want 8 revisions", p, err)
		}
	})
	t.Run("new pages under the lock scan the archive once", func(t *testing.T) {
		s := mustStore(t)
		for i := range 3 {
			mustBatch(t, s, fmt.Sprintf("Synthetic/Old %d", i), 1, 2)
		}
		mustLock(t, s)
		mustBatch(t, s, "Synthetic/New 0", 1, 2)
		after1 := s.metaReads.Load()
		mustBatch(t, s, "Synthetic/New 1", 1, 2)
		mustBatch(t, s, "Synthetic/New 2", 1, 2)
		// mustBatch's own s.Page finds nothing without parsing; Commit
		// finds the folder cached.
		if got := s.metaReads.Load() - after1; got != 0 {
			t.Errorf("two more new pages parsed page.toml %d times, want 0", got)
		}
		titles, err := s.Titles()
		if err != nil || len(titles) != 6 {
			t.Errorf("titles %q, %v; want 6", titles, err)
		}
	})
	t.Run("a reader without the lock sees pages another store adds", func(t *testing.T) {
		reader := mustStore(t)
		if _, err := reader.Page("Synthetic/Later"); err == nil {
			t.Fatal("found a page before it was written")
		}
		writer, err := Open(reader.Dir())
		if err != nil {
			t.Fatal(err)
		}
		mustBatch(t, writer, "Synthetic/Later", 1, 2)
		if _, err := reader.Page("Synthetic/Later"); err != nil {
			t.Errorf("reader after another store's commit: %v", err)
		}
	})
	t.Run("a rename under the lock moves the cached folder", func(t *testing.T) {
		s := mustStore(t)
		mustLock(t, s)
		mustBatch(t, s, "Synthetic/Before", 1, 2)
		if err := s.Rename("Synthetic/Before", "Synthetic/After", Move{From: "Synthetic/Before", To: "Synthetic/After"}); err != nil {
			t.Fatal(err)
		}
		mustBatch(t, s, "Synthetic/After", 2, 3)
		if text, err := s.Text("Synthetic/After", 1); err != nil || string(text) != "Synthetic text 1" {
			t.Errorf("text 1 after the rename: %q, %v", text, err)
		}
		if _, err := s.Page("Synthetic/Before"); err == nil {
			t.Error("the old title still resolves after the rename")
		}
	})
}
