package normalize

import (
	"fmt"
	"testing"
	"time"
)

func TestPaginate(t *testing.T) {
	entries := func(n int) []historyEntry { // newest first, ids n..1
		out := make([]historyEntry, n)
		for i := range out {
			out[i].ID = int64(n - i)
		}
		return out
	}
	for _, tt := range []struct {
		n          int
		newest     int
		pageSizes  []int
		firstPage0 int64 // the newest id on page 1
	}{
		{0, 0, nil, 0},
		{50, 50, nil, 0},
		{51, 50, []int{50, 1}, 50},
		{120, 50, []int{50, 50, 20}, 50},
	} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			newest, pages := paginate(entries(tt.n))
			if len(newest) != tt.newest || len(pages) != len(tt.pageSizes) {
				t.Fatalf("%d newest, %d pages; want %d, %d", len(newest), len(pages), tt.newest, len(tt.pageSizes))
			}
			for k, pg := range pages {
				if len(pg) != tt.pageSizes[k] {
					t.Errorf("page %d holds %d, want %d", k+1, len(pg), tt.pageSizes[k])
				}
				// Page k+1 holds ids 50k+1 … 50(k+1), newest first.
				if pg[len(pg)-1].ID != int64(50*k+1) {
					t.Errorf("page %d starts at revision %d, want %d", k+1, pg[len(pg)-1].ID, 50*k+1)
				}
			}
			if len(pages) > 0 && pages[0][0].ID != tt.firstPage0 {
				t.Errorf("page 1's newest is %d, want %d", pages[0][0].ID, tt.firstPage0)
			}
		})
	}
}

// TestLongHistory: a synthetic page of 120 revisions gets a main history
// page of the newest 50 (its feed's too) and pages of 50 counted from the
// oldest, which keep their revisions when more arrive.
func TestLongHistory(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	texts := make([]string, 120)
	for i := range texts {
		texts[i] = fmt.Sprintf("Synthetic long history, revision %d.\n", i+1)
	}
	mustAddPage(t, dir, "Synthetic long", t0, 5000, texts...)
	site := mustParseSite(t, "[params.wiki]\npages = [\"Synthetic long\"]\n")
	out := t.TempDir() + "/content"
	mustWrite(t, site, mustOpen(t, dir), out)
	tree := readTree(t, out)
	main := mustParse(t, "main", tree["history/Synthetic_long.md"])
	revs := table(t, main.fm, "params", "revisions")
	if len(revs) != 50 || revs[0]["id"] != int64(5119) || revs[49]["id"] != int64(5070) {
		t.Fatalf("main page: %d revisions from %v to %v; want the newest 50, 5119 to 5070", len(revs), revs[0]["id"], revs[len(revs)-1]["id"])
	}
	if got := get(t, main.fm, "params", "total"); got != int64(120) {
		t.Errorf("total = %v, want 120", got)
	}
	pages := table(t, main.fm, "params", "pages")
	if len(pages) != 3 || pages[0]["url"] != "/history/Synthetic_long/page/1/" || pages[0]["first"] != int64(5000) || pages[2]["last"] != int64(5119) {
		t.Errorf("pages %v", pages)
	}
	page1 := mustParse(t, "page 1", tree["history-pages/Synthetic_long/1.md"])
	if got := table(t, page1.fm, "params", "revisions"); len(got) != 50 || got[49]["id"] != int64(5000) {
		t.Errorf("page 1 holds %d revisions, oldest %v; want 50 from 5000", len(got), got[len(got)-1]["id"])
	}
	if _, ok := tree["history-pages/_index.md"]; !ok {
		t.Errorf("no history-pages/_index.md to keep Hugo from listing the pages")
	}
	for name, data := range tree {
		if len(data) > 2<<20 {
			t.Errorf("%s is %d bytes, over 2 MB", name, len(data))
		}
	}

	// One more revision: page 1 keeps its revisions, page 3 gains it.
	mustAddPage(t, dir, "Synthetic long", t0, 5000, append(texts, "Synthetic revision 121.\n")...)
	mustWrite(t, site, mustOpen(t, dir), out)
	tree = readTree(t, out)
	again := table(t, mustParse(t, "page 1", tree["history-pages/Synthetic_long/1.md"]).fm, "params", "revisions")
	if len(again) != 50 || again[0]["id"] != int64(5049) || again[49]["id"] != int64(5000) {
		t.Errorf("page 1 after a new revision: %d revisions %v…%v; want the same 5049…5000", len(again), again[0]["id"], again[len(again)-1]["id"])
	}
	if got := table(t, mustParse(t, "page 3", tree["history-pages/Synthetic_long/3.md"]).fm, "params", "revisions"); len(got) != 21 {
		t.Errorf("page 3 holds %d revisions, want 21", len(got))
	}
}
