package wikitext

import "strings"

// resolveQuotes turns apostrophe runs into bold/italic open and close
// events, line by line, following MediaWiki's doQuotes: runs of 4 and 6+
// give their extra apostrophes to the text, an odd number of both bold and
// italic runs turns one bold into an apostrophe plus italic, and whatever is
// open at the end of a line is closed there.
func resolveQuotes(evs []event) []event {
	if !hasQuote(evs) {
		return evs
	}
	out := make([]event, 0, len(evs))
	start := 0
	for i := 0; i <= len(evs); i++ {
		if i == len(evs) || evs[i].kind == evNewline {
			out = quoteLine(evs[start:i], out)
			start = i + 1
		}
	}
	return out
}

func quoteLine(line []event, out []event) []event {
	var runs []int
	italics, bolds := 0, 0
	for i := range line {
		if line[i].kind != evQuote {
			continue
		}
		runs = append(runs, i)
		switch line[i].qlen {
		case 2:
			italics++
		case 3:
			bolds++
		case 4:
			bolds++
		default:
			if line[i].qlen >= 5 {
				italics++
				bolds++
			}
		}
	}
	if len(runs) == 0 {
		return append(out, line...)
	}
	demote := -1 // the bold run read as apostrophe + italic
	if italics%2 == 1 && bolds%2 == 1 {
		demote = pickDemotion(line, runs)
	}
	st := quoteState{out: out}
	for i := range line {
		e := line[i]
		if e.kind != evQuote {
			st.out = append(st.out, e)
			continue
		}
		n := e.qlen
		switch {
		case n == 4:
			st.text("'")
			n = 3
		case n > 5:
			st.text(strings.Repeat("'", n-5))
			n = 5
		}
		if i == demote {
			st.text("'")
			n = 2
		}
		st.run(n)
	}
	st.endLine()
	return st.out
}

func pickDemotion(line []event, runs []int) int {
	multi, space := -1, -1
	for _, i := range runs {
		if q := line[i].qlen; q != 3 && q != 4 {
			continue
		}
		x1, x2 := line[i].prev1, line[i].prev2
		if line[i].qlen == 4 { // MediaWiki has moved the extra ' into the text
			x1, x2 = '\'', x1
		}
		switch {
		case x1 == ' ':
			if space < 0 {
				space = i
			}
		case x2 == ' ' || x2 == 0:
			return i
		default:
			if multi < 0 {
				multi = i
			}
		}
	}
	if multi >= 0 {
		return multi
	}
	return space
}

type quoteState struct {
	out   []event
	state string // "", "i", "b", "bi", "ib", "both"
	both  int    // index in out where the "both" run started
}

func (q *quoteState) text(s string) {
	q.out = append(q.out, event{kind: evText, text: s})
}

func (q *quoteState) open(k inlineKind) { q.out = append(q.out, event{kind: evOpen, ik: k}) }

func (q *quoteState) close(k inlineKind) { q.out = append(q.out, event{kind: evClose, ik: k}) }

// openBoth inserts the opening events at the start of a deferred ””' run.
func (q *quoteState) openBoth(first, second inlineKind) {
	rest := append([]event(nil), q.out[q.both:]...)
	q.out = append(q.out[:q.both], event{kind: evOpen, ik: first}, event{kind: evOpen, ik: second})
	q.out = append(q.out, rest...)
}

func (q *quoteState) run(n int) {
	switch n {
	case 2:
		switch q.state {
		case "i":
			q.close(inEm)
			q.state = ""
		case "bi":
			q.close(inEm)
			q.state = "b"
		case "ib":
			q.close(inStrong)
			q.close(inEm)
			q.open(inStrong)
			q.state = "b"
		case "both":
			q.openBoth(inStrong, inEm)
			q.close(inEm)
			q.state = "b"
		default:
			q.open(inEm)
			q.state += "i"
		}
	case 3:
		switch q.state {
		case "b":
			q.close(inStrong)
			q.state = ""
		case "bi":
			q.close(inEm)
			q.close(inStrong)
			q.open(inEm)
			q.state = "i"
		case "ib":
			q.close(inStrong)
			q.state = "i"
		case "both":
			q.openBoth(inEm, inStrong)
			q.close(inStrong)
			q.state = "i"
		default:
			q.open(inStrong)
			q.state += "b"
		}
	case 5:
		switch q.state {
		case "b":
			q.close(inStrong)
			q.open(inEm)
			q.state = "i"
		case "i":
			q.close(inEm)
			q.open(inStrong)
			q.state = "b"
		case "bi":
			q.close(inEm)
			q.close(inStrong)
			q.state = ""
		case "ib":
			q.close(inStrong)
			q.close(inEm)
			q.state = ""
		case "both":
			q.openBoth(inEm, inStrong)
			q.close(inStrong)
			q.close(inEm)
			q.state = ""
		default:
			q.both = len(q.out)
			q.state = "both"
		}
	}
}

func (q *quoteState) endLine() {
	switch q.state {
	case "b", "ib", "bi":
		q.close(inStrong)
	}
	switch q.state {
	case "i", "bi", "ib":
		q.close(inEm)
	case "both":
		q.openBoth(inStrong, inEm)
		q.close(inEm)
		q.close(inStrong)
	}
	q.state = ""
}

func hasQuote(evs []event) bool {
	for i := range evs {
		if evs[i].kind == evQuote {
			return true
		}
	}
	return false
}
