package normalize

import "slices"

// memo remembers answers for one Write, up to a budget: past it the
// oldest answers are forgotten first. The Write's memos (revision texts,
// their hashes, conversions) exist because the same text is asked for
// several times in a row: as the new side of one diff, the old side of
// the next, then by the attribution. Unbounded, they held a long history
// whole: 5,000 revisions of a growing page kept 5 GB live
// (bench/README.md, the scale section). A forgotten answer is only
// computed again, so the budget costs time, never a different result.
//
// It is not safe for concurrent use.
type memo[K comparable, V any] struct {
	m      map[K]V
	order  []K // keys, oldest first, from head on
	head   int
	cost   func(K, V) int
	used   int
	budget int
}

func newMemo[K comparable, V any](budget int, cost func(K, V) int) *memo[K, V] {
	return &memo[K, V]{m: map[K]V{}, cost: cost, budget: budget}
}

func (m *memo[K, V]) get(k K) (V, bool) {
	v, ok := m.m[k]
	return v, ok
}

// put remembers v under k, then forgets the oldest answers until the
// memo is within its budget again; the newest one is always kept.
func (m *memo[K, V]) put(k K, v V) {
	if old, ok := m.m[k]; ok {
		m.used -= m.cost(k, old)
	} else {
		m.order = append(m.order, k)
	}
	m.m[k] = v
	m.used += m.cost(k, v)
	for m.used > m.budget && len(m.order)-m.head > 1 {
		oldest := m.order[m.head]
		var zero K
		m.order[m.head] = zero
		m.head++
		if v, ok := m.m[oldest]; ok {
			m.used -= m.cost(oldest, v)
			delete(m.m, oldest)
		}
	}
	if m.head > len(m.order)/2 {
		// slices.Delete zeroes the tail it leaves: a stale copy of a key
		// there (a text, for cacheKeys.sums) would stay alive.
		m.order = slices.Delete(m.order, 0, m.head)
		m.head = 0
	}
}
