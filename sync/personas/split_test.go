package personas

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func itoa(n int) string { return strconv.Itoa(n) }

// mustCover checks Split's invariant: the preamble, then each group's and
// persona's wikitext in page order, then the trailer spell src exactly; each
// persona's wikitext starts with its heading.
func mustCover(tb testing.TB, src string, doc Document) {
	tb.Helper()
	var b strings.Builder
	b.WriteString(doc.Preamble)
	g := 0
	for i, p := range doc.Personas {
		for ; g < len(doc.Groups) && doc.Groups[g].First <= i; g++ {
			b.WriteString(doc.Groups[g].Wikitext)
		}
		first, _, _ := strings.Cut(p.Wikitext, "\n")
		if level, title, ok := parseHeading(strings.TrimSuffix(first, "\r")); !ok || level != p.Level || title != p.Heading {
			tb.Errorf("persona %d's wikitext does not start with its level %d heading %q: %q", i, p.Level, p.Heading, p.Wikitext)
		}
		b.WriteString(p.Wikitext)
	}
	for ; g < len(doc.Groups); g++ {
		b.WriteString(doc.Groups[g].Wikitext)
	}
	b.WriteString(doc.Trailer)
	if b.String() != src {
		tb.Fatalf("pieces do not spell the page:\n got %q\nwant %q", b.String(), src)
	}
}

func TestSplitNoPersonas(t *testing.T) {
	for _, src := range []string{"", "plain text", "= Personas =\nIdeas only.\n", "== Primary Personas ==\nTBD\n", "<pre>\n== Persona #1 ==\n</pre>\n"} {
		doc, ok := Split(src)
		if ok || !reflect.DeepEqual(doc, Document{Preamble: src}) {
			t.Errorf("Split(%q) = %+v, %v; want only a preamble and false", src, doc, ok)
		}
	}
}

// The pages below are synthetic: made-up personas in the shapes the real
// page uses or might use.
func TestSplitShapes(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		check  func(t *testing.T, d Document)
		groups []string
	}{
		{
			name: "anti-personas group and trailer",
			src: "Intro.\n== Primary Personas ==\n=== Persona #1: Tester ===\n'''Alice Example'''\n==== Goals ====\n* test\n" +
				"== Anti-Personas ==\nNot our users.\n=== Persona #2 ===\n'''Bob Example'''\n== See also ==\n* elsewhere\n",
			groups: []string{"primary", "anti-persona"},
			check: func(t *testing.T, d Document) {
				mustPersonas(t, d, "alice-example/primary/1/Tester", "bob-example/anti-persona/2/")
				if d.Trailer != "== See also ==\n* elsewhere\n" {
					t.Errorf("trailer %q", d.Trailer)
				}
				if d.Groups[1].Wikitext != "== Anti-Personas ==\nNot our users.\n" || d.Groups[1].First != 1 {
					t.Errorf("anti-personas group %+v", d.Groups[1])
				}
			},
		},
		{
			name: "no table, plain lines",
			src:  "== Persona ==\n'''Carol Example'''\nChief Tester, Example Corp\n“Tests first.”\nShe tests.\n=== Goals ===\nMore tests.\n",
			check: func(t *testing.T, d Document) {
				p := d.Personas[0]
				want := Persona{Number: 0, Name: "Carol Example", Role: "Chief Tester", Organisation: "Example Corp", Quote: "Tests first.", Intro: "She tests.", Slug: "carol-example"}
				got := Persona{Number: p.Number, Name: p.Name, Role: p.Role, Organisation: p.Organisation, Quote: p.Quote, Intro: p.Intro, Slug: p.Slug}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v\nwant %+v", got, want)
				}
				if len(p.Profile) != 0 || len(p.Sections) != 1 || p.Sections[0].Wikitext != "More tests." {
					t.Errorf("profile %v sections %+v", p.Profile, p.Sections)
				}
			},
		},
		{
			name: "duplicate names and no names",
			src:  "== Persona #1 ==\n'''Dan Example'''\n== Persona #2 ==\n'''Dan Example'''\n== Persona #3 ==\n== Persona ==\n{|\n|}\n",
			check: func(t *testing.T, d Document) {
				mustPersonas(t, d, "dan-example//1/", "dan-example-2//2/", "persona-3//3/", "persona//0/")
			},
		},
		{
			name: "crlf",
			src:  "Top\r\n== Persona #1 ==\r\n<span>\r\nEve Example\r\n</span>\r\n{|\r\n! Age\r\n| 40\r\n|}\r\n=== Goals ===\r\n* one\r\n* two\r\n",
			check: func(t *testing.T, d Document) {
				mustPersonas(t, d, "eve-example//1/")
				p := d.Personas[0]
				if len(p.Profile) != 1 || p.Profile[0] != (Field{"age", "Age", "40"}) {
					t.Errorf("profile %+v", p.Profile)
				}
				if p.Sections[0].Wikitext != "* one\n* two" || p.Intro != "" {
					t.Errorf("section %q intro %q", p.Sections[0].Wikitext, p.Intro)
				}
			},
		},
		{
			name: "table cell forms",
			src: "== Persona #1 ==\n{| class=\"wikitable\"\n|+ Profile\n! Years of Experience || 7\n|-\n| style=\"x\" | Primary Tools || [[Ansible|ansible]], vim\n|-\n" +
				"! '''Favourite Colour'''\n| blue\nand green\n|-\n! Years Experience !! 8\n|}\n",
			check: func(t *testing.T, d Document) {
				want := []Field{
					{"years_of_experience", "Years of Experience", "7"},
					{"primary_tools", "Primary Tools", "[[Ansible|ansible]], vim"},
					{"favourite_colour", "Favourite Colour", "blue\nand green"},
					{"years_of_experience", "Years Experience", "8"},
				}
				if got := d.Personas[0].Profile; !reflect.DeepEqual(got, want) {
					t.Errorf("profile\n got %+v\nwant %+v", got, want)
				}
			},
		},
		{
			name: "headings in comments and pre are text",
			src:  "== Persona #1 ==\n<!--\n== Persona #9 ==\n-->\n<pre>\n=== Fake ===\n</pre>\n=== Real ===\nx\n",
			check: func(t *testing.T, d Document) {
				mustPersonas(t, d, "persona-1//1/")
				if s := d.Personas[0].Sections; len(s) != 1 || s[0].Title != "Real" {
					t.Errorf("sections %+v", s)
				}
			},
		},
		{
			name: "deeper headings stay in their section",
			src:  "== Persona #1 ==\n=== Goals ===\n==== Short term ====\nx\n=== Goals ===\ny\n",
			check: func(t *testing.T, d Document) {
				s := d.Personas[0].Sections
				if len(s) != 2 || s[0].Wikitext != "==== Short term ====\nx" || s[0].Slug != "goals" || s[1].Slug != "goals-2" {
					t.Errorf("sections %+v", s)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Split(tt.src)
			if !ok {
				t.Fatalf("Split(%q) found no personas", tt.src)
			}
			mustCover(t, tt.src, d)
			var groups []string
			for _, g := range d.Groups {
				groups = append(groups, g.Key)
			}
			if !reflect.DeepEqual(groups, tt.groups) {
				t.Errorf("groups %q, want %q", groups, tt.groups)
			}
			tt.check(t, d)
		})
	}
}

// mustPersonas checks the personas' slug/group/number/nickname, in order.
func mustPersonas(tb testing.TB, d Document, want ...string) {
	tb.Helper()
	var got []string
	for _, p := range d.Personas {
		got = append(got, p.Slug+"/"+p.Group+"/"+itoa(p.Number)+"/"+p.Nickname)
	}
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("personas %q, want %q", got, want)
	}
}
