package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/pagename"
)

// draft is a --draft TITLE=FILE: the file's wikitext taken as the next
// revision of a configured page, never written to the archive.
type draft struct {
	title, file, text string
}

// draftFlag collects repeated --draft flags.
type draftFlag []string

func (d *draftFlag) String() string { return strings.Join(*d, ", ") }
func (d *draftFlag) Set(v string) error {
	if title, file, ok := strings.Cut(v, "="); !ok || strings.TrimSpace(title) == "" || file == "" {
		return fmt.Errorf("want TITLE=FILE, e.g. Server/Personas=draft.wiki, got %q", v)
	}
	*d = append(*d, v)
	return nil
}

// readDrafts checks each --draft against the configured pages and reads its
// file, which must be UTF-8 (as MediaWiki stores every revision).
func readDrafts(cfg *config.Config, flags draftFlag) ([]draft, error) {
	var out []draft
	for _, v := range flags {
		title, file, _ := strings.Cut(v, "=")
		title = pagename.Canonical(title)
		i := slices.IndexFunc(cfg.Wiki.Pages, func(p string) bool { return pagename.Canonical(p) == title })
		if i < 0 {
			return nil, withHint(fmt.Errorf("--draft %s: %q is not a configured page", v, title),
				"configured pages: "+strings.Join(cfg.Wiki.Pages, ", "), "add it to params.wiki.pages in config.toml, or fix the title")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--draft %s: %w", v, err)
		}
		if !utf8.Valid(data) {
			return nil, withHint(fmt.Errorf("--draft %s: %s is not UTF-8 (first bad byte at offset %d)", v, file, invalidUTF8At(data)),
				"save the file as UTF-8, as the wiki stores it")
		}
		out = append(out, draft{title: cfg.Wiki.Pages[i], file: file, text: string(data)})
	}
	return out, nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
