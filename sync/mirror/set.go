package mirror

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// rules are the configured ways a page gets into the set.
type rules struct {
	pages      []string // canonical
	categories []string // with the "Category:" prefix
	depth      int
	prefixes   []prefix
	namespaces []int
}

// prefix is a title prefix split into the namespace allpages takes and
// the rest of the title.
type prefix struct {
	ns   int
	name string // the prefix without its namespace, as allpages wants it
	raw  string // as configured
}

func (p prefix) matches(ns int, title string) bool {
	if ns != p.ns {
		return false
	}
	if ns != 0 {
		_, title, _ = strings.Cut(title, ":")
	}
	return strings.HasPrefix(title, p.name)
}

// namespaceNumbers are MediaWiki's canonical namespace names, which every
// wiki accepts whatever its language: a prefix naming one lists that
// namespace. Any other "X:" is part of a main-namespace title.
var namespaceNumbers = map[string]int{
	"Talk": 1, "User": 2, "User talk": 3, "Project": 4, "Project talk": 5,
	"File": 6, "Image": 6, "MediaWiki": 8, "Template": 10, "Template talk": 11,
	"Help": 12, "Help talk": 13, "Category": 14, "Module": 828,
}

func (o Options) rules() rules {
	r := rules{pages: canonicalUnique(o.Pages), depth: o.CategoryDepth, namespaces: o.Namespaces}
	for _, c := range o.Categories {
		c = archive.Canonical(c)
		if !strings.HasPrefix(c, "Category:") {
			c = "Category:" + c
		}
		r.categories = append(r.categories, c)
	}
	for _, p := range o.Prefixes {
		p = strings.ReplaceAll(p, "_", " ")
		pre := prefix{name: p, raw: p}
		if ns, rest, ok := strings.Cut(p, ":"); ok {
			if n, known := namespaceNumbers[archive.Canonical(ns)]; known {
				pre = prefix{ns: n, name: rest, raw: p}
			}
		}
		pre.name = upperFirstOf(pre.name)
		r.prefixes = append(r.prefixes, pre)
	}
	return r
}

// upperFirstOf capitalises a prefix's first letter as the wiki does titles,
// without folding its trailing spaces ("Server " stays a word prefix).
func upperFirstOf(s string) string {
	if s == "" {
		return s
	}
	c := archive.Canonical(s + "x")
	return c[:len(c)-1]
}

// listed reports whether the set needs listings beyond the named pages.
func (r rules) listed() bool {
	return len(r.categories)+len(r.prefixes)+len(r.namespaces) > 0
}

// spec describes the rules, stored with the set so that a changed
// configuration is noticed.
func (r rules) spec() string {
	var parts []string
	for _, p := range r.pages {
		parts = append(parts, "page:"+p)
	}
	parts = append(parts, r.categories...)
	if len(r.categories) > 0 {
		parts = append(parts, "depth:"+strconv.Itoa(r.depth))
	}
	for _, p := range r.prefixes {
		parts = append(parts, fmt.Sprintf("prefix:%d:%s", p.ns, p.name))
	}
	for _, n := range r.namespaces {
		parts = append(parts, "namespace:"+strconv.Itoa(n))
	}
	return strings.Join(parts, "|")
}

// matches reports whether a title enters the set by prefix or namespace
// (category membership needs a question to the wiki).
func (r rules) matches(ns int, title string) bool {
	for _, n := range r.namespaces {
		if n == ns {
			return true
		}
	}
	for _, p := range r.prefixes {
		if p.matches(ns, title) {
			return true
		}
	}
	return false
}

// resolve lists the set's pages on the wiki now: title → the rule that
// brought it in, first rule winning. It also returns the categories
// walked, subcategories included.
func (s *syncer) resolve(r rules) (map[string]string, []string, error) {
	members := map[string]string{}
	add := func(title, via string) {
		if _, ok := members[title]; !ok {
			members[title] = via
		}
	}
	for _, p := range r.pages {
		add(p, "pages")
	}
	cats, err := s.walkCategories(r, add)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range r.prefixes {
		list, err := s.wiki.AllPages(s.ctx, p.ns, p.name)
		if err != nil {
			return nil, nil, fmt.Errorf("list the pages of prefix %q: %w", p.name, err)
		}
		for _, m := range list {
			add(m.Title, "prefix:"+p.raw)
		}
	}
	for _, n := range r.namespaces {
		list, err := s.wiki.AllPages(s.ctx, n, "")
		if err != nil {
			return nil, nil, fmt.Errorf("list the pages of namespace %d: %w", n, err)
		}
		for _, m := range list {
			add(m.Title, "namespace:"+strconv.Itoa(n))
		}
	}
	return members, cats, nil
}

// walkCategories adds the members of each category, descending r.depth
// levels of subcategories, each category listed once (trees loop).
func (s *syncer) walkCategories(r rules, add func(title, via string)) ([]string, error) {
	seen := map[string]bool{}
	level := append([]string(nil), r.categories...)
	for d := 0; len(level) > 0; d++ {
		var next []string
		for _, c := range level {
			if seen[c] {
				continue
			}
			seen[c] = true
			list, err := s.wiki.CategoryMembers(s.ctx, c)
			if err != nil {
				return nil, fmt.Errorf("list the members of %q: %w", c, err)
			}
			for _, m := range list {
				if m.Subcategory() {
					if d < r.depth {
						next = append(next, m.Title)
					}
					continue
				}
				add(m.Title, strings.ToLower(c[:1])+c[1:])
			}
		}
		level = next
	}
	return sortedKeys(seen), nil
}

// record updates the set's record with today's members: pages that are new
// join now, pages no longer listed leave now (keeping their history).
func record(ps *archive.PageSet, members map[string]string, now time.Time) (joined, left []string) {
	in := map[string]bool{}
	for i := range ps.Members {
		m := &ps.Members[i]
		if !m.In() {
			continue
		}
		if _, still := members[m.Title]; still {
			in[m.Title] = true
			continue
		}
		m.Left = now
		left = append(left, m.Title)
	}
	for title, via := range members {
		if !in[title] {
			ps.Members = append(ps.Members, archive.Member{Title: title, Via: via, Joined: now})
			joined = append(joined, title)
		}
	}
	sort.Strings(joined)
	sort.Strings(left)
	return joined, left
}
