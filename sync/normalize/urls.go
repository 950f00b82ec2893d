package normalize

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/config"
)

// articleBase is the wiki's article URL prefix, to which a title is
// appended: "https://host/w/api.php" (MediaWiki's usual short-URL layout,
// as on fedoraproject.org) gives "https://host/wiki/"; any other api.php
// location gives its index.php with "?title=".
func articleBase(w config.Wiki) string {
	if u, err := url.Parse(w.API); err == nil && strings.HasSuffix(u.Path, "/w/api.php") {
		u.Path = strings.TrimSuffix(u.Path, "w/api.php") + "wiki/"
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	return w.IndexURL() + "?title="
}

// titleParam spells a title for a URL query the way MediaWiki does:
// underscores for spaces, "/" and ":" left readable.
func titleParam(title string) string {
	s := url.QueryEscape(strings.ReplaceAll(title, " ", "_"))
	return strings.NewReplacer("%2F", "/", "%3A", ":").Replace(s)
}

// revisionURL links one revision on the wiki; "" for a placeholder id,
// which names no revision there.
func revisionURL(w config.Wiki, title string, id int64) string {
	if w.Placeholder(id) {
		return ""
	}
	return w.IndexURL() + "?title=" + titleParam(title) + "&oldid=" + strconv.FormatInt(id, 10)
}

// diffURL links the wiki's diff of a revision against parent; "" when
// there is no parent or either id is a placeholder.
func diffURL(w config.Wiki, title string, id, parent int64) string {
	if parent == 0 || w.Placeholder(id) || w.Placeholder(parent) {
		return ""
	}
	return w.IndexURL() + "?title=" + titleParam(title) + "&diff=" + strconv.FormatInt(id, 10) + "&oldid=" + strconv.FormatInt(parent, 10)
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

// link is wikitext.Options.Link: our own page for archived titles, "" (the
// wiki's article) for the rest.
func (b *builder) link(title string) string {
	if b.page(title) == nil {
		return ""
	}
	return "/wiki/" + sitePath(archive.Canonical(title)) + "/"
}
