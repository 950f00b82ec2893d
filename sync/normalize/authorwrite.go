package normalize

import (
	"slices"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/content"
)

// writeAuthors writes the authors views: every persona now and at every
// meeting, the whole personas page at every meeting, every archived page
// as it stands (see the schema), and their index.
func (b *readerPages) writeAuthors() error {
	if pa := b.credits.pages[b.primary]; pa != nil {
		for k := range b.meetingStages() {
			if err := b.writeMeetingAuthors(pa, k); err != nil {
				return err
			}
		}
		for id, slug := range b.slugs {
			k, _ := b.lastSeen(id)
			if err := b.writePersonaAuthors(pa, k, slices.Index(b.stages[k].ids, id), "/personas/"+slug+"/"); err != nil {
				return err
			}
		}
	}
	for _, title := range b.titles {
		if b.credits.released[title] {
			continue // written as soon as it was attributed
		}
		if err := b.writePageAuthors(b.corpus.pages[title]); err != nil {
			return err
		}
	}
	fm := content.FrontMatter{Title: "Who wrote what", Type: "authors", URL: "/authors/"}
	return b.tree.WriteDoc("authors/_index.md", fm, "")
}

// writeMeetingAuthors writes the views of stage k: the whole page and each
// persona as they stood at the meeting.
func (b *readerPages) writeMeetingAuthors(pa *pageAuthors, k int) error {
	s := &b.stages[k]
	if s.primary.rev == nil {
		return nil
	}
	for i, id := range s.ids {
		if err := b.writePersonaAuthors(pa, k, i, s.url+"personas/"+b.slugs[id]+"/"); err != nil {
			return err
		}
	}
	v := b.credits.authorsView(pa, pa.at[s.primary.rev.ID].blocks)
	v.Of, v.Name, v.Back = "page", s.primary.title, s.url
	ref := b.meetingRef(s)
	v.Meeting, v.Source = &ref, b.credits.pageSource(s.primary.title, s.primary.rev, s.url+"authors/")
	return b.writeAuthorsDoc("authors/meetings/"+s.slug+".md", s.url+"authors/", "Who wrote "+s.primary.title+" at "+s.title, v)
}

// writePageAuthors writes the view of a page's newest visible revision.
func (b *readerPages) writePageAuthors(p *archive.Page) error {
	r := visible(p, p.Last())
	if r == nil {
		return nil
	}
	pa := b.credits.pages[p.Title]
	back := "/wiki/" + sitePath(p.Title) + "/"
	v := b.credits.authorsView(pa, pa.at[r.ID].blocks)
	v.Of, v.Name, v.Back = "page", p.Title, back
	v.Source = b.credits.pageSource(p.Title, r, back+"authors/")
	return b.writeAuthorsDoc("authors/wiki/"+fileName(p.Title), back+"authors/", "Who wrote "+p.Title, v)
}

// writePersonaAuthors writes the authors view of persona i of stage k,
// whose page is at back.
func (b *readerPages) writePersonaAuthors(pa *pageAuthors, k, i int, back string) error {
	s := &b.stages[k]
	blocks := pa.at[s.primary.rev.ID].of(i)
	x := s.personas[i]
	v := b.credits.authorsView(pa, blocks)
	v.Of, v.Name, v.Back = "persona", x.params.Name, back
	if b.section == "" { // a document's entities have no meeting pages to link
		v.Versions = b.personaAuthorsVersions(s.ids[i], k)
	}
	if s.meeting != nil {
		ref := b.meetingRef(s)
		v.Meeting = &ref
	}
	slug := b.slugs[s.ids[i]]
	v.Source = b.credits.personaSource(k, slug, back+"authors/")
	rel := "authors/" + b.sectionOr() + "/" + slug + ".md"
	if s.meeting != nil {
		rel = "authors/meetings/" + s.slug + "--" + slug + ".md"
	}
	return b.writeAuthorsDoc(rel, back+"authors/", "Who wrote "+x.params.Name, v)
}

// personaAuthorsVersions links the persona's authors view at every stage
// that has the persona; cur is the stage shown.
func (b *readerPages) personaAuthorsVersions(id, cur int) []versionLink {
	var out []versionLink
	for k := range b.stages {
		s := &b.stages[k]
		if _, ok := s.find(id); !ok {
			continue
		}
		url := s.url + "personas/" + b.slugs[id] + "/authors/"
		if s.meeting == nil {
			url = "/personas/" + b.slugs[id] + "/authors/"
		}
		out = append(out, versionLink{Slug: s.slug, Title: s.title, Date: s.date, URL: url, Current: k == cur})
	}
	return out
}

func (b *readerPages) writeAuthorsDoc(rel, url, title string, v authorsParams) error {
	v.TextHTML = authorsHTML(v.Blocks, v.Credits)
	fm := content.FrontMatter{Title: title, Type: "authors", URL: url, Params: &v}
	if v.Source != nil {
		fm.Date = v.Source.Timestamp
	}
	return b.tree.WriteDoc(rel, fm, "")
}
