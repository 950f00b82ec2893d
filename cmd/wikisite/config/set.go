package config

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// MaxCategoryDepth bounds params.wiki.category_depth: category trees on
// real wikis loop and fan out, and each level costs listing requests.
const MaxCategoryDepth = 5

// fillSet reads the keys that choose the pages: pages, categories,
// category_depth, prefixes and namespaces.
func (cfg *Config) fillSet(name string, md toml.MetaData, line func(...string) int, w *wikiShape) error {
	defined := func(k string) bool { return md.IsDefined("params", "wiki", k) }
	if defined("pages") {
		if err := checkTitles(name, line("pages"), "pages", w.Pages); err != nil {
			return err
		}
		cfg.Wiki.Pages = w.Pages
	}
	if err := checkTitles(name, line("categories"), "categories", w.Categories); err != nil {
		return err
	}
	if err := checkTitles(name, line("prefixes"), "prefixes", w.Prefixes); err != nil {
		return err
	}
	cfg.Wiki.Categories, cfg.Wiki.Prefixes = w.Categories, w.Prefixes
	if w.CategoryDepth != nil {
		d := *w.CategoryDepth
		if d < 0 || d > MaxCategoryDepth {
			return fmt.Errorf("%s:%d: params.wiki.category_depth = %d: give 0 (members only) to %d levels of subcategories", name, line("category_depth"), d, MaxCategoryDepth)
		}
		if len(w.Categories) == 0 {
			return fmt.Errorf("%s:%d: params.wiki.category_depth is set but params.wiki.categories names no category", name, line("category_depth"))
		}
		cfg.Wiki.CategoryDepth = d
	}
	seen := map[int]bool{}
	for _, ns := range w.Namespaces {
		if ns < 0 {
			return fmt.Errorf("%s:%d: params.wiki.namespaces holds %d: special namespaces (below 0) hold no pages; give namespace numbers such as 0 (main) or 4 (project)", name, line("namespaces"), ns)
		}
		if seen[ns] {
			return fmt.Errorf("%s:%d: params.wiki.namespaces names %d twice", name, line("namespaces"), ns)
		}
		seen[ns] = true
	}
	cfg.Wiki.Namespaces = w.Namespaces
	if defined("pages") && len(w.Pages) == 0 && len(w.Categories)+len(w.Prefixes)+len(w.Namespaces) == 0 {
		return fmt.Errorf("%s:%d: params.wiki.pages is empty: name at least one page to mirror (or set categories, prefixes or namespaces)", name, line("pages"))
	}
	if !defined("pages") && len(w.Categories)+len(w.Prefixes)+len(w.Namespaces) > 0 {
		cfg.Wiki.Pages = nil // the set is given: the default pages are not added to it
	}
	return nil
}

// checkTitles rejects empty and repeated titles in the list under key.
func checkTitles(name string, line int, key string, titles []string) error {
	seen := map[string]bool{}
	for _, p := range titles {
		t := strings.TrimSpace(strings.ReplaceAll(p, "_", " "))
		if t == "" {
			return fmt.Errorf("%s:%d: params.wiki.%s holds an empty title", name, line, key)
		}
		if seen[t] {
			return fmt.Errorf("%s:%d: params.wiki.%s names %q twice", name, line, key, p)
		}
		seen[t] = true
	}
	return nil
}
