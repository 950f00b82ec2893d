package conformance

import (
	"fmt"
	"strings"
)

// row sums the cases of one construct.
type row struct {
	name                          string
	cases, exact, peerExact       int
	sim, peerSim, minSim, minPeer float64
	structEq, peerStructEq        int
}

func (r *row) add(c *tcase) {
	if r.cases == 0 {
		r.minSim, r.minPeer = 1, 1
	}
	r.cases++
	r.sim += c.text1.sim
	r.peerSim += c.peerText.sim
	r.minSim, r.minPeer = min(r.minSim, c.text1.sim), min(r.minPeer, c.peerText.sim)
	if c.exact() {
		r.exact++
	}
	if c.peerText.sim == 1 && c.peerStruct.equal {
		r.peerExact++
	}
	if c.structure1.equal {
		r.structEq++
	}
	if c.peerStruct.equal {
		r.peerStructEq++
	}
}

// table formats the cases as a Markdown table by construct: cases,
// exact (words and structure equal to MediaWiki's), mean and lowest word
// similarity and structure equality, wikisite against pandoc.
func table(cases []*tcase) string {
	var order []string
	rows := map[string]*row{}
	var gen row
	gen.name = "**all generated**"
	for _, c := range cases {
		r, ok := rows[c.construct]
		if !ok {
			r = &row{name: c.construct}
			rows[c.construct] = r
			order = append(order, c.construct)
		}
		r.add(c)
		if c.kind == "generated" {
			gen.add(c)
		}
	}
	var b strings.Builder
	b.WriteString("| construct | cases | exact wikisite | exact pandoc | mean similarity wikisite | pandoc | lowest wikisite | pandoc | structure equal wikisite | pandoc |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, name := range order {
		writeRow(&b, rows[name])
	}
	if gen.cases > 0 {
		writeRow(&b, &gen)
	}
	return b.String()
}

func writeRow(b *strings.Builder, r *row) {
	n := float64(r.cases)
	fmt.Fprintf(b, "| %s | %d | %d (%.0f %%) | %d (%.0f %%) | %.4f | %.4f | %.4f | %.4f | %d | %d |\n",
		r.name, r.cases, r.exact, 100*float64(r.exact)/n, r.peerExact, 100*float64(r.peerExact)/n,
		r.sim/n, r.peerSim/n, r.minSim, r.minPeer, r.structEq, r.peerStructEq)
}
