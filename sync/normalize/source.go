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
}
