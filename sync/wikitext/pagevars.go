package wikitext

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/pagename"
)

// namespaces are MediaWiki's canonical namespace names (and Image, File's
// old name), with their talk namespaces, lower-cased. A title starting
// with one of them and a colon is in that namespace.
var namespaces = map[string]string{
	"talk": "Talk", "user": "User", "user talk": "User talk", "project": "Project",
	"project talk": "Project talk", "file": "File", "image": "File", "file talk": "File talk",
	"image talk": "File talk", "mediawiki": "MediaWiki", "mediawiki talk": "MediaWiki talk",
	"template": "Template", "template talk": "Template talk", "help": "Help", "help talk": "Help talk",
	"category": "Category", "category talk": "Category talk",
}

// noSubpages are the namespaces where MediaWiki (by default) has no
// subpages, so "A/B" is one page and BASEPAGENAME is "A/B".
var noSubpages = map[string]bool{"": true, "File": true, "Category": true}

// splitTitle returns a page title's namespace and the rest.
func splitTitle(title string) (ns, rest string) {
	title = pagename.Canonical(title)
	if pre, after, ok := strings.Cut(title, ":"); ok {
		if n, ok := namespaces[strings.ToLower(pre)]; ok {
			return n, after
		}
	}
	return "", title
}

// talkNamespace is the talk namespace of ns; a talk namespace is its own.
func talkNamespace(ns string) string {
	switch {
	case ns == "":
		return "Talk"
	case ns == "Talk" || strings.HasSuffix(ns, " talk"):
		return ns
	}
	return ns + " talk"
}

// pageVariable is the value of a magic word that follows from the page's
// title, the revision or its time, as MediaWiki would give it when the
// revision was saved; ok is false for any other name, or when the
// options carry no page or revision to take the value from.
func (c *converter) pageVariable(name string) (string, bool) {
	if c.isPageVariableName(name) {
		c.lookups.Page = true
	}
	if c.opts.Page != "" {
		if v, ok := c.titleVariable(name); ok {
			return escapeWikiText(v), true
		}
		if base, ok := strings.CutSuffix(name, "E"); ok {
			if v, ok := c.titleVariable(base); ok {
				return escapeWikiText(urlEncodeTitle(v)), true
			}
		}
	}
	r := c.opts.Revision
	switch name {
	case "REVISIONID":
		if r.ID != 0 {
			return strconv.FormatInt(r.ID, 10), true
		}
	case "REVISIONUSER":
		if r.User != "" {
			return escapeWikiText(r.User), true
		}
	}
	if r.Timestamp.IsZero() {
		return "", false
	}
	t := r.Timestamp.UTC()
	if rest, ok := strings.CutPrefix(name, "REVISION"); ok {
		return dateVariable(rest, t)
	}
	for _, p := range []string{"CURRENT", "LOCAL"} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			return dateVariable(rest, t)
		}
	}
	return "", false
}

// titleVariable is a title magic word without its E (encoded) suffix.
func (c *converter) titleVariable(name string) (string, bool) {
	ns, rest := splitTitle(c.opts.Page)
	full := rest
	if ns != "" {
		full = ns + ":" + rest
	}
	parts := []string{rest}
	if !noSubpages[ns] {
		parts = strings.Split(rest, "/")
	}
	switch name {
	case "FULLPAGENAME":
		return full, true
	case "PAGENAME":
		return rest, true
	case "NAMESPACE":
		return ns, true
	case "BASEPAGENAME":
		if len(parts) > 1 {
			return strings.Join(parts[:len(parts)-1], "/"), true
		}
		return rest, true
	case "ROOTPAGENAME":
		return parts[0], true
	case "SUBPAGENAME":
		return parts[len(parts)-1], true
	case "TALKPAGENAME":
		return talkNamespace(ns) + ":" + rest, true
	case "TALKSPACE":
		return talkNamespace(ns), true
	case "SUBJECTSPACE", "ARTICLESPACE":
		return strings.TrimSuffix(strings.TrimSuffix(ns, " talk"), "Talk"), true
	}
	return "", false
}

// dateVariable is CURRENTYEAR and its kin, without the prefix, at t.
func dateVariable(name string, t time.Time) (string, bool) {
	layouts := map[string]string{
		"YEAR": "2006", "MONTH": "01", "MONTH2": "01", "MONTH1": "1", "MONTHNAME": "January",
		"MONTHABBREV": "Jan", "DAY": "2", "DAY2": "02", "DAYNAME": "Monday", "TIME": "15:04",
		"HOUR": "15", "TIMESTAMP": "20060102150405",
	}
	if l, ok := layouts[name]; ok {
		return t.Format(l), true
	}
	switch name {
	case "DOW":
		return strconv.Itoa(int(t.Weekday())), true
	case "WEEK":
		_, w := t.ISOWeek()
		return strconv.Itoa(w), true
	}
	return "", false
}

// urlEncodeTitle is MediaWiki's wfUrlencode of a title: spaces as
// underscores, and the characters it leaves readable kept.
func urlEncodeTitle(s string) string {
	s = url.QueryEscape(strings.ReplaceAll(s, " ", "_"))
	return strings.NewReplacer("%3B", ";", "%40", "@", "%24", "$", "%21", "!", "%2A", "*",
		"%28", "(", "%29", ")", "%2C", ",", "%2F", "/", "%7E", "~", "%3A", ":").Replace(s)
}

// escapeWikiText makes a value safe to expand into wikitext, as
// MediaWiki's wfEscapeWikiText does: markup characters become entities,
// which the inline parser shows as the characters themselves.
func escapeWikiText(s string) string {
	return wikiTextEscaper.Replace(s)
}

var wikiTextEscaper = strings.NewReplacer(`"`, "&#34;", "&", "&#38;", "'", "&#39;", "<", "&#60;",
	"=", "&#61;", ">", "&#62;", "[", "&#91;", "]", "&#93;", "{", "&#123;", "|", "&#124;",
	"}", "&#125;", ";", "&#59;", "__", "&#95;_", "://", "&#58;//")

// isPageVariableName reports a name pageVariable knows but could not give
// a value for, so it shows as a placeholder rather than a template link.
func (c *converter) isPageVariableName(name string) bool {
	if c.probe {
		return false
	}
	probe := &converter{probe: true, opts: Options{Page: "X", Revision: Revision{ID: 1, User: "X", Timestamp: time.Unix(0, 0)}}}
	_, ok := probe.pageVariable(name)
	return ok
}
