package normalize

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/content"
)

// historyPageSize is how many revisions one history page shows, as
// MediaWiki pages its own history.
const historyPageSize = 50

// historyPageRef names one page of a long history.
type historyPageRef struct {
	Number int    `toml:"number"`
	URL    string `toml:"url"`
	// First and Last are the ids of the page's oldest and newest revision.
	First int64 `toml:"first"`
	Last  int64 `toml:"last"`
}

// extraDoc is a content file besides a history's main one.
type extraDoc struct {
	Rel  string
	Data []byte
}

// paginate splits a history (entries newest first) into the newest
// historyPageSize entries, for the main page and its feed, and, when
// there are more, pages counted from the oldest revision: page K always
// holds the revisions 50(K-1)+1 to 50K, so its URL keeps showing the same
// revisions as new ones arrive. The last page fills up as they do. A
// history of at most historyPageSize revisions has no pages.
func paginate(entries []historyEntry) (newest []historyEntry, pages [][]historyEntry) {
	n := len(entries)
	if n <= historyPageSize {
		return entries, nil
	}
	for start := 0; start < n; start += historyPageSize {
		// Oldest-first positions [start, end) are newest-first [n-end, n-start).
		end := min(start+historyPageSize, n)
		pages = append(pages, entries[n-end:n-start])
	}
	return entries[:historyPageSize], pages
}

// historyPageURL is the URL of page k of the history at base.
func historyPageURL(base string, k int) string { return base + "page/" + strconv.Itoa(k) + "/" }

// historyPages makes the front matter of each page of a long history and
// sets the main page's links to them. The pages live outside history/ in
// content, so the cascade that gives history pages a feed skips them: the
// feed is the main page's, the newest revisions only.
func historyPages(main content.FrontMatter, params *historyParams, all []historyEntry, file string) []struct {
	rel string
	fm  content.FrontMatter
} {
	newest, pages := paginate(all)
	params.Revisions = newest
	if pages == nil {
		return nil
	}
	params.Total = len(all)
	for k, pg := range pages {
		params.Pages = append(params.Pages, historyPageRef{Number: k + 1, URL: historyPageURL(main.URL, k+1),
			First: pg[len(pg)-1].ID, Last: pg[0].ID})
	}
	out := make([]struct {
		rel string
		fm  content.FrontMatter
	}, len(pages))
	for k, pg := range pages {
		p := *params
		p.Revisions, p.Page = pg, k+1
		fm := main
		fm.Title = fmt.Sprintf("%s (page %d of %d)", main.Title, k+1, len(pages))
		fm.URL = historyPageURL(main.URL, k+1)
		fm.Date = pg[0].Timestamp
		fm.Params = &p
		out[k].rel = fmt.Sprintf("history-pages/%s/%d.md", file, k+1)
		out[k].fm = fm
	}
	return out
}

// historyEntryURL links revision id, the i-th oldest of n revisions of
// title, on the history page that shows it: the main page while the
// history fits on one, else the numbered page that always holds it (see
// paginate), so the link keeps working as revisions arrive.
func historyEntryURL(title string, n, i int, id int64) string {
	base := "/history/" + sitePath(title) + "/"
	if n > historyPageSize {
		base = historyPageURL(base, i/historyPageSize+1)
	}
	return base + "#rev-" + strconv.FormatInt(id, 10)
}

// fileBase is a title's content file name without ".md".
func fileBase(title string) string { return strings.TrimSuffix(fileName(title), ".md") }

// historyPagesIndex keeps Hugo from rendering a list of the history
// pages' folder: they are reached from each history's main page.
const historyPagesIndex = "+++\ntitle = \"History pages\"\n\n[build]\nrender = \"never\"\nlist = \"never\"\n+++\n"
