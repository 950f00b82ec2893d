package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseRepoConfig(t *testing.T) {
	cfg, err := Load("../../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckAPIURL(cfg.Wiki.API); err != nil {
		t.Errorf("api: %v", err)
	}
	if len(cfg.Wiki.Pages) == 0 || cfg.Wiki.Pages[0] != "Server/Personas" {
		t.Errorf("pages = %q, want Server/Personas first", cfg.Wiki.Pages)
	}
	if cfg.Wiki.UserAgent == "" || cfg.Wiki.Shortcodes["Admon/note"] == "" {
		t.Errorf("wiki = %+v", cfg.Wiki)
	}
	if len(cfg.Meetings) < 2 {
		t.Fatalf("%d meetings, want the Server WG meetings", len(cfg.Meetings))
	}
	for i := 1; i < len(cfg.Meetings); i++ {
		if !cfg.Meetings[i].Date.After(cfg.Meetings[i-1].Date) {
			t.Errorf("meetings %d and %d out of order", i-1, i)
		}
	}
	first := time.Date(2013, 10, 30, 17, 0, 0, 0, time.UTC)
	if !cfg.Meetings[0].Date.Equal(first) || cfg.Meetings[0].Slug() != "2013-10-30" {
		t.Errorf("first meeting = %+v, want 2013-10-30T17:00:00Z", cfg.Meetings[0])
	}
	if cfg.File != "../../../config.toml" {
		t.Errorf("File = %q", cfg.File)
	}
	if len(cfg.Defaulted) != 0 {
		t.Errorf("Defaulted = %q, want none: the project names its wiki and pages", cfg.Defaulted)
	}
}

// TestDefaulted: every setting left to Fedora's defaults is named once.
func TestDefaulted(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string // substrings, one per expected line
	}{
		{"empty", "", []string{`c.toml has no [params.wiki] table: using Fedora's defaults, api https://fedoraproject.org/w/api.php and pages "Server/Personas", "Server/Personas/FAQ"`}},
		{"no api", "[params.wiki]\npages = [\"P\"]\n", []string{"c.toml sets no params.wiki.api: using Fedora's, https://fedoraproject.org/w/api.php"}},
		{"no pages", "[params.wiki]\napi = \"http://127.0.0.1:1/api.php\"\n", []string{`c.toml sets no params.wiki.pages: using Fedora's, "Server/Personas"`}},
		{"both set", "[params.wiki]\napi = \"http://127.0.0.1:1/api.php\"\npages = [\"P\"]\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("c.toml", []byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(cfg.Defaulted) != len(tt.want) {
				t.Fatalf("Defaulted = %q, want %d lines", cfg.Defaulted, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(cfg.Defaulted[i], w) {
					t.Errorf("Defaulted[%d] = %q, want it to contain %q", i, cfg.Defaulted[i], w)
				}
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse("min.toml", []byte("title = \"Synthetic\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Wiki.API != DefaultAPI || len(cfg.Wiki.Pages) != len(DefaultPages) || cfg.Wiki.UserAgent != DefaultUserAgent || len(cfg.Meetings) != 0 {
		t.Errorf("defaults = %+v", cfg)
	}
	if got := cfg.Wiki.IndexURL(); got != "https://fedoraproject.org/w/index.php" {
		t.Errorf("IndexURL = %q", got)
	}
}

func TestParseSet(t *testing.T) {
	tests := []struct {
		name, toml string
		want       Wiki
	}{
		{"pages only", "[params.wiki]\npages = [\"A\"]\n", Wiki{Pages: []string{"A"}}},
		{"a set without pages leaves the defaults out", "[params.wiki]\ncategories = [\"Synthetic\"]\ncategory_depth = 2\n",
			Wiki{Categories: []string{"Synthetic"}, CategoryDepth: 2}},
		{"everything", "[params.wiki]\npages = [\"A\"]\ncategories = [\"C\"]\nprefixes = [\"Server/\", \"Template:Admon/\"]\nnamespaces = [4]\n",
			Wiki{Pages: []string{"A"}, Categories: []string{"C"}, Prefixes: []string{"Server/", "Template:Admon/"}, Namespaces: []int{4}}},
		{"empty pages beside a prefix", "[params.wiki]\npages = []\nprefixes = [\"Server/\"]\n", Wiki{Pages: []string{}, Prefixes: []string{"Server/"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("synthetic.toml", []byte(tt.toml))
			if err != nil {
				t.Fatal(err)
			}
			w := cfg.Wiki
			got := Wiki{Pages: w.Pages, Categories: w.Categories, CategoryDepth: w.CategoryDepth, Prefixes: w.Prefixes, Namespaces: w.Namespaces}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("set = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// docWiki mirrors the made-up pages the documents cases split.
const docWiki = "[params.wiki]\npages = [\"Synthetic/PRD\", \"Synthetic/Teams/A\"]\n"

// TestParseErrors: each broken file gives one line naming the file, the
// line of the fault and the key.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		toml string
		line int
		key  string // a substring naming the key
	}{
		{"syntax error", "title = \"Synthetic\"\n[params.wiki]\napi = \"http://wiki.invalid/api.php\n", 3, ""},
		{"syntax error in a meeting", "[[params.meetings]]\ndate = 2013-11-26T16:00:00Z\ntitle = Synthetic\n", 3, ""},
		{"unknown key under params.wiki", "title = \"Synthetic\"\n\n[params.wiki]\napi = \"http://wiki.invalid/api.php\"\npaegs = [\"Synthetic\"]\n", 5, `"params.wiki.paegs"`},
		{"unknown key under a meeting", "[[params.meetings]]\ndate = 2013-11-26T16:00:00Z\ntitle = \"Synthetic\"\nurl = \"http://wiki.invalid/\"\n", 4, `"params.meetings.url"`},
		{"bad API URL", "[params.wiki]\npages = [\"Synthetic\"]\napi = \"ftp://wiki.invalid/api.php\"\n", 3, "params.wiki.api"},
		{"API URL without a host", "[params.wiki]\napi = \"https:///api.php\"\n", 2, "params.wiki.api"},
		{"bad API URL as a dotted key", "[params]\nwiki.api = \"ftp://wiki.invalid/api.php\"\n", 2, "params.wiki.api"},
		{"empty pages", "[params.wiki]\n\n# none yet\npages = []\n", 4, "params.wiki.pages"},
		{"empty page title", "[params.wiki]\npages = [\"Synthetic\", \" \"]\n", 2, "params.wiki.pages"},
		{"page named twice", "[params.wiki]\npages = [\"Synthetic page\", \"Synthetic_page\"]\n", 2, "params.wiki.pages"},
		{"empty category", "[params.wiki]\ncategories = [\"Synthetic\", \"\"]\n", 2, "params.wiki.categories"},
		{"category named twice", "[params.wiki]\ncategories = [\"Synthetic cat\", \"Synthetic_cat\"]\n", 2, "params.wiki.categories"},
		{"categories as a string", "[params.wiki]\n\ncategories = \"Synthetic\"\n", 3, "categories"},
		{"negative depth", "[params.wiki]\ncategories = [\"Synthetic\"]\ncategory_depth = -1\n", 3, "params.wiki.category_depth"},
		{"depth too deep", "[params.wiki]\ncategories = [\"Synthetic\"]\ncategory_depth = 9\n", 3, "params.wiki.category_depth"},
		{"depth without categories", "[params.wiki]\npages = [\"Synthetic\"]\ncategory_depth = 1\n", 3, "params.wiki.category_depth"},
		{"empty prefix", "[params.wiki]\nprefixes = [\"\"]\n", 2, "params.wiki.prefixes"},
		{"special namespace", "[params.wiki]\nnamespaces = [0, -1]\n", 2, "params.wiki.namespaces"},
		{"namespace twice", "[params.wiki]\nnamespaces = [4, 4]\n", 2, "params.wiki.namespaces"},
		{"namespace by name", "[params.wiki]\nnamespaces = [\"Project\"]\n", 2, "namespaces"},
		{"unknown key beside the set", "[params.wiki]\ncategories = [\"Synthetic\"]\ncategory = \"Synthetic\"\n", 3, `"params.wiki.category"`},
		{"empty user agent", "[params.wiki]\nuser_agent = \"\"\n", 2, "params.wiki.user_agent"},
		{"bad shortcode name", "[params.wiki.shortcodes]\n\"Admon/note\" = \"no te\"\n", 2, "params.wiki.shortcodes"},
		{"meeting without a date", "title = \"Synthetic\"\n[[params.meetings]]\ntitle = \"Synthetic meeting\"\n", 2, "params.meetings[0]"},
		{"meeting date as a string", "[[params.meetings]]\ndate = \"2013-11-26\"\ntitle = \"Synthetic\"\n", 1, "params.meetings[0].date"},
		{"meeting without a title", "[[params.meetings]]\ndate = 2013-11-26T16:00:00Z\n", 1, "params.meetings[0]"},
		{"meetings out of order", "title = \"Synthetic\"\n" +
			"[[params.meetings]]\ndate = 2013-11-26T16:00:00Z\ntitle = \"Synthetic one\"\n" +
			"[[params.meetings]]\ndate = 2013-11-19T16:00:00Z\ntitle = \"Synthetic two\"\n", 5, "params.meetings are out of order"},
		{"document with an unknown key", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 2\nsection = \"use-cases\"\nheading = 2\n", 7, `"params.documents.heading"`},
		{"document with page and prefix", docWiki + "\n[[params.documents]]\npage = \"Synthetic/PRD\"\nprefix = \"Synthetic/\"\nheading_level = 2\nsection = \"use-cases\"\n", 4, "params.documents[0]: give exactly one of page"},
		{"document page not mirrored", docWiki + "[[params.documents]]\npage = \"Synthetic/Other\"\nheading_level = 2\nsection = \"use-cases\"\n", 3, "not in params.wiki.pages"},
		{"document prefix matching no page", docWiki + "[[params.documents]]\nprefix = \"Nothing/\"\nheading_level = 2\nsection = \"use-cases\"\n", 3, `prefix "Nothing/"`},
		{"document without a section", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 2\n", 3, `section = ""`},
		{"document section with a slash", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 2\nsection = \"use/cases\"\n", 3, "params.documents[0]: section"},
		{"document section taken", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 2\nsection = \"history\"\n", 3, "taken by the site"},
		{"two documents in one section", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 2\nsection = \"use-cases\"\n[[params.documents]]\nprefix = \"Synthetic/Teams/\"\nheading_level = 3\nsection = \"use-cases\"\n", 7, `params.documents[1]: section "use-cases" is used`},
		{"document heading level out of range", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_level = 7\nsection = \"use-cases\"\n", 3, "heading_level = 7"},
		{"document without a heading rule", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nsection = \"use-cases\"\n", 3, "give heading_level, heading_pattern or both"},
		{"document with a bad pattern", docWiki + "[[params.documents]]\npage = \"Synthetic/PRD\"\nheading_pattern = \"Use case (\"\nsection = \"use-cases\"\n", 3, "params.documents[0]: heading_pattern"},
		{"two meetings on one day", "[[params.meetings]]\ndate = 2013-11-26T10:00:00Z\ntitle = \"Synthetic one\"\n" +
			"[[params.meetings]]\ndate = 2013-11-26T16:00:00Z\ntitle = \"Synthetic two\"\n", 4, "params.meetings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("synthetic.toml", []byte(tt.toml))
			if err == nil {
				t.Fatalf("Parse accepted:\n%s", tt.toml)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			if m := regexp.MustCompile(`^synthetic\.toml:(\d+): `).FindStringSubmatch(msg); m == nil || m[1] != strconv.Itoa(tt.line) {
				t.Errorf("error %q, want it to start with synthetic.toml:%d:", msg, tt.line)
			}
			if !strings.Contains(msg, tt.key) {
				t.Errorf("error %q does not name %s", msg, tt.key)
			}
		})
	}
}
