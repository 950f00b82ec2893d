package personadiff

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wikisite/wikisite/sync/worddiff"
)

// page builds a synthetic personas page (made-up text, not wiki content)
// from persona sections.
func page(personas ...string) string {
	return "Synthetic preamble.\n\n" + strings.Join(personas, "\n")
}

func persona(n int, name, age, frustrations string) string {
	return "== Persona #" + string(rune('0'+n)) + ": Synthetic " + name + " ==\n" + name + "\n\n" +
		"{|\n! Age\n| " + age + "\n|}\n\n=== Frustrations ===\n" + frustrations + "\n"
}

func TestCompare(t *testing.T) {
	alpha := persona(1, "Alpha Tester", "35", "Synthetic slow builds.")
	beta := persona(2, "Beta Tester", "40", "Synthetic flaky tests.")
	tests := []struct {
		name     string
		old, new string
		// per persona: "slug change fields sections"; an added persona's
		// fields are its name, its nickname (from the heading) and its age
		want []string
		text int // changed stretches outside the personas
	}{
		{"same text", page(alpha, beta), page(alpha, beta), nil, 0},
		{"a persona added", page(alpha), page(alpha, beta), []string{"beta-tester added 3 1"}, 0},
		{"a persona removed", page(alpha, beta), page(alpha), []string{"beta-tester removed 3 1"}, 0},
		{"a field changed", page(alpha), page(persona(1, "Alpha Tester", "36", "Synthetic slow builds.")), []string{"alpha-tester changed 1 0"}, 0},
		{"a section changed", page(alpha), page(persona(1, "Alpha Tester", "35", "Synthetic slow, slow builds.")), []string{"alpha-tester changed 0 1"}, 0},
		{"renamed: same number, new name", page(alpha), page(persona(1, "Gamma Tester", "35", "Synthetic slow builds.")), []string{"gamma-tester renamed 2 0"}, 0},
		{"only the preamble", page(alpha), strings.Replace(page(alpha), "preamble", "opening", 1), nil, 1},
		{"not a personas page", "Synthetic text.", "Synthetic text, changed.", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(tt.old, tt.new)
			var got []string
			for _, p := range d.Personas {
				got = append(got, strings.Join([]string{p.Slug, p.Change, itoa(len(p.Fields)), itoa(len(p.Sections))}, " "))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("personas (-want +got):\n%s", diff)
			}
			if len(d.Text) != tt.text {
				t.Errorf("%d changed stretches of text, want %d: %+v", len(d.Text), tt.text, d.Text)
			}
			if d.Empty() != (len(tt.want) == 0 && tt.text == 0) {
				t.Errorf("Empty() = %v", d.Empty())
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRenameKeepsOldName(t *testing.T) {
	d := Compare(page(persona(1, "Alpha Tester", "35", "x")), page(persona(1, "Gamma Tester", "35", "x")))
	p := d.Personas[0]
	if p.OldSlug != "alpha-tester" || p.OldName != "Alpha Tester" || p.Name != "Gamma Tester" {
		t.Errorf("rename = %+v", p)
	}
	if f := p.Fields[0]; f.Key != "name" || f.Old != "Alpha Tester" || f.New != "Gamma Tester" {
		t.Errorf("name field = %+v", f)
	}
}

// TestFixture: in the real history, Sandra Summers' age goes 35 → 36
// between revisions 363076 and 363097, and nothing else of hers changes.
func TestFixture(t *testing.T) {
	old := mustArchived(t, 363076)
	new := mustArchived(t, 363097)
	d := Compare(old, new)
	var sandra *Persona
	for i := range d.Personas {
		if d.Personas[i].Slug == "sandra-summers" {
			sandra = &d.Personas[i]
		}
	}
	if sandra == nil {
		t.Fatalf("no change to sandra-summers in %+v", d.Personas)
	}
	want := []Field{{Key: "age", Label: "Age", Old: "35", New: "36"}}
	if diff := cmp.Diff(want, sandra.Fields); diff != "" || len(sandra.Sections) != 0 || sandra.Change != Changed {
		t.Errorf("sandra-summers: %+v (fields -want +got:\n%s)", sandra, diff)
	}
}

func mustArchived(tb testing.TB, id int) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "archive", "Server%2FPersonas", strconv.Itoa(id)+".wiki"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// TestSpansRebuildBothTexts: every section's diff spells both versions.
func TestSpansRebuildBothTexts(t *testing.T) {
	d := Compare(mustArchived(t, 361683), mustArchived(t, 370811))
	if d.Empty() {
		t.Fatal("the first and last revisions compare equal")
	}
	for _, p := range d.Personas {
		for _, s := range p.Sections {
			checkSpans(t, p.Slug+"/"+s.Title, s.Diff)
		}
	}
	for _, s := range d.Text {
		checkSpans(t, s.Title, s.Diff)
	}
}

func checkSpans(t *testing.T, where string, spans []Span) {
	t.Helper()
	var ws []worddiff.Span
	for _, s := range spans {
		op := map[string]worddiff.Op{"equal": worddiff.Equal, "insert": worddiff.Insert, "delete": worddiff.Delete}[s.Op]
		ws = append(ws, worddiff.Span{Op: op, Text: s.Text})
	}
	old, new := worddiff.Texts(ws)
	if got, err := worddiff.Apply(old, ws); err != nil || got != new {
		t.Errorf("%s: the diff does not turn its old text into its new (%v)", where, err)
	}
}

func TestWriters(t *testing.T) {
	r := Report{Page: "Synthetic/Page", From: Version{Name: "2001-01-01", Revision: 1}, To: Version{Name: "latest", Revision: 2},
		Diff: Compare(page(persona(1, "Alpha Tester", "35", "Synthetic <b>slow</b> [[builds]].")), page(persona(1, "Alpha Tester", "36", "Synthetic <b>fast</b> [[builds]].")))}
	r.Changed = !r.Diff.Empty()
	var text, colour, markdown, js bytes.Buffer
	if err := WriteText(&text, r, Style{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&colour, r, Style{Color: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&markdown, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, got string
		want      []string
		not       []string
	}{
		{"text", text.String(), []string{"~ Alpha Tester (alpha-tester): changed", "Age: 35 → 36", "[-slow-]{+fast+}"}, []string{"\x1b["}},
		{"colour", colour.String(), []string{"\x1b[31mslow\x1b[0m", "\x1b[32mfast\x1b[0m"}, []string{"[-"}},
		{"markdown", markdown.String(), []string{"| Alpha Tester | changed | 1 | 1 |", "<del>slow</del><ins>fast</ins>", `\<b\>`, `\[\[builds\]\]`}, []string{"<b>"}},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.got, w) {
				t.Errorf("%s lacks %q:\n%s", c.name, w, c.got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(c.got, w) {
				t.Errorf("%s has %q:\n%s", c.name, w, c.got)
			}
		}
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, back); diff != "" {
		t.Errorf("JSON does not round-trip (-want +got):\n%s", diff)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add(page(persona(1, "Alpha Tester", "35", "x")), page(persona(2, "Beta Tester", "36", "y")))
	f.Add("", "== Persona #1: ==\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		d := Compare(old, new)
		if old == new && !d.Empty() {
			t.Fatalf("equal texts differ: %+v", d)
		}
		for _, p := range d.Personas {
			for _, s := range p.Sections {
				checkSpans(t, s.Title, s.Diff)
			}
		}
		var b bytes.Buffer
		if err := WriteMarkdown(&b, Report{Diff: d}); err != nil {
			t.Fatal(err)
		}
	})
}
