package normalize

import (
	"strconv"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/personas"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// version is one configured page as it stood at one time.
type version struct {
	title string
	rev   *archive.Revision // nil: the page did not exist yet (or is not archived)
	text  string
	doc   personas.Document
	split bool // doc holds personas
}

// versionAt reads title as it stood at t.
func (b *versions) versionAt(title string, t time.Time) (version, error) {
	p := b.page(title)
	if p == nil {
		return version{title: title}, nil
	}
	return b.versionOf(p, visible(p, p.At(t)))
}

func (b *versions) versionOf(p *archive.Page, r *archive.Revision) (version, error) {
	v := version{title: p.Title, rev: r}
	if r == nil {
		return v, nil
	}
	text, err := b.text(p.Title, r)
	if err != nil {
		return v, err
	}
	v.text = text
	v.doc, v.split = personas.SplitRule(text, b.rule)
	if !v.split {
		v.doc = personas.Document{Preamble: text}
	}
	return v, nil
}

func (v version) at() time.Time { return timeOf(v.rev) }

// field is one row of a persona's profile table, in display order.
type field struct {
	Key   string `toml:"key"`
	Label string `toml:"label"`
	Value string `toml:"value"`
}

type sectionRef struct {
	Title string `toml:"title"`
	Slug  string `toml:"slug"`
}

// personaParams are the persona's front matter params (see the schema).
// Every value is plain text: what a reader sees, markup removed.
type personaParams struct {
	Source       *source           `toml:"source,omitempty"`
	Slug         string            `toml:"slug"`
	Name         string            `toml:"name"`
	Nickname     string            `toml:"nickname"`
	Role         string            `toml:"role"`
	Organisation string            `toml:"organisation"`
	Quote        string            `toml:"quote"`
	Image        string            `toml:"image"`
	Photo        *photo            `toml:"photo,omitempty"`
	Group        string            `toml:"group"`
	Number       int               `toml:"number"`
	Heading      string            `toml:"heading"`
	Profile      map[string]string `toml:"profile"`
	Fields       []field           `toml:"fields"`
	Sections     []sectionRef      `toml:"sections"`
	Removed      bool              `toml:"removed"` // not on the page any more; this is its last known state
	History      []historyEvent    `toml:"history,omitempty"`
	Meeting      *meetingRef       `toml:"meeting,omitempty"`
	Versions     []versionLink     `toml:"versions,omitempty"`
	Compare      *compareTable     `toml:"compare,omitempty"` // the from/to table, on /personas/<slug>/ only
}

// card is a persona in the lists on the home and personas pages.
type card struct {
	Slug         string `toml:"slug"`
	Name         string `toml:"name"`
	Nickname     string `toml:"nickname"`
	Role         string `toml:"role"`
	Organisation string `toml:"organisation"`
	Quote        string `toml:"quote"`
	Photo        *photo `toml:"photo,omitempty"`
	Group        string `toml:"group"`
	URL          string `toml:"url"`
}

// photo is the persona's image as the site shows it: the mirrored file
// (src), or, when the wiki lacks it, a placeholder (src empty). Absent
// when the archive mirrors no files.
type photo struct {
	Src string `toml:"src"`
	Alt string `toml:"alt"`
}

// persona is one persona of one version, converted.
type persona struct {
	p        personas.Persona
	params   personaParams
	intro    string            // Markdown of what is left under the heading once the name, role and quote are lifted out
	sections map[string]string // Markdown by section slug
	// shortcodes are the sections' shortcode lines and what each shows
	// (wikitext.Result.Shortcodes), for rendered diffs of the body.
	shortcodes map[string]string
}

// personasOf converts every persona of v.
func (b *versions) personasOf(v version) ([]persona, error) {
	out := make([]persona, 0, len(v.doc.Personas))
	for _, p := range v.doc.Personas {
		x, err := b.convertPersona(p, v.at())
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

func (b *versions) convertPersona(p personas.Persona, at time.Time) (persona, error) {
	x := persona{p: p, sections: map[string]string{}}
	pt := func(s string) (string, error) { return b.conv.plainText(s, at) }
	params := personaParams{Slug: p.Slug, Image: p.Image, Number: p.Number, Profile: map[string]string{}}
	for _, f := range []struct {
		dst *string
		src string
	}{{&params.Name, p.Name}, {&params.Nickname, p.Nickname}, {&params.Role, p.Role}, {&params.Organisation, p.Organisation},
		{&params.Quote, p.Quote}, {&params.Group, p.Group}, {&params.Heading, p.Heading}} {
		s, err := pt(f.src)
		if err != nil {
			return x, err
		}
		*f.dst = s
	}
	for _, f := range p.Profile {
		v, err := pt(f.Wikitext)
		if err != nil {
			return x, err
		}
		params.Profile[f.Key] = v
		params.Fields = append(params.Fields, field{Key: f.Key, Label: f.Label, Value: v})
	}
	for _, s := range p.Sections {
		r, err := b.conv.get(markdownKind, s.Wikitext, at, true)
		if err != nil {
			return x, err
		}
		x.sections[s.Slug] = r.Markdown
		x.shortcodes = addShortcodes(x.shortcodes, r.Shortcodes)
		params.Sections = append(params.Sections, sectionRef{Title: s.Title, Slug: s.Slug})
	}
	params.Photo = photoOf(b.conv.corpus.filesAt(at), p.Image, params.Name)
	intro, err := b.conv.get(markdownKind, p.Intro, at, true)
	x.params, x.intro = params, intro.Markdown
	x.shortcodes = addShortcodes(x.shortcodes, intro.Shortcodes)
	return x, err
}

// photoOf is the photo of a persona whose image is the file name image,
// from files (wikitext.Options.Files at the version's time); nil when the
// persona has no image or files are not mirrored.
func photoOf(files map[string]wikitext.File, image, name string) *photo {
	if image == "" || files == nil {
		return nil
	}
	alt := "Photo of " + name
	if f, ok := files[archive.Canonical("File:"+image)]; ok && f.Src != "" {
		return &photo{Src: f.Src, Alt: alt}
	}
	return &photo{Alt: alt}
}

// body is the persona page's Markdown: its intro (the text under its
// heading that is no card field: a document's entity often has nothing
// else), then one "##" heading per section.
func (x persona) body() string {
	var sb strings.Builder
	if x.intro != "" {
		sb.WriteString(x.intro)
		if !strings.HasSuffix(x.intro, "\n") {
			sb.WriteString("\n")
		}
	}
	for _, s := range x.p.Sections {
		if sb.Len() > 0 {
			sb.WriteString("\n")
		}
		sb.WriteString("## " + escapeHeading(s.Title) + "\n\n")
		sb.WriteString(x.sections[s.Slug])
	}
	return sb.String()
}

// escapeHeading keeps a plain-text section title from being read as
// Markdown or as a Hugo shortcode.
func escapeHeading(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "<", "&lt;", "{", "&#123;", "#", "\\#")
	return r.Replace(strings.Join(strings.Fields(s), " "))
}

func (x persona) card(url string) card {
	p := x.params
	return card{Slug: p.Slug, Name: p.Name, Nickname: p.Nickname, Role: p.Role, Organisation: p.Organisation,
		Quote: p.Quote, Photo: p.Photo, Group: p.Group, URL: url}
}

// match pairs the personas of two versions: by number first, then by slug,
// then by name. It returns, for each of cur, the index in prev or -1.
func match(prev, cur []persona) []int {
	out := make([]int, len(cur))
	used := make([]bool, len(prev))
	for i := range out {
		out[i] = -1
	}
	keys := []func(persona) string{
		func(x persona) string {
			if x.p.Number == 0 {
				return ""
			}
			return strconv.Itoa(x.p.Number)
		},
		func(x persona) string { return x.p.Slug },
		func(x persona) string { return strings.ToLower(x.params.Name) },
	}
	for _, key := range keys {
		for i, c := range cur {
			if out[i] >= 0 || key(c) == "" {
				continue
			}
			for j, p := range prev {
				if !used[j] && key(p) == key(c) {
					out[i], used[j] = j, true
					break
				}
			}
		}
	}
	return out
}
