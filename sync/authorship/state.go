package authorship

// State is what a History holds, exported so that a caller can keep it
// between runs (sync/normalize caches it, so a page's new revision is
// attributed without replaying its whole history). It shares memory with
// the History it came from: encode it before adding more revisions.
type State struct {
	Revs      []Revision
	PrevText  []string
	PrevOrig  []int
	PrevParas map[string][]int
	PrevSents map[string][]int
	Paras     map[string][]int32
	Sents     map[string][]int32
}

// State returns the history's state; see the type.
func (h *History) State() State {
	return State{Revs: h.revs, PrevText: h.prevText, PrevOrig: h.prevOrig,
		PrevParas: h.prevParas, PrevSents: h.prevSents, Paras: h.paras, Sents: h.sents}
}

// Restore returns a history that continues from s as the one s came from
// would. A state whose previous revision's texts and origins disagree in
// length is not one State returned; Restore reports false for it.
func Restore(s State) (*History, bool) {
	if len(s.PrevText) != len(s.PrevOrig) {
		return nil, false
	}
	h := New()
	h.revs, h.prevText, h.prevOrig = s.Revs, s.PrevText, s.PrevOrig
	for dst, src := range map[*map[string][]int]map[string][]int{&h.prevParas: s.PrevParas, &h.prevSents: s.PrevSents} {
		if src != nil {
			*dst = src
		}
	}
	for dst, src := range map[*map[string][]int32]map[string][]int32{&h.paras: s.Paras, &h.sents: s.Sents} {
		if src != nil {
			*dst = src
		}
	}
	for _, m := range []map[string][]int{h.prevParas, h.prevSents} {
		for _, ats := range m {
			for _, at := range ats {
				if at < 0 || at >= len(h.prevText) {
					return nil, false
				}
			}
		}
	}
	return h, true
}
