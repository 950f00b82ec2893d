package normalize

import "time"

// source is the revision a page shows, for the footer's attribution.
type source struct {
	Page      string    `toml:"page"`
	Revision  int64     `toml:"revision"`
	Author    string    `toml:"author"`
	Timestamp time.Time `toml:"timestamp"`
	WikiURL   string    `toml:"wiki_url"` // "" for a placeholder revision
	PageURL   string    `toml:"page_url"` // the page itself on the wiki
	// Authors are who wrote the text the page shows, most words first
	// (sync/authorship), at most maxCredited; Others counts the rest.
	Authors    []string `toml:"authors,omitempty"`
	Others     int      `toml:"others,omitzero"`
	AuthorsURL string   `toml:"authors_url,omitempty"` // the page's authors view
	HistoryURL string   `toml:"history_url,omitempty"` // the page's revisions on this site
}
