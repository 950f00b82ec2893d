package wikitext

import "strings"

// plainOf is the visible text of expanded wikitext (markers allowed).
func (c *converter) plainOf(s string) string {
	return collapseSpace(plainBlocks(c, c.parseBlocks(s, 0)))
}

func plainBlocks(c *converter, blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		writePlainBlock(c, &b, bl)
		b.WriteByte('\n')
	}
	return b.String()
}

func writePlainBlock(c *converter, b *strings.Builder, bl block) {
	switch x := bl.(type) {
	case *paragraph:
		writePlain(c, b, x.inl)
	case *heading:
		writePlain(c, b, x.inl)
	case *list:
		for _, it := range x.items {
			writePlain(c, b, it.inl)
			b.WriteByte('\n')
			for _, ch := range it.children {
				writePlainBlock(c, b, ch)
			}
		}
	case *table:
		writePlain(c, b, x.caption)
		for _, r := range x.rows {
			for _, cell := range r.cells {
				for _, cb := range cell.blocks {
					writePlainBlock(c, b, cb)
					b.WriteByte(' ')
				}
			}
			b.WriteByte('\n')
		}
	case *preBlock:
		b.WriteString(x.text)
		writePlain(c, b, x.inl)
	case *shortcodeBlock:
		b.WriteString(c.plainOf(x.tk.title))
		b.WriteByte(' ')
		b.WriteString(c.plainOf(x.tk.body))
	case *container:
		for _, cb := range x.blocks {
			writePlainBlock(c, b, cb)
			b.WriteByte('\n')
		}
	case *noteBlock:
		for _, it := range x.items {
			b.WriteString(it.back + " ")
			writePlain(c, b, it.inl)
			b.WriteByte('\n')
		}
	}
}

func writePlain(c *converter, b *strings.Builder, nodes []*inline) {
	for _, n := range nodes {
		switch n.kind {
		case inText, inPlaceholder, inImage:
			b.WriteString(n.text)
		case inBreak:
			b.WriteByte(' ')
		case inBlock:
			b.WriteByte(' ')
			if n.blk != nil {
				writePlainBlock(c, b, n.blk)
			}
		default:
			writePlain(c, b, n.children)
		}
	}
}
