package personas

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// revision is one revision of the fixture's Server/Personas page.
type revision struct {
	ID   int    `xml:"id"`
	Text string `xml:"text"`
}

// mustRevisions reads the revisions of Server/Personas from the MediaWiki
// export in testdata, oldest first.
func mustRevisions(tb testing.TB) []revision {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fedora-server-personas.xml"))
	if err != nil {
		tb.Fatal(err)
	}
	var dump struct {
		Pages []struct {
			Title     string     `xml:"title"`
			Revisions []revision `xml:"revision"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(b, &dump); err != nil {
		tb.Fatalf("fedora-server-personas.xml: %v", err)
	}
	for _, p := range dump.Pages {
		if p.Title == "Server/Personas" {
			return p.Revisions
		}
	}
	tb.Fatal("fedora-server-personas.xml: no page Server/Personas")
	return nil
}

// TestFedoraRevisions splits every fixture revision of the Fedora Server
// WG's personas page. What each revision should give is read from the
// fixture's README and texts: the age changes in 363097, the profile name
// in 363063, the "Primary Personas" group appears in 363023.
func TestFedoraRevisions(t *testing.T) {
	revs := mustRevisions(t)
	if len(revs) != 15 {
		t.Fatalf("fixture has %d revisions of Server/Personas, want 15", len(revs))
	}
	for _, rev := range revs {
		t.Run(itoa(rev.ID), func(t *testing.T) {
			doc, ok := Split(rev.Text)
			if !ok || len(doc.Personas) != 2 {
				t.Fatalf("Split: ok=%v, %d personas, want 2", ok, len(doc.Personas))
			}
			mustCover(t, rev.Text, doc)
			sandra, joe := doc.Personas[0], doc.Personas[1]
			checkSandra(t, rev.ID, sandra)
			checkJoe(t, rev.ID, joe)
			grouped := strings.Contains(rev.Text, "== Primary Personas ==")
			if grouped != (rev.ID >= 363023) {
				t.Errorf("revision %d: has Primary Personas = %v; the fixture's README says it appears in 363023", rev.ID, grouped)
			}
			for _, p := range doc.Personas {
				if want := map[bool]string{true: "primary"}[grouped]; p.Group != want {
					t.Errorf("persona %q: group %q, want %q", p.Heading, p.Group, want)
				}
			}
			if !strings.Contains(doc.Preamble, "= Personas =") || strings.Contains(doc.Preamble, "Primary Personas") {
				t.Errorf("preamble should hold the ideas list and no group heading:\n%s", doc.Preamble)
			}
		})
	}
}

func checkSandra(t *testing.T, id int, p Persona) {
	t.Helper()
	want := map[string]string{"age": "35", "profile": "MacGyver"}
	if id >= 363097 {
		want["age"] = "36"
	}
	if id >= 363063 {
		want["profile"] = "SysAdmin MacGyver"
	}
	want["location"] = "Brooklyn, New York, USA"
	want["years_of_experience"] = "15"
	got := map[string]string{}
	for _, f := range p.Profile {
		got[f.Key] = f.Wikitext
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Sandra's %s = %q, want %q", k, got[k], v)
		}
	}
	keys := []string{"profile", "age", "location", "technical_level", "years_of_experience", "primary_tools", "referrals"}
	if k := fieldKeys(p.Profile); strings.Join(k, " ") != strings.Join(keys, " ") {
		t.Errorf("profile keys %q, want %q", k, keys)
	}
	if p.Slug != "sandra-summers" || p.Name != "Sandra Summers" || p.Number != 1 {
		t.Errorf("persona 1: slug %q name %q number %d", p.Slug, p.Name, p.Number)
	}
	if p.Role != "Senior System Administrator" || p.Organisation != "New Amsterdam Historical Society" {
		t.Errorf("Sandra's title: role %q, organisation %q", p.Role, p.Organisation)
	}
	if !strings.HasPrefix(p.Quote, "We're a small organization") || strings.ContainsAny(p.Quote[len(p.Quote)-1:], `"`) {
		t.Errorf("Sandra's quote %q", p.Quote)
	}
	if p.Image != "Serverwg-persona-smallbiz.jpg" {
		t.Errorf("Sandra's image %q", p.Image)
	}
	nick := map[bool]string{true: "SysAdmin MacGuyver"}[id >= 363063]
	if p.Nickname != nick {
		t.Errorf("Sandra's nickname %q, want %q", p.Nickname, nick)
	}
	checkSections(t, p, id)
	if p.Intro != "" {
		t.Errorf("Sandra's intro should be empty once lifted, got %q", p.Intro)
	}
}

func checkSections(t *testing.T, p Persona, id int) {
	t.Helper()
	var titles []string
	for _, s := range p.Sections {
		titles = append(titles, s.Title)
		if want := p.Level + 1; s.Level != want {
			t.Errorf("section %q level %d, want %d", s.Title, s.Level, want)
		}
	}
	if got, want := strings.Join(titles, "|"), "Motivation|Goals|Frustrations|Work Description"; got != want {
		t.Fatalf("sections %q, want %q", got, want)
	}
	if last := p.Sections[3]; last.Slug != "work-description" || last.Wikitext != "< description of a typical work day goes here. >" {
		t.Errorf("Work Description: slug %q, text %q", last.Slug, last.Wikitext)
	}
	if !strings.HasPrefix(p.Sections[0].Wikitext, "* Keep IT team within budget.") {
		t.Errorf("Motivation text %q", p.Sections[0].Wikitext)
	}
}

func checkJoe(t *testing.T, id int, p Persona) {
	t.Helper()
	if p.Slug != "joe-franklin" || p.Name != "Joe Franklin" || p.Number != 2 {
		t.Errorf("persona 2: slug %q name %q number %d", p.Slug, p.Name, p.Number)
	}
	if p.Role != "Ruby on Rails Freelancer" || p.Organisation != "Joe, Inc." {
		t.Errorf("Joe's title: role %q, organisation %q", p.Role, p.Organisation)
	}
	if len(p.Profile) != 0 || len(p.Sections) != 0 || p.Quote != "" {
		t.Errorf("Joe is cut short in the fixture, got profile %v sections %v quote %q", p.Profile, p.Sections, p.Quote)
	}
	image := map[bool]string{true: "Serverwg-persona-appdev.jpg"}[id >= 363023]
	if p.Image != image {
		t.Errorf("Joe's image %q, want %q", p.Image, image)
	}
}

func fieldKeys(fs []Field) []string {
	var k []string
	for _, f := range fs {
		k = append(k, f.Key)
	}
	return k
}
