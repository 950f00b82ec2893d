package wikitext

import (
	"strconv"
	"strings"
)

// Footnotes, as the Cite extension renders them: <ref> becomes a
// superscript "[1]" ("[note 1]" in a group) linking to its note, a named
// ref used again shows the same number, and <references/> lists the notes
// of its group, each after a "↑" (with "1.0 1.1 …" for a reused one). Notes
// no <references/> lists are listed at the end of the page, as Cite does.
//
// The notes are written back as wikitext (a numbered list), so their text
// goes through the same parser and allow-list as the rest of the page.

// note is one footnote of a group.
type note struct {
	id   string // cite_note-…
	num  int
	text string
	uses int
}

// refGroup is the notes of one group, in order of first use.
type refGroup struct {
	notes  []*note
	byName map[string]*note
}

type refState struct {
	groups map[string]*refGroup
	order  []string // groups with notes not yet listed
	seq    int      // notes on the page, all groups, for their ids
}

// refs replaces <ref> and <references> in expanded text.
func (c *converter) refs(s string) string {
	if !containsFold(s, "<ref") {
		return s
	}
	st := &refState{groups: map[string]*refGroup{}}
	var b strings.Builder
	for {
		i := indexFold(s, "<ref")
		if i < 0 {
			break
		}
		tg, ok := parseTag(s, i)
		if !ok || tg.closing || (tg.name != "ref" && tg.name != "references") {
			b.WriteString(s[:i+4])
			s = s[i+4:]
			continue
		}
		b.WriteString(s[:i])
		body, end := "", tg.end
		if !tg.selfClosing {
			if cs, ce := findCloseTag(s, tg.end, tg.name); cs >= 0 {
				body, end = s[tg.end:cs], ce
			}
		}
		s = s[end:]
		attrs := parseAttrs(tg.attrs)
		if tg.name == "references" {
			c.defineRefs(st, attrs["group"], body)
			b.WriteString(c.noteList(st, attrs["group"]))
			continue
		}
		b.WriteString(c.refMark(st, attrs["group"], attrs["name"], body))
	}
	b.WriteString(s)
	for _, g := range st.order {
		if len(st.groups[g].notes) > 0 {
			b.WriteString("\n\n" + c.noteList(st, g))
		}
	}
	return b.String()
}

// refMark records a ref and returns its inline mark.
func (c *converter) refMark(st *refState, group, name, body string) string {
	g := st.group(group)
	n := g.byName[name]
	if n == nil || name == "" {
		st.seq++
		n = &note{num: len(g.notes) + 1}
		n.id = "cite_note-" + strconv.Itoa(st.seq)
		if name != "" {
			n.id = "cite_note-" + anchorID(name) + "-" + strconv.Itoa(st.seq)
			g.byName[name] = n
		}
		g.notes = append(g.notes, n)
	}
	if n.text == "" {
		n.text = strings.TrimSpace(body)
	}
	n.uses++
	label := "[" + strconv.Itoa(n.num) + "]"
	if group != "" {
		label = "[" + group + " " + strconv.Itoa(n.num) + "]"
	}
	return c.mark(token{kind: tokRef, text: label, name: "#" + n.id})
}

// defineRefs reads refs defined inside <references>…</references>.
func (c *converter) defineRefs(st *refState, group, body string) {
	g := st.group(group)
	for {
		i := indexFold(body, "<ref")
		if i < 0 {
			return
		}
		tg, ok := parseTag(body, i)
		if !ok || tg.closing || tg.name != "ref" || tg.selfClosing {
			body = body[i+4:]
			continue
		}
		cs, ce := findCloseTag(body, tg.end, "ref")
		if cs < 0 {
			return
		}
		if n := g.byName[parseAttrs(tg.attrs)["name"]]; n != nil && n.text == "" {
			n.text = strings.TrimSpace(body[tg.end:cs])
		}
		body = body[ce:]
	}
}

// noteList marks the place of the group's notes and empties the group.
func (c *converter) noteList(st *refState, group string) string {
	g := st.group(group)
	tk := token{kind: tokNotes, notes: g.notes}
	g.notes, g.byName = nil, map[string]*note{}
	return c.mark(tk)
}

// noteBlock is a references list: one item per note.
type noteBlock struct{ items []noteItem }

type noteItem struct {
	id   string
	back string // "↑", or "↑ 1.0 1.1" for a reused note
	inl  []*inline
}

// notesBlock parses the notes' text for rendering.
func (c *converter) notesBlock(notes []*note) *noteBlock {
	nb := &noteBlock{}
	for _, n := range notes {
		back := "↑"
		if n.uses > 1 {
			for u := range n.uses {
				back += " " + strconv.Itoa(n.num) + "." + strconv.Itoa(u)
			}
		}
		nb.items = append(nb.items, noteItem{id: n.id, back: back,
			inl: c.parseInline(strings.Join(strings.Fields(n.text), " "), 0)})
	}
	return nb
}

// html writes the list as allow-listed HTML: the ids are ours
// (cite_note- and a path-escaped name), the text escaped by r.
func (nb *noteBlock) html(r htmlRenderer) string {
	var b strings.Builder
	b.WriteString(`<ol class="references">`)
	for _, it := range nb.items {
		b.WriteString(`<li id="` + it.id + `">` + escapeHTML(it.back) + " " + r.inlines(it.inl) + "</li>")
	}
	b.WriteString("</ol>\n")
	return b.String()
}

func (st *refState) group(name string) *refGroup {
	g := st.groups[name]
	if g == nil {
		g = &refGroup{byName: map[string]*note{}}
		st.groups[name] = g
		st.order = append(st.order, name)
	}
	return g
}

// parseAttrs reads name=value, name="value" and name='value' pairs.
func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		key := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimSpace(s[eq+1:])
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				end = len(s) - 1
			}
			val, s = s[1:1+end], s[min(len(s), end+2):]
		} else {
			end := strings.IndexAny(s, " \t\n")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		out[key] = strings.TrimSpace(val)
	}
	return out
}

// anchorID makes an id from a ref name: spaces as underscores, letters,
// digits, "-", "_" and "." kept, every other byte as ".XX" (hex), so
// the id needs no quoting in HTML or in a URL fragment.
func anchorID(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == ' ':
			b.WriteByte('_')
		case isASCIILetter(ch) || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.':
			b.WriteByte(ch)
		default:
			b.WriteString("." + strconv.FormatUint(uint64(ch), 16))
		}
	}
	return b.String()
}

func indexFold(s, sub string) int {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if len(s)-i >= len(sub) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return -1
		}
		i += 1 + j
	}
	return -1
}

func containsFold(s, sub string) bool { return indexFold(s, sub) >= 0 }
