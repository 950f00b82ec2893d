package normalize

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/wikitext"
)

// cacheKeys derives content-based keys for conversions and diffs. A
// result depends on
//   - the input text (its SHA-256);
//   - the template revisions and file versions current at the revision's time: the
//     "template state", one per template epoch (the number of template
//     revisions saved up to that time; two times in the same epoch see
//     the same templates);
//   - the settings: the code's version, the shortcodes, the wiki's URL and
//     the archived titles (links point to our page for archived titles).
type cacheKeys struct {
	setting   cacheKey
	templates []string    // archived Template: titles, sorted
	stamps    []time.Time // every Template: revision time, sorted
	states    map[int]cacheKey
	// sums memoizes texts' SHA-256: each revision's text is in two diff
	// keys, as the new and as the old text, and in its conversions' keys.
	sums   *memo[string, [sha256.Size]byte]
	corpus *corpus
}

func newCacheKeys(c *corpus, setting cacheKey) *cacheKeys {
	k := &cacheKeys{corpus: c, setting: setting, states: map[int]cacheKey{},
		sums: newMemo(sumBudget, func(s string, _ [sha256.Size]byte) int { return len(s) + sha256.Size })}
	for _, t := range c.titles {
		if isTemplate(t) {
			k.templates = append(k.templates, t)
			for _, r := range c.pages[t].Revisions {
				k.stamps = append(k.stamps, r.Timestamp)
			}
		}
	}
	// A file upload starts a new state too.
	for _, f := range c.files.Files {
		for _, v := range f.Versions {
			k.stamps = append(k.stamps, v.Timestamp)
		}
	}
	sort.Strings(k.templates)
	sort.Slice(k.stamps, func(i, j int) bool { return k.stamps[i].Before(k.stamps[j]) })
	return k
}

// settingKey is the key of the settings every result depends on.
func settingKey(c *corpus, w Wiki, links wikiLinks) cacheKey {
	shortcodes := make([]string, 0, len(w.Shortcodes))
	for tmpl, sc := range w.Shortcodes {
		shortcodes = append(shortcodes, tmpl+"\x00"+sc)
	}
	sort.Strings(shortcodes)
	// Placeholder ids change which URLs history entries carry.
	placeholders := fmt.Sprint(w.PlaceholderRevisions)
	return newKey([]byte(codeVersion()), []byte(links.article),
		[]byte(strings.Join(shortcodes, "\n")), []byte(strings.Join(c.titles, "\n")), []byte(placeholders))
}

// templateState is the key of the template revisions current at at: each
// template's title with the id, sha1 and visibility of its revision then.
func (k *cacheKeys) templateState(at time.Time) cacheKey {
	epoch := sort.Search(len(k.stamps), func(i int) bool { return k.stamps[i].After(at) })
	if s, ok := k.states[epoch]; ok {
		return s
	}
	parts := [][]byte{[]byte("templates")}
	for _, t := range k.templates {
		line := t
		if r := k.corpus.pages[t].At(at); r != nil {
			line += "\x00" + strconv.FormatInt(r.ID, 10) + "\x00" + r.SHA1 + "\x00" + strconv.FormatBool(r.TextHidden)
		}
		parts = append(parts, []byte(line))
	}
	// The file versions current at at decide which image a text shows.
	parts = append(parts, []byte("files"), []byte(k.corpus.filesState(at)))
	s := newKey(parts...)
	k.states[epoch] = s
	return s
}

// of is the key of one kind of result ("markdown", "plain") of src at at.
func (k *cacheKeys) of(kind, src string, at time.Time) cacheKey {
	state, sum := k.templateState(at), k.sum(src)
	return newKey([]byte(kind), k.setting[:], state[:], sum[:])
}

// page is the key of a whole page's conversion: base (its text and
// templates) with the title and revision its magic words read.
func (k *cacheKeys) page(base cacheKey, title string, r wikitext.Revision) cacheKey {
	rev := fmt.Sprintf("%d\x00%s\x00%s", r.ID, r.Timestamp.UTC().Format(time.RFC3339Nano), r.User)
	return newKey([]byte("page"), base[:], []byte(title), []byte(rev))
}

// diff is the key of the diff of old (at oldAt) and new (at newAt).
func (k *cacheKeys) diff(old, new string, oldAt, newAt time.Time) cacheKey {
	os, ns := k.templateState(oldAt), k.templateState(newAt)
	osum, nsum := k.sum(old), k.sum(new)
	return newKey([]byte("diff"), k.setting[:], os[:], ns[:], osum[:], nsum[:])
}

// sumBudget bounds the texts whose hashes cacheKeys remembers, as the
// memo holds the texts themselves.
const sumBudget = 16 << 20

func (k *cacheKeys) sum(s string) [sha256.Size]byte {
	if h, ok := k.sums.get(s); ok {
		return h
	}
	h := sha256.Sum256([]byte(s))
	k.sums.put(s, h)
	return h
}

// convEntry is a converted as stored on disk.
type convEntry struct {
	Markdown    string
	Categories  []string
	Magic       []string
	Diagnostics []wikitext.Diagnostic
	Shortcodes  []wikitext.Shortcode
	Missing     []string
	PageWords   bool
	TOC         bool
}

func entryOf(r converted) convEntry {
	return convEntry{Markdown: r.Markdown, Categories: r.Categories, Magic: r.Magic,
		Diagnostics: r.Diagnostics, Shortcodes: r.Shortcodes, Missing: r.missing, PageWords: r.pageWords, TOC: r.TOC}
}

func (e convEntry) converted() converted {
	return converted{Result: wikitext.Result{Markdown: e.Markdown, Categories: e.Categories, Magic: e.Magic,
		Diagnostics: e.Diagnostics, Shortcodes: e.Shortcodes, TOC: e.TOC}, missing: e.Missing, pageWords: e.PageWords}
}
