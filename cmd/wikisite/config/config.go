// Package config reads and validates wikisite's settings from config.toml.
//
// The same file is Hugo's site configuration: wikisite reads only the
// [params.wiki] table and the [[params.meetings]] and [[params.documents]]
// arrays, and ignores every other key (they are Hugo's). Inside its own
// tables it rejects unknown keys, so a typo is reported instead of silently
// ignored. The package does no
// other I/O than reading the one file, and holds no global state.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/wikisite/wikisite/sync/normalize"
)

// Defaults used when config.toml leaves a setting out: Fedora's wiki and
// the Server Working Group's personas, wikisite's first users. Config.Defaulted
// names each one a file relied on.
const (
	DefaultAPI       = "https://fedoraproject.org/w/api.php"
	DefaultUserAgent = "wikisite/0.1 (https://github.com/wikisite/wikisite; mirrors wiki pages into a static site)"
)

// DefaultPages are the pages mirrored when config.toml names none.
var DefaultPages = []string{"Server/Personas", "Server/Personas/FAQ"}

// Config is wikisite's part of config.toml.
type Config struct {
	// File is the path the configuration was read from.
	File string
	// Wiki says which wiki to mirror and how to talk to it.
	Wiki Wiki
	// Meetings are the versions of the site, oldest first.
	Meetings []Meeting
	// Documents are the [[params.documents]] rules: further pages split
	// into one page per entity, as the personas page is into personas.
	Documents []Document
	// BaseURL is Hugo's baseURL, used for links in feeds.
	BaseURL string
	// Title is the site's title.
	Title string
	// Defaulted says, one line each, which of wikisite's settings the file
	// leaves to the defaults that mirror Fedora's wiki. The command prints
	// them: an empty or unrelated config.toml is more likely a slip than a
	// wish to mirror Server/Personas.
	Defaulted []string
}

// Wiki is the [params.wiki] table.
type Wiki struct {
	// API is the URL of the wiki's api.php.
	API string
	// Pages are the titles to mirror, as the wiki spells them.
	Pages []string
	// Categories, Prefixes and Namespaces add pages to the set: the members
	// of each category (descending CategoryDepth levels of subcategories),
	// the pages whose title starts with a prefix (its namespace named as
	// in "Template:Admon/"), and every page of a namespace, by number.
	Categories    []string
	CategoryDepth int
	Prefixes      []string
	Namespaces    []int
	// UserAgent identifies wikisite to the wiki, with a contact URL.
	UserAgent string
	// Shortcodes maps a template name (without the "Template:" prefix) to the
	// Hugo shortcode that renders it instead of the template's own wikitext.
	Shortcodes map[string]string
	// PlaceholderRevisions are archived revision ids that are not the wiki's
	// own (a reconstructed history may have to invent one): the site shows
	// them but never links them to the wiki.
	PlaceholderRevisions []int64
}

// Placeholder reports whether id is one of PlaceholderRevisions.
func (w Wiki) Placeholder(id int64) bool {
	for _, p := range w.PlaceholderRevisions {
		if p == id {
			return true
		}
	}
	return false
}

// Meeting is one [[params.meetings]] entry: a version of the document.
type Meeting struct {
	Date    time.Time
	Title   string
	Minutes string
}

// Slug is the meeting's URL segment, its UTC date (YYYY-MM-DD).
func (m Meeting) Slug() string { return m.Date.UTC().Format("2006-01-02") }

// IndexURL returns the base URL for index.php links on the wiki, derived from
// the API URL: "https://host/w/api.php" gives "https://host/w/index.php".
func (w Wiki) IndexURL() string {
	return strings.TrimSuffix(w.API, "api.php") + "index.php"
}

// fileShape mirrors the parts of config.toml that wikisite reads.
type fileShape struct {
	BaseURL string `toml:"baseURL"`
	Title   string `toml:"title"`
	Params  struct {
		Wiki      *wikiShape      `toml:"wiki"`
		Meetings  []meetingShape  `toml:"meetings"`
		Documents []documentShape `toml:"documents"`
	} `toml:"params"`
}

type wikiShape struct {
	API           string            `toml:"api"`
	Pages         []string          `toml:"pages"`
	Categories    []string          `toml:"categories"`
	CategoryDepth *int              `toml:"category_depth"`
	Prefixes      []string          `toml:"prefixes"`
	Namespaces    []int             `toml:"namespaces"`
	UserAgent     string            `toml:"user_agent"`
	Shortcodes    map[string]string `toml:"shortcodes"`
	Placeholder   []int64           `toml:"placeholder_revisions"`
}

type meetingShape struct {
	Date    any    `toml:"date"`
	Title   string `toml:"title"`
	Minutes string `toml:"minutes"`
}

// typeError matches the error BurntSushi/toml gives for a value of the
// wrong type ("categories = \"X\"" for a list): a plain error, not a
// ParseError, so its line is taken from the text to report it as file:line.
var typeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// Load reads and validates the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Parse validates configuration text; name is used in error messages.
func Parse(name string, data []byte) (*Config, error) {
	var shape fileShape
	md, err := toml.Decode(string(data), &shape)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", name, perr.Position.Line, perr.Message)
		}
		if m := typeError.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s: %s: %s", name, m[1], m[2], m[3])
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lines := newLineIndex(data)
	if err := rejectUnknown(name, md, lines); err != nil {
		return nil, err
	}
	cfg := &Config{File: name, BaseURL: shape.BaseURL, Title: shape.Title}
	if err := cfg.fillWiki(name, md, lines, shape.Params.Wiki); err != nil {
		return nil, err
	}
	if err := cfg.fillMeetings(name, lines, shape.Params.Meetings); err != nil {
		return nil, err
	}
	if err := cfg.fillDocuments(name, lines, shape.Params.Documents); err != nil {
		return nil, err
	}
	return cfg, nil
}

// rejectUnknown fails on keys under wikisite's own tables that no field
// takes; keys elsewhere belong to Hugo and are left alone.
func rejectUnknown(name string, md toml.MetaData, lines lineIndex) error {
	for _, key := range md.Undecoded() {
		if len(key) >= 2 && key[0] == "params" && (key[1] == "wiki" || key[1] == "meetings" || key[1] == "documents") {
			if len(key) >= 4 && key[1] == "wiki" && key[2] == "shortcodes" {
				continue
			}
			return fmt.Errorf("%s:%d: unknown key %q (known: api, pages, categories, category_depth, prefixes, namespaces, user_agent, shortcodes, placeholder_revisions under params.wiki; date, title, minutes under params.meetings; page, prefix, heading_level, heading_pattern, profile_fields, section under params.documents)",
				name, lines.of(key...), key.String())
		}
	}
	return nil
}

func (cfg *Config) fillWiki(name string, md toml.MetaData, lines lineIndex, w *wikiShape) error {
	cfg.Wiki = Wiki{API: DefaultAPI, Pages: DefaultPages, UserAgent: DefaultUserAgent}
	if w == nil {
		cfg.Defaulted = append(cfg.Defaulted, fmt.Sprintf("%s has no [params.wiki] table: using Fedora's defaults, api %s and pages %s",
			name, DefaultAPI, quotedList(DefaultPages)))
		return nil
	}
	if !md.IsDefined("params", "wiki", "api") {
		cfg.Defaulted = append(cfg.Defaulted, fmt.Sprintf("%s sets no params.wiki.api: using Fedora's, %s", name, DefaultAPI))
	}
	if !md.IsDefined("params", "wiki", "pages") {
		cfg.Defaulted = append(cfg.Defaulted, fmt.Sprintf("%s sets no params.wiki.pages: using Fedora's, %s", name, quotedList(DefaultPages)))
	}
	line := func(k ...string) int { return lines.of(append([]string{"params", "wiki"}, k...)...) }
	if md.IsDefined("params", "wiki", "api") {
		if err := CheckAPIURL(w.API); err != nil {
			return fmt.Errorf("%s:%d: params.wiki.api: %w", name, line("api"), err)
		}
		cfg.Wiki.API = w.API
	}
	if err := cfg.fillSet(name, md, line, w); err != nil {
		return err
	}
	if md.IsDefined("params", "wiki", "user_agent") {
		if strings.TrimSpace(w.UserAgent) == "" {
			return fmt.Errorf("%s:%d: params.wiki.user_agent is empty: give a name and a contact URL", name, line("user_agent"))
		}
		cfg.Wiki.UserAgent = w.UserAgent
	}
	cfg.Wiki.Shortcodes = w.Shortcodes
	cfg.Wiki.PlaceholderRevisions = w.Placeholder
	for tmpl, sc := range w.Shortcodes {
		if !validShortcodeName(sc) {
			return fmt.Errorf("%s:%d: params.wiki.shortcodes.%q: %q is not a shortcode name (letters, digits, - and _)", name, line("shortcodes", tmpl), tmpl, sc)
		}
	}
	return nil
}

func quotedList(titles []string) string {
	q := make([]string, len(titles))
	for i, t := range titles {
		q[i] = fmt.Sprintf("%q", t)
	}
	return strings.Join(q, ", ")
}

func validShortcodeName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// CheckAPIURL reports whether u can be an api.php endpoint.
func CheckAPIURL(u string) error {
	parsed, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", u, err)
	}
	if parsed.Scheme != "http" && parsed.Scheme != "https" || parsed.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL such as https://example.org/w/api.php", u)
	}
	return nil
}

func (cfg *Config) fillMeetings(name string, lines lineIndex, ms []meetingShape) error {
	for i, m := range ms {
		pos := lines.ofArrayEntry("params.meetings", i)
		when, ok := m.Date.(time.Time)
		if !ok {
			if m.Date == nil {
				return fmt.Errorf("%s:%d: params.meetings[%d] (%q) has no date: add date = 2013-11-26T16:00:00Z", name, pos, i, m.Title)
			}
			return fmt.Errorf("%s:%d: params.meetings[%d].date = %v is not a TOML date-time such as 2013-11-26T16:00:00Z", name, pos, i, m.Date)
		}
		if m.Minutes != "" {
			if _, err := url.ParseRequestURI(m.Minutes); err != nil {
				return fmt.Errorf("%s:%d: params.meetings[%d].minutes: %q is not a URL", name, pos, i, m.Minutes)
			}
		}
		if strings.TrimSpace(m.Title) == "" {
			return fmt.Errorf("%s:%d: params.meetings[%d] (%s) has no title", name, pos, i, when.UTC().Format(time.RFC3339))
		}
		cfg.Meetings = append(cfg.Meetings, Meeting{Date: when.UTC(), Title: m.Title, Minutes: m.Minutes})
	}
	for i := 1; i < len(cfg.Meetings); i++ {
		if !cfg.Meetings[i].Date.After(cfg.Meetings[i-1].Date) {
			return fmt.Errorf("%s:%d: params.meetings are out of order: %q (%s) comes after %q (%s); list meetings oldest first",
				name, lines.ofArrayEntry("params.meetings", i), cfg.Meetings[i].Title, cfg.Meetings[i].Slug(), cfg.Meetings[i-1].Title, cfg.Meetings[i-1].Slug())
		}
	}
	for i := 1; i < len(cfg.Meetings); i++ {
		if cfg.Meetings[i].Slug() == cfg.Meetings[i-1].Slug() {
			return fmt.Errorf("%s:%d: params.meetings: two meetings on %s; the site has one version per day", name, lines.ofArrayEntry("params.meetings", i), cfg.Meetings[i].Slug())
		}
	}
	return nil
}

// NormalizeSite is what sync/normalize needs of the configuration: the
// library takes it as plain options and never reads config.toml.
func (c *Config) NormalizeSite() normalize.Site {
	s := normalize.Site{Title: c.Title, Pages: c.Wiki.Pages, Wiki: normalize.Wiki{API: c.Wiki.API,
		Shortcodes: c.Wiki.Shortcodes, PlaceholderRevisions: c.Wiki.PlaceholderRevisions}, Documents: c.normalizeDocuments()}
	for _, m := range c.Meetings {
		s.Meetings = append(s.Meetings, normalize.Meeting{Date: m.Date, Title: m.Title, Minutes: m.Minutes})
	}
	return s
}
