package docdiff

// Part is one piece of a document that is compared on its own, such as a
// persona's section. Title (the section's, when its text holds no
// heading) and Name (a persona's name, or "" for the page's own text)
// name it in the words saying where a block moved.
type Part struct {
	Name, Title string
	Old, New    Doc
}

// CompareParts compares each part on its own, then recognises the blocks
// that moved from one part to another: each is shown once, at its new
// place, as Moved with where it came from; its old place keeps a
// MovedAway entry saying where it went, not its text again.
func CompareParts(parts []Part) []Diff {
	as := make([]*alignment, len(parts))
	for i, p := range parts {
		old, new := Parse(p.Old), Parse(p.New)
		as[i] = &alignment{old: old, new: new}
		if len(old) > maxBlocks || len(new) > maxBlocks {
			as[i] = nil
			continue
		}
		as[i].run()
	}
	crossMoves(parts, as)
	out := make([]Diff, len(parts))
	for i, a := range as {
		if a == nil {
			old, new := Parse(parts[i].Old), Parse(parts[i].New)
			out[i] = replacedAll(old, new)
			continue
		}
		out[i] = Diff{Entries: a.entries()}
	}
	return out
}

type place struct{ part, index int }

// crossMoves pairs blocks removed from one part with the same blocks
// added to another, in order.
func crossMoves(parts []Part, as []*alignment) {
	removed := map[string][]place{}
	for i, a := range as {
		if a == nil {
			continue
		}
		for k := range a.old {
			if a.pairOf[k] < 0 && movable(&a.old[k]) {
				kk := key(&a.old[k])
				removed[kk] = append(removed[kk], place{i, k})
			}
		}
	}
	for i, a := range as {
		if a == nil {
			continue
		}
		for j := range a.new {
			if a.oldOf[j] >= 0 || !movable(&a.new[j]) {
				continue
			}
			kk := key(&a.new[j])
			c := removed[kk]
			if len(c) == 0 || c[0].part == i {
				continue
			}
			src := as[c[0].part]
			removed[kk] = c[1:]
			src.pairOf[c[0].index] = j
			src.movedTo[c[0].index] = destination(or(a.sectionOf(j), parts[i].Title)) + of(parts[i].Name, parts[c[0].part].Name)
			a.crossFrom[j] = crossRef{block: &src.old[c[0].index],
				from: src.fromOther(c[0].index, parts[c[0].part].Title) + of(parts[c[0].part].Name, parts[i].Name)}
		}
	}
}

// destination names the section a block moved to by its heading.
func destination(heading string) string {
	if heading == "" {
		return "another section"
	}
	return "“" + clip(heading) + "”"
}

// of names the part a note points to when it is not the note's own.
func of(name, here string) string {
	if name == "" || name == here {
		return ""
	}
	return " of " + name
}

// fromOther describes old block i for a block that moved to another part
// whose title is title.
func (a *alignment) fromOther(i int, title string) string {
	what, head := a.position(i)
	head = or(head, title)
	if head == "" {
		return what
	}
	return what + " under “" + clip(head) + "”"
}

func or(s, otherwise string) string {
	if s != "" {
		return s
	}
	return otherwise
}
