package normalize

import (
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/authorship"
)

// authorsEntry is a page's attribution after one revision as the cache
// keeps it (gob needs exported fields): the attributed documents of the
// revisions the site showed, and the authorship state to go on from.
type authorsEntry struct {
	Docs  []authoredDocEntry
	State authorship.State
}

type authoredDocEntry struct {
	ID      int64
	Blocks  []authoredBlockEntry
	Persona []int
	Field   []int
}

type authoredBlockEntry struct {
	Block textBlock
	Toks  []authorship.Token
}

func (pa *pageAuthors) entry(state authorship.State) authorsEntry {
	e := authorsEntry{State: state}
	for _, r := range pa.revs {
		d := pa.at[r.ID]
		if d == nil {
			continue
		}
		de := authoredDocEntry{ID: r.ID, Persona: d.persona, Field: d.field}
		for _, bl := range d.blocks {
			de.Blocks = append(de.Blocks, authoredBlockEntry{Block: bl.textBlock, Toks: bl.toks})
		}
		e.Docs = append(e.Docs, de)
	}
	return e
}

// docs returns the entry's documents of the revisions in revs that keep
// names, or false if one is missing or malformed (the site shows a
// revision it did not show when the entry was made) or the state does not
// cover revs.
func (e authorsEntry) docs(revs []*archive.Revision, keep map[int64]bool) (map[int64]*authoredDoc, bool) {
	if len(e.State.Revs) != len(revs) {
		return nil, false
	}
	have := map[int64]*authoredDoc{}
	for _, de := range e.Docs {
		d := &authoredDoc{persona: de.Persona, field: de.Field}
		for _, be := range de.Blocks {
			d.blocks = append(d.blocks, authoredBlock{textBlock: be.Block, toks: be.Toks})
		}
		if len(d.persona) != len(d.blocks) || len(d.field) != len(d.blocks) {
			return nil, false
		}
		for _, bl := range d.blocks {
			for _, t := range bl.toks {
				if t.Origin < 0 || t.Origin >= len(revs) || t.Start < 0 || t.End > len(bl.Text) || t.Start > t.End {
					return nil, false
				}
			}
		}
		have[de.ID] = d
	}
	out := map[int64]*authoredDoc{}
	for _, r := range revs {
		if keep[r.ID] {
			if have[r.ID] == nil {
				return nil, false
			}
			out[r.ID] = have[r.ID]
		}
	}
	return out, true
}
