package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMeetingLimits: a meeting shows the diffs of the first page (the
// document) and of the next diffedPages changed pages, lists the next
// listedPages with counts and a link into their history, counts the rest,
// and lists only the newest listedRevisions revisions of the diffed pages.
// A site under every limit has neither the list nor the limits.
func TestMeetingLimits(t *testing.T) {
	t0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name  string
		pages int // each with a revision before the first meeting and one after
		revs  int // revisions of the first page after the first meeting
		// want
		diffed, listed, more, listedRevs, revsMore int
	}{
		{name: "narrow", pages: 5, revs: 1, diffed: 5, listedRevs: 5},
		{name: "past diffed pages", pages: 1 + diffedPages + 3, revs: 1, diffed: 1 + diffedPages, listed: 3, listedRevs: 1 + diffedPages},
		{name: "past listed pages", pages: 1 + diffedPages + listedPages + 2, revs: 1,
			diffed: 1 + diffedPages, listed: listedPages, more: 2, listedRevs: 1 + diffedPages},
		{name: "past listed revisions", pages: 2, revs: listedRevisions + 11, diffed: 2,
			listedRevs: listedRevisions, revsMore: 12},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var titles []string
			for p := range tt.pages {
				title := fmt.Sprintf("Wide/P%03d", p)
				titles = append(titles, title)
				texts := []string{wideText(p, 1)}
				n := 1
				if p == 0 {
					n = tt.revs
				}
				for r := range n {
					texts = append(texts, wideText(p, r+2))
				}
				mustAddPage(t, dir, title, t0, int64(1000*(p+1)), texts...)
			}
			site := mustParseSite(t, "[params.wiki]\npages = [\""+strings.Join(titles, `", "`)+"\"]\n")
			// Before every page's second revision, and after the last.
			site.Meetings = []Meeting{{Date: t0.Add(12 * time.Hour), Title: "Synthetic meeting 1"},
				{Date: t0.Add(time.Duration(tt.revs+1) * 24 * time.Hour), Title: "Synthetic meeting 2"}}
			out := t.TempDir() + "/content"
			mustWrite(t, site, mustOpen(t, dir), out)
			tree := readTree(t, out)
			m := mustDoc(t, tree, "meetings/"+site.Meetings[1].slug()+".md")
			c := get(t, m.fm, "params", "changes")

			var diffed []string
			for _, s := range table(t, c, "sections") {
				if title := s["title"].(string); !slices.Contains(diffed, title) {
					diffed = append(diffed, title)
				}
			}
			// The first page is the document: its text's part is untitled.
			if want := append([]string{""}, titles[1:tt.diffed]...); !slices.Equal(diffed, want) {
				t.Errorf("diffed %q, want %q", diffed, want)
			}
			listed := table(t, c, "pages")
			if len(listed) != tt.listed {
				t.Fatalf("%d pages listed, want %d", len(listed), tt.listed)
			}
			for i, p := range listed {
				title := titles[tt.diffed+i]
				id := int64(1000*(tt.diffed+i+1) + 1)
				want := map[string]any{"page": title, "url": "/wiki/" + title + "/", "diffs_url": fmt.Sprintf("/history/%s/#rev-%d", title, id),
					"revisions": int64(1), "authors": []any{"SyntheticUser"}, "bytes": int64(len(wideText(tt.diffed+i, 2)) - len(wideText(tt.diffed+i, 1)))}
				if fmt.Sprint(p) != fmt.Sprint(want) {
					t.Errorf("pages[%d] = %v, want %v", i, p, want)
				}
			}
			if got := get(t, c, "pages_more"); tt.more == 0 && got != nil || tt.more > 0 && got != int64(tt.more) {
				t.Errorf("pages_more = %v, want %d", got, tt.more)
			}
			revs := table(t, c, "revisions")
			if len(revs) != tt.listedRevs {
				t.Errorf("%d revisions listed, want %d", len(revs), tt.listedRevs)
			}
			if got := get(t, c, "revisions_more"); tt.revsMore == 0 && got != nil || tt.revsMore > 0 && got != int64(tt.revsMore) {
				t.Errorf("revisions_more = %v, want %d", got, tt.revsMore)
			}
			if tt.revsMore > 0 {
				// The newest are kept: the last is the first page's newest.
				if last := revs[len(revs)-1]["id"]; last != int64(1000+tt.revs) {
					t.Errorf("newest revision listed is %v, want %d", last, 1000+tt.revs)
				}
				if h := table(t, c, "histories"); len(h) != tt.diffed || h[0]["url"] != "/history/Wide/P000/" {
					t.Errorf("histories = %v, want the %d diffed pages'", h, tt.diffed)
				}
			}
			limited := tt.listed > 0 || tt.revsMore > 0
			if lim := get(t, c, "limits"); limited != (lim != nil) {
				t.Errorf("limits = %v; want them stated: %v", lim, limited)
			}
			total := tt.pages + tt.revs - 1
			sum := get(t, c, "summary").(map[string]any)
			if sum["page_count"] != int64(tt.pages) || sum["revisions"] != int64(total) || len(sum["pages"].([]any)) != min(tt.pages, summaryNames) ||
				fmt.Sprint(sum["authors"]) != "[SyntheticUser]" || sum["author_count"] != int64(1) {
				t.Errorf("summary = %v; want %d pages, %d revisions by SyntheticUser", sum, tt.pages, total)
			}
			snap := table(t, m.fm, "params", "snapshot")
			if len(snap) != min(tt.pages, listedPages) {
				t.Errorf("snapshot lists %d pages, want %d", len(snap), min(tt.pages, listedPages))
			}
			if got, want := get(t, m.fm, "params", "snapshot_more"), tt.pages-listedPages; want > 0 && got != int64(want) || want <= 0 && got != nil {
				t.Errorf("snapshot_more = %v, want %d", got, max(want, 0))
			}
			// The timeline counts every revision, not the ones listed.
			tl := table(t, mustDoc(t, tree, "meetings/_index.md").fm, "params", "timeline")
			if tl[1]["revisions"] != int64(total) {
				t.Errorf("timeline counts %v revisions, want %d", tl[1]["revisions"], total)
			}
		})
	}
}

// wideText is revision r (from 1) of synthetic page p; each is longer.
func wideText(p, r int) string {
	return fmt.Sprintf("Synthetic page %d, text %d%s.\n", p, r, strings.Repeat(" and more", r))
}

func TestHistoryEntryURL(t *testing.T) {
	for _, tt := range []struct {
		n, i int
		want string
	}{
		{1, 0, "/history/A_b/#rev-7"},
		{historyPageSize, historyPageSize - 1, "/history/A_b/#rev-7"},
		{historyPageSize + 1, 0, "/history/A_b/page/1/#rev-7"},
		{historyPageSize + 1, historyPageSize - 1, "/history/A_b/page/1/#rev-7"},
		{historyPageSize + 1, historyPageSize, "/history/A_b/page/2/#rev-7"},
		{3 * historyPageSize, 2*historyPageSize + 3, "/history/A_b/page/3/#rev-7"},
	} {
		if got := historyEntryURL("A b", tt.n, tt.i, 7); got != tt.want {
			t.Errorf("historyEntryURL(%d of %d) = %q, want %q", tt.i, tt.n, got, tt.want)
		}
	}
}
