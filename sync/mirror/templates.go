package mirror

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"github.com/wikisite/wikisite/sync/archive"
)

// templateNames lists, sorted, the templates a wikitext calls: the names in
// "{{Name|…}}" and "{{Template:Name}}" as canonical "Template:Name" titles.
//
// It is a scan, not a parser: it finds candidates to ask the wiki about,
// and a wrong guess only costs a title in a request the sync makes anyway.
// Parameters ("{{{1}}}"), parser functions ("{{#if:"), other namespaces and
// prefixes ("{{subst:", "{{:Page}}") and all-capital magic words
// ("{{PAGENAME}}") are skipped.
func templateNames(text []byte) []string {
	seen := map[string]bool{}
	for {
		i := bytes.Index(text, []byte("{{"))
		if i < 0 {
			break
		}
		text = text[i+2:]
		if len(text) > 0 && text[0] == '{' {
			// A parameter or a run of braces: skip the whole run.
			text = bytes.TrimLeft(text, "{")
			continue
		}
		end := bytes.IndexAny(text, "|}{")
		if end < 0 {
			break
		}
		if name, ok := templateTitle(string(text[:end])); ok {
			seen[name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// templateTitle turns the name part of a call into a template title.
func templateTitle(name string) (string, bool) {
	name = strings.TrimSpace(name)
	explicit := false
	if prefix, rest, ok := strings.Cut(name, ":"); ok {
		if !strings.EqualFold(strings.TrimSpace(prefix), "template") {
			return "", false
		}
		name, explicit = strings.TrimSpace(rest), true
	}
	if name == "" || len(name) > 255 || strings.ContainsAny(name, "#<>[]{}|:\n\r\t") {
		return "", false
	}
	if !explicit && !strings.ContainsFunc(name, unicode.IsLower) {
		return "", false // a magic word such as PAGENAME or "!"
	}
	title := archive.Canonical("Template:" + name)
	if title == "Template:" {
		return "", false
	}
	return title, true
}
