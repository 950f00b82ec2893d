// Package bench holds the side-by-side benchmark of wikisite against its
// peers (git-remote-mediawiki, a python3-mwclient script, a minimal loop at
// the API floor, Debian's plain Hugo) and the small request-count test that
// CI runs. This file makes the synthetic wiki history both use.
//
// It holds measuring code only: nothing in the product imports it, and it
// never contains real persona text. Every generated page says it is
// synthetic.
package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// TemplateTitle is the one template every synthetic page calls.
const TemplateTitle = "Template:Synthetic note"

// templateText is the template's only revision.
const templateText = `<div class="synthetic-note">'''{{{1}}}''': {{{2}}}</div>`

// Start is when the first synthetic revision was saved.
var Start = time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)

// Revision is one generated revision.
type Revision struct {
	Time    time.Time
	User    string
	Comment string
	Text    string
}

// Page is one generated page with its history, oldest first.
type Page struct {
	Title     string
	Revisions []Revision
}

// Title names synthetic page p. It has no spaces so git-remote-mediawiki's
// space-separated page list can name it as is.
func Title(p int) string { return fmt.Sprintf("Synthetic/Page%02d", p) }

// History makes pages × revs pages of wiki-like text: each revision is an
// 8–15 KB document (headings, lists, a profile table per persona, a
// schedule table, links, a template call) that edits a few lines of the
// previous one. The same arguments always give the same history.
func History(pages, revs int) []Page {
	out := make([]Page, pages)
	for p := range out {
		out[p] = Page{Title: Title(p), Revisions: make([]Revision, 0, revs)}
		EachRevision(p, revs, func(r Revision) { out[p].Revisions = append(out[p].Revisions, r) })
	}
	return out
}

// Spacing is the time between two revisions of a revs-long history: a
// day, or less for long ones, so that even 10,000 revisions end before
// today — Hugo leaves out pages dated in the future.
func Spacing(revs int) time.Duration {
	if revs <= 2000 {
		return 24 * time.Hour
	}
	return 4 * time.Hour
}

// EachRevision calls fn with the revisions of page p, oldest first, the
// same ones History makes, without holding them all: a page of 10,000
// revisions is about a gigabyte of text.
func EachRevision(p, revs int, fn func(Revision)) {
	d := newDoc(p)
	for r := range revs {
		if r > 0 {
			d.edit(r)
		}
		fn(Revision{
			Time:    Start.Add(time.Duration(r)*Spacing(revs) + time.Duration(p)*time.Minute),
			User:    fmt.Sprintf("Synthetic user %d", (p+r)%7),
			Comment: fmt.Sprintf("Synthetic edit %d of page %d: revise persona %d", r, p, r%4+1),
			Text:    d.text(),
		})
	}
}

// NextText is the text of revision revs of page p, one past History's
// last: a few lines edited, then marker appended as its own paragraph.
func NextText(p, revs int, marker string) string {
	d := newDoc(p)
	for r := 1; r <= revs; r++ {
		d.edit(r)
	}
	return d.text() + "\n" + marker + "\n"
}

// doc is a page as lines; edits replace, insert or reword a few of them.
type doc struct {
	page  int
	rng   *rand.Rand
	lines []string
	items []int // indexes of list-item lines, the ones edits touch
}

var lorem = strings.Fields(`lorem ipsum dolor sit amet consectetur adipiscing elit sed do
eiusmod tempor incididunt ut labore et dolore magna aliqua enim minim veniam quis
nostrud exercitation ullamco laboris nisi aliquip commodo consequat duis aute irure
reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat
cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum`)

func (d *doc) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = lorem[d.rng.IntN(len(lorem))]
	}
	return strings.Join(w, " ")
}

func (d *doc) add(format string, args ...any) {
	d.lines = append(d.lines, fmt.Sprintf(format, args...))
}

func (d *doc) item(prefix string) {
	d.items = append(d.items, len(d.lines))
	d.add("%s %s [[%s|%s]] %s.", prefix, d.words(7), Title((d.page+len(d.items))%20), d.words(2), d.words(6))
}

func newDoc(p int) *doc {
	d := &doc{page: p, rng: rand.New(rand.NewPCG(uint64(p), 42))}
	d.add("{{Synthetic note|Synthetic benchmark page %d|generated test data, not real persona text}}", p)
	d.add("")
	d.add("== Overview ==")
	d.add("This synthetic page exists to measure wikisite. %s '''%s''' %s.", d.words(12), d.words(2), d.words(10))
	d.add("")
	for k := 1; k <= 4; k++ {
		d.add("== Synthetic persona %d ==", k)
		d.add(`{| class="wikitable"`)
		for _, f := range [][2]string{{"Name", fmt.Sprintf("Synthetic persona %d", k)},
			{"Age", fmt.Sprint(25 + 7*k)}, {"Job", d.words(3)}, {"Location", "Nowhere " + d.words(1)}} {
			d.add("! %s\n| %s\n|-", f[0], f[1])
		}
		d.add("|}")
		for _, sec := range []string{"Goals", "Frustrations", "Work description"} {
			d.add("=== %s ===", sec)
			for range 6 {
				d.item("*")
			}
			d.add("")
		}
		d.add("''%s''", d.words(20))
		d.add("")
	}
	d.add("== Schedule ==")
	d.add(`{| class="wikitable"` + "\n! Week !! Task !! Owner")
	for w := 1; w <= 8; w++ {
		d.add("|-\n| %d || %s || Synthetic user %d", w, d.words(4), w%7)
	}
	d.add("|}")
	return d
}

// edit rewords two list items and, every fourth revision, adds one.
func (d *doc) edit(r int) {
	for range 2 {
		i := d.items[d.rng.IntN(len(d.items))]
		prefix, _, _ := strings.Cut(d.lines[i], " ")
		d.lines[i] = fmt.Sprintf("%s %s (revised in revision %d) %s.", prefix, d.words(8), r, d.words(5))
	}
	if r%4 == 0 {
		at := d.items[d.rng.IntN(len(d.items))] + 1
		d.lines = append(d.lines[:at], append([]string{"* added in revision " + fmt.Sprint(r) + ": " + d.words(9)}, d.lines[at:]...)...)
		for j, i := range d.items {
			if i >= at {
				d.items[j]++
			}
		}
	}
}

func (d *doc) text() string { return strings.Join(d.lines, "\n") + "\n" }
