package worddiff

import "github.com/sergi/go-diff/diffmatchpatch"

// Match pairs the equal tokens of a and b along a shortest token diff, the
// way Words does for its word tokens: m[j] is the index in a of the token
// b[j] was kept from, or -1 when b[j] is inserted. The pairs increase in
// both a and b. Match reports false, and pairs nothing, when either side
// has more than maxWordTokens tokens: callers then fall back to something
// cheaper than an O(N·D) search.
func Match(a, b []string) (m []int, ok bool) {
	if len(a) > maxWordTokens || len(b) > maxWordTokens {
		return nil, false
	}
	enc := newEncoder()
	ra, rb := enc.encode(a), enc.encode(b)
	if enc.full {
		return nil, false
	}
	m = make([]int, len(b))
	i, j := 0, 0
	for _, d := range newDMP().DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				m[j+k] = i + k
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			for k := 0; k < n; k++ {
				m[j+k] = -1
			}
			j += n
		}
	}
	return m, true
}
