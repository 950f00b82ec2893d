package normalize

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
)

// wikiLinks makes the links back to the wiki: pages, revisions, diffs.
type wikiLinks struct {
	article      string // prefix to which a title is appended
	index        string // the wiki's index.php
	placeholders []int64
}

func newWikiLinks(w Wiki) wikiLinks {
	return wikiLinks{article: articleBase(w.API), index: indexURL(w.API), placeholders: w.PlaceholderRevisions}
}

// indexURL is the wiki's index.php beside its api.php: "https://host/w/api.php"
// gives "https://host/w/index.php".
func indexURL(api string) string {
	return strings.TrimSuffix(api, "api.php") + "index.php"
}

// articleBase is the wiki's article URL prefix, to which a title is
// appended: "https://host/w/api.php" (MediaWiki's usual short-URL layout,
// as on fedoraproject.org) gives "https://host/wiki/"; any other api.php
// location gives its index.php with "?title=".
func articleBase(api string) string {
	if u, err := url.Parse(api); err == nil && strings.HasSuffix(u.Path, "/w/api.php") {
		u.Path = strings.TrimSuffix(u.Path, "w/api.php") + "wiki/"
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	return indexURL(api) + "?title="
}

// placeholder reports whether id names no revision on the wiki.
func (l wikiLinks) placeholder(id int64) bool { return slices.Contains(l.placeholders, id) }

// page links a page's article on the wiki.
func (l wikiLinks) page(title string) string { return l.article + titleParam(title) }

// revision links one revision on the wiki; "" for a placeholder id,
// which names no revision there.
func (l wikiLinks) revision(title string, id int64) string {
	if l.placeholder(id) {
		return ""
	}
	return l.index + "?title=" + titleParam(title) + "&oldid=" + strconv.FormatInt(id, 10)
}

// diff links the wiki's diff of a revision against parent; "" when
// there is no parent or either id is a placeholder.
func (l wikiLinks) diff(title string, id, parent int64) string {
	if parent == 0 || l.placeholder(id) || l.placeholder(parent) {
		return ""
	}
	return l.index + "?title=" + titleParam(title) + "&diff=" + strconv.FormatInt(id, 10) + "&oldid=" + strconv.FormatInt(parent, 10)
}

// source is the attribution of a page showing revision r of title.
func (l wikiLinks) source(title string, r *archive.Revision) *source {
	return &source{Page: title, Revision: r.ID, Author: r.User, Timestamp: r.Timestamp,
		WikiURL: l.revision(title, r.ID), PageURL: l.page(title)}
}

// titleParam spells a title for a URL query the way MediaWiki does:
// underscores for spaces, "/" and ":" left readable.
func titleParam(title string) string {
	s := url.QueryEscape(strings.ReplaceAll(title, " ", "_"))
	return strings.NewReplacer("%2F", "/", "%3A", ":").Replace(s)
}

// sitePath turns a title into the URL path segment for our pages: spaces
// become "_", "/" is kept and everything else a URL path cannot hold is
// escaped, so "Server/Personas" is served at /wiki/Server/Personas/.
func sitePath(title string) string {
	parts := strings.Split(strings.ReplaceAll(title, " ", "_"), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// fileName turns a title into a flat file name: archive.PathName, which is
// injective and safe, with "%" spelled "=" because Hugo and some tools
// treat "%" in paths specially. "Server/Personas" becomes
// "Server=2FPersonas.md". Titles start upper-case, so no name is Hugo's
// "index.md" or "_index.md".
func fileName(title string) string {
	return strings.ReplaceAll(archive.PathName(title), "%", "=") + ".md"
}
