package docdiff

import "github.com/wikisite/wikisite/sync/worddiff"

// item opens the lists down to depth and an <li>. An item deeper than the
// one before it sits in an unmarked <li> of its own, since a list may
// hold only items.
func (r *renderer) item(depth int, ordered bool, class string) {
	r.closeTable()
	for len(r.lists) > depth {
		r.popList()
	}
	if n := len(r.lists); n == depth && r.lists[n-1].ordered != ordered {
		r.popList()
	}
	if n := len(r.lists); n == depth && r.lists[n-1].liOpen {
		r.sb.WriteString("</li>\n")
		r.lists[n-1].liOpen = false
	}
	for len(r.lists) < depth {
		if n := len(r.lists); n > 0 && !r.lists[n-1].liOpen {
			r.sb.WriteString("<li class=\"rdiff-gap\">")
			r.lists[n-1].liOpen = true
		}
		if ordered && len(r.lists) == depth-1 {
			r.sb.WriteString("<ol class=\"rdiff-list\">\n")
		} else {
			r.sb.WriteString("<ul class=\"rdiff-list\">\n")
		}
		r.lists = append(r.lists, listFrame{ordered: ordered && len(r.lists) == depth-1})
	}
	r.sb.WriteString("<li class=\"" + class + "\">")
	r.lists[len(r.lists)-1].liOpen = true
}

func (r *renderer) popList() {
	f := r.lists[len(r.lists)-1]
	if f.liOpen {
		r.sb.WriteString("</li>\n")
	}
	if f.ordered {
		r.sb.WriteString("</ol>\n")
	} else {
		r.sb.WriteString("</ul>\n")
	}
	r.lists = r.lists[:len(r.lists)-1]
}

func (r *renderer) closeAll() {
	for len(r.lists) > 0 {
		r.popList()
	}
	r.closeTable()
}

func (r *renderer) closeTable() {
	if r.table {
		r.sb.WriteString("</tbody></table></div>\n")
		r.table = false
	}
}

// row writes a table row, in the open table when the row belongs to it
// in either document.
func (r *renderer) row(e *Entry, class string) {
	for len(r.lists) > 0 {
		r.popList()
	}
	same := r.table && (e.New != nil && e.New.Table == r.newTab || e.Old != nil && e.Old.Table == r.oldTab)
	if !same {
		r.closeTable()
		r.sb.WriteString("<div class=\"table-scroll\"><table class=\"rdiff-table\"><tbody>\n")
		r.table = true
	}
	if e.New != nil {
		r.newTab = e.New.Table
	}
	if e.Old != nil {
		r.oldTab = e.Old.Table
	}
	r.sb.WriteString("<tr class=\"" + class + "\">")
	var oldCells, newCells []Cell
	if e.Old != nil {
		oldCells = e.Old.Cells
	}
	if e.New != nil {
		newCells = e.New.Cells
	}
	cells := newCells
	if cells == nil {
		cells = oldCells
	}
	allHead := true
	for _, c := range cells {
		allHead = allHead && c.Header
	}
	n := max(len(oldCells), len(newCells))
	for c := 0; c < n; c++ {
		var o, w []Run
		head := false
		if c < len(oldCells) {
			o, head = oldCells[c].Runs, oldCells[c].Header
		}
		if c < len(newCells) {
			w, head = newCells[c].Runs, newCells[c].Header
		}
		tag, open := "td", "<td>"
		if head {
			tag, open = "th", "<th scope=\"row\">"
			if allHead {
				open = "<th scope=\"col\">"
			}
		}
		r.sb.WriteString(open)
		ce := *e
		ce.From = ""
		var spans []worddiff.Span
		if c < len(e.Cells) {
			spans = e.Cells[c]
		}
		if c == 0 {
			ce.From, ce.To = e.From, e.To
		} else {
			ce.To = ""
		}
		switch {
		case e.Op == Added || e.Op == Removed:
		case c >= len(oldCells):
			ce.Op = Added
		case c >= len(newCells):
			ce.Op = Removed
		}
		r.content(&ce, o, w, spans)
		if c == 0 {
			r.notes(e.Notes)
		}
		if c < len(e.CellNotes) {
			r.notes(e.CellNotes[c])
		}
		r.sb.WriteString("</" + tag + ">")
	}
	r.sb.WriteString("</tr>\n")
}
