package normalize

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// authorsParams are an authors view's params (see the schema): the text a
// page shows, block by block, in spans that each came in with one revision.
type authorsParams struct {
	Source   *source        `toml:"source,omitempty"`
	Of       string         `toml:"of"`   // "persona" or "page"
	Name     string         `toml:"name"` // the persona's name or the page's title
	Back     string         `toml:"back"` // URL of the page this view attributes
	Meeting  *meetingRef    `toml:"meeting,omitempty"`
	Versions []versionLink  `toml:"versions,omitempty"`
	Periods  []period       `toml:"periods"`
	Credits  []credit       `toml:"credits"`
	Fields   []fieldCredit  `toml:"fields,omitempty"`
	Blocks   []authorsBlock `toml:"-"`         // rendered into TextHTML
	TextHTML string         `toml:"text_html"` // see authorsHTML
	Authors  []authorShare  `toml:"authors"`
}

// period is a stretch between two meetings, the unit the view tints by.
type period struct {
	Index   int    `toml:"index"`
	Label   string `toml:"label"`   // "Before 30 Oct 2013", "30 Oct – 5 Nov 2013", "After 7 Jan 2014"
	Meeting string `toml:"meeting"` // slug of the meeting that closes it; "" after the last
}

// credit is a revision that wrote some of the text shown.
type credit struct {
	Author   string    `toml:"author"`
	Revision int64     `toml:"revision"`
	Date     time.Time `toml:"date"`
	URL      string    `toml:"url"` // the revision on the wiki; "" for a placeholder id
	Period   int       `toml:"period"`
}

type authorsBlock struct {
	Kind  string       `toml:"kind"`
	Level int          `toml:"level,omitzero"`
	Label string       `toml:"label,omitempty"`
	Spans []authorSpan `toml:"spans"`
}

// authorSpan is a run of text from one revision: Credit indexes Credits.
type authorSpan struct {
	Text   string `toml:"text"`
	Credit int    `toml:"c"`
}

// fieldCredit names who wrote a profile field's value: the revision that
// wrote most of its words (the newest of those tied).
type fieldCredit struct {
	Label  string `toml:"label"`
	Value  string `toml:"value"`
	Credit int    `toml:"c"`
}

type authorShare struct {
	Name    string `toml:"name"`
	Tokens  int    `toml:"tokens"`
	Percent int    `toml:"percent"`
}

// authorsView builds the view of blocks, attributed within pa.
func (b *credits) authorsView(pa *pageAuthors, blocks []authoredBlock) authorsParams {
	var v authorsParams
	index := map[int]int{} // origin → index in v.Credits
	var origins []int
	for _, bl := range blocks {
		for _, t := range bl.toks {
			if _, ok := index[t.Origin]; !ok {
				index[t.Origin] = 0
				origins = append(origins, t.Origin)
			}
		}
	}
	slices.Sort(origins)
	used := map[int]bool{}
	for i, o := range origins {
		index[o] = i
		r := pa.revs[o]
		p := b.periodOf(r.Timestamp)
		used[p] = true
		v.Credits = append(v.Credits, credit{Author: r.User, Revision: r.ID, Date: r.Timestamp,
			URL: b.links.revision(pa.title, r.ID), Period: p})
	}
	for p := range len(b.meetings) + 1 {
		if used[p] {
			v.Periods = append(v.Periods, b.period(p))
		}
	}
	tokens := map[string]int{}
	total := 0
	for _, bl := range blocks {
		ab := authorsBlock{Kind: bl.Kind, Level: bl.Level, Label: bl.Label, Spans: spansOf(bl, index)}
		if len(ab.Spans) > 0 {
			v.Blocks = append(v.Blocks, ab)
		}
		if bl.Kind == "field" && len(bl.toks) > 0 {
			v.Fields = append(v.Fields, fieldCredit{Label: bl.Label, Value: bl.Text, Credit: index[mainOrigin(bl)]})
		}
		for _, t := range bl.toks {
			tokens[pa.revs[t.Origin].User]++
			total++
		}
	}
	for name, n := range tokens {
		v.Authors = append(v.Authors, authorShare{Name: name, Tokens: n, Percent: (100*n + total/2) / total})
	}
	slices.SortFunc(v.Authors, func(a, b authorShare) int {
		return cmp.Or(cmp.Compare(b.Tokens, a.Tokens), cmp.Compare(a.Name, b.Name))
	})
	return v
}

// spansOf cuts a block into runs of tokens with one origin; each run's
// text reaches to the next run, spaces included, so the runs spell the
// block.
func spansOf(bl authoredBlock, index map[int]int) []authorSpan {
	var out []authorSpan
	for i := 0; i < len(bl.toks); {
		j := i + 1
		for j < len(bl.toks) && bl.toks[j].Origin == bl.toks[i].Origin {
			j++
		}
		from, to := bl.toks[i].Start, len(bl.Text)
		if i == 0 {
			from = 0
		}
		if j < len(bl.toks) {
			to = bl.toks[j].Start
		}
		out = append(out, authorSpan{Text: bl.Text[from:to], Credit: index[bl.toks[i].Origin]})
		i = j
	}
	return out
}

// mainOrigin is the origin of most of a block's tokens, the newest of
// those tied.
func mainOrigin(bl authoredBlock) int {
	n := map[int]int{}
	best := -1
	for _, t := range bl.toks {
		n[t.Origin]++
		if best < 0 || n[t.Origin] > n[best] || n[t.Origin] == n[best] && t.Origin > best {
			best = t.Origin
		}
	}
	return best
}

// periodOf is the period a revision saved at t falls in: the number of
// meetings held before it.
func (b *credits) periodOf(t time.Time) int {
	n := 0
	for _, m := range b.meetings {
		if m.Date.Before(t) {
			n++
		}
	}
	return n
}

func (b *credits) period(p int) period {
	ms := b.meetings
	day := func(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
	switch {
	case len(ms) == 0:
		return period{Index: p, Label: "All revisions"}
	case p == 0:
		return period{Index: p, Label: "Before " + day(ms[0].Date), Meeting: ms[0].slug()}
	case p == len(ms):
		return period{Index: p, Label: "After " + day(ms[p-1].Date)}
	}
	return period{Index: p, Label: fmt.Sprintf("%s – %s", day(ms[p-1].Date), day(ms[p].Date)), Meeting: ms[p].slug()}
}
