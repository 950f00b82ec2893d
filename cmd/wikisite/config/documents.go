package config

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/wikisite/wikisite/sync/normalize"
	"github.com/wikisite/wikisite/sync/personas"
)

// Document is one [[params.documents]] entry: a configured page, or every
// configured page under a prefix, split into one page per entity.
type Document struct {
	Page, Prefix string
	// HeadingLevel, when not 0, is the only heading level that starts an
	// entity; HeadingPattern, when set, the pattern its text must match.
	HeadingLevel   int
	HeadingPattern *regexp.Regexp
	// ProfileFields reads an entity's first table into fields (the
	// default, as on the personas page).
	ProfileFields bool
	// Section is the URL section: entities are at /<Section>/<slug>/.
	Section string
}

type documentShape struct {
	Page           string `toml:"page"`
	Prefix         string `toml:"prefix"`
	HeadingLevel   int    `toml:"heading_level"`
	HeadingPattern string `toml:"heading_pattern"`
	ProfileFields  *bool  `toml:"profile_fields"`
	Section        string `toml:"section"`
}

// takenSections are URL sections the site already uses.
var takenSections = []string{"personas", "wiki", "history", "meetings", "authors", "compare", "categories", "search"}

var sectionName = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func (cfg *Config) fillDocuments(name string, lines lineIndex, ds []documentShape) error {
	seen := map[string]bool{}
	for i, d := range ds {
		pos := lines.ofArrayEntry("params.documents", i)
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: params.documents[%d]: %s", name, pos, i, fmt.Sprintf(format, args...))
		}
		switch {
		case (d.Page == "") == (d.Prefix == ""):
			return fail("give exactly one of page = \"Title\" or prefix = \"Title/\"")
		case d.Page != "" && !cfg.mirrors(d.Page):
			return fail("page %q is not in params.wiki.pages: add it there so it is mirrored", d.Page)
		case d.Prefix != "" && !cfg.mirrorsUnder(d.Prefix):
			return fail("no page of params.wiki.pages starts with prefix %q", d.Prefix)
		case !sectionName.MatchString(d.Section):
			return fail("section = %q is not a URL section such as \"use-cases\" (lower-case letters, digits and single hyphens)", d.Section)
		case contains(takenSections, d.Section):
			return fail("section %q is taken by the site's own pages; choose another, such as \"use-cases\"", d.Section)
		case seen[d.Section]:
			return fail("section %q is used by an earlier document; give each its own", d.Section)
		case d.HeadingLevel < 0 || d.HeadingLevel > 6:
			return fail("heading_level = %d: a wiki heading level is 1 to 6, or leave it out for any level", d.HeadingLevel)
		case d.HeadingLevel == 0 && d.HeadingPattern == "":
			return fail("give heading_level, heading_pattern or both: which headings start an entity")
		}
		seen[d.Section] = true
		doc := Document{Page: d.Page, Prefix: d.Prefix, HeadingLevel: d.HeadingLevel, ProfileFields: d.ProfileFields == nil || *d.ProfileFields, Section: d.Section}
		if d.HeadingPattern != "" {
			re, err := regexp.Compile(d.HeadingPattern)
			if err != nil {
				return fail("heading_pattern: %v", err)
			}
			doc.HeadingPattern = re
		}
		cfg.Documents = append(cfg.Documents, doc)
	}
	return nil
}

func (cfg *Config) mirrors(title string) bool {
	for _, p := range cfg.Wiki.Pages {
		if canonicalTitle(p) == canonicalTitle(title) {
			return true
		}
	}
	return false
}

func (cfg *Config) mirrorsUnder(prefix string) bool {
	for _, p := range cfg.Wiki.Pages {
		if t := canonicalTitle(p); strings.HasPrefix(t, canonicalTitle(prefix)) && t != canonicalTitle(prefix) {
			return true
		}
	}
	return false
}

func canonicalTitle(t string) string { return strings.TrimSpace(strings.ReplaceAll(t, "_", " ")) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// normalizeDocuments is the documents as sync/normalize takes them.
func (cfg *Config) normalizeDocuments() []normalize.Document {
	var out []normalize.Document
	for _, d := range cfg.Documents {
		out = append(out, normalize.Document{Page: d.Page, Prefix: d.Prefix, Section: d.Section,
			Rule: personas.Rule{Heading: d.HeadingPattern, Level: d.HeadingLevel, NoProfile: !d.ProfileFields}})
	}
	return out
}
