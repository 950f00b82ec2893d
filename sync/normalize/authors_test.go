package normalize

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wikisite/wikisite/sync/authorship"
)

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name, md string
		want     string // blocks as "kind: text", one a line
	}{
		{"heading and paragraph", "## Goals\n\nSome *bold* text\nover two lines.\n",
			"heading: Goals\nparagraph: Some bold text over two lines."},
		{"list items", "* one\n* two [link text](https://example.org/x)\n",
			"item: one\nitem: two link text"},
		{"table rows", "| A | B |\n|---|---|\n| 1 | 2 |\n",
			"row: A · B\nrow: 1 · 2"},
		{"shortcodes are markup", "{{% note title=\"x\" %}}\nInside the note.\n{{% /note %}}\n",
			"paragraph: Inside the note."},
		{"raw HTML table, one block a row", "{{< wikihtml >}}\n<table>\n<tr><th>Age</th><td>36</td></tr>\n<tr><th>Job</th><td>admin &amp; more</td></tr>\n</table>\n{{< /wikihtml >}}\n",
			"row: Age · 36\nrow: Job · admin & more"},
		{"image dropped, code kept", "![alt](x.png) caption\n\n    code line\n",
			"paragraph: caption\nparagraph: code line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range markdownBlocks(tt.md) {
				got = append(got, b.Kind+": "+b.Text)
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("markdownBlocks(%q) =\n%s\nwant\n%s", tt.md, g, tt.want)
			}
		})
	}
}

func FuzzMarkdownBlocks(f *testing.F) {
	f.Add("# h\n\n* a\n* b\n\n| x |\n|---|\n| y |\n")
	f.Add("{{< wikihtml >}}\n<table><tr><td>a</td></tr></table>\n{{< /wikihtml >}}")
	f.Fuzz(func(t *testing.T, md string) {
		for _, b := range markdownBlocks(md) {
			if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("block %+v: empty or padded text", b)
			}
			if utf8.ValidString(md) && !utf8.ValidString(b.Text) {
				t.Fatalf("block %+v: invalid UTF-8 from valid input", b)
			}
		}
	})
}

func TestSpansOf(t *testing.T) {
	bl := authoredBlock{textBlock: textBlock{Text: "One two three four."}}
	for _, w := range []struct {
		s, e, o int
	}{{0, 3, 0}, {4, 7, 0}, {8, 13, 2}, {14, 18, 0}, {18, 19, 0}} {
		bl.toks = append(bl.toks, authorship.Token{Text: bl.Text[w.s:w.e], Start: w.s, End: w.e, Origin: w.o})
	}
	spans := spansOf(bl, map[int]int{0: 0, 2: 1})
	var got []string
	var all strings.Builder
	for _, s := range spans {
		got = append(got, s.Text+"|"+string(rune('0'+s.Credit)))
		all.WriteString(s.Text)
	}
	if want := "One two |0,three |1,four.|0"; strings.Join(got, ",") != want {
		t.Errorf("spans = %s, want %s", strings.Join(got, ","), want)
	}
	if all.String() != bl.Text {
		t.Errorf("spans spell %q, block is %q", all.String(), bl.Text)
	}
}

func TestMainOrigin(t *testing.T) {
	tok := func(origins ...int) authoredBlock {
		var bl authoredBlock
		for _, o := range origins {
			bl.toks = append(bl.toks, authorship.Token{Origin: o})
		}
		return bl
	}
	for _, tt := range []struct {
		origins []int
		want    int
	}{{[]int{3}, 3}, {[]int{1, 1, 4}, 1}, {[]int{1, 4}, 4}, {[]int{4, 1, 1, 4, 2}, 4}} {
		if got := mainOrigin(tok(tt.origins...)); got != tt.want {
			t.Errorf("mainOrigin(%v) = %d, want %d", tt.origins, got, tt.want)
		}
	}
}

// authorsConfig has one meeting, between the vandalism's revert and Bob's
// edit.
const authorsConfig = `title = "Synthetic"
[params.wiki]
api = "https://wiki.example.org/w/api.php"
pages = ["Synthetic/Personas"]
[[params.meetings]]
date = 2020-01-03T12:00:00Z
title = "Synthetic meeting"
`

// TestAuthorsScenario: Ann writes a persona, a vandal blanks the page, a
// reverter restores it, a meeting is held, Bob changes the age and adds a
// goal. The authors view credits Ann's sentences to Ann (not to the
// reverter), the age and the new goal to Bob, and nothing to the vandal.
func TestAuthorsScenario(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	first := synthPersona(1, "", "Alice Example", "Test Engineer; Example Org", "30")
	last := strings.Replace(synthPersona(1, "", "Alice Example", "Test Engineer; Example Org", "31"),
		"* Synthetic goal of Alice Example.", "* Synthetic goal of Alice Example.\n* Second synthetic goal, added later.", 1)
	mustAddPage(t, dir, "Synthetic/Personas", day(1), 100, first, "SYNTHETIC VANDALISM", first, last)
	store := mustOpen(t, dir)
	p, err := store.Page("Synthetic/Personas")
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range []string{"Ann", "Vandal", "Reverter", "Bob"} {
		p.Revisions[i].User = u
	}
	tx, err := store.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	cfg := mustParseSite(t, authorsConfig)
	out := filepath.Join(t.TempDir(), "content")
	mustWrite(t, cfg, store, out)
	tree := readTree(t, out)

	view := mustDoc(t, tree, "authors/personas/alice-example.md")
	credits := table(t, view.fm, "params", "credits")
	who := func(c any) string { return credits[int(c.(int64))]["author"].(string) }
	// The text comes rendered (authorsHTML): each span's credit, "Author,
	// date, revision N", is its title.
	byText := map[string]string{}
	var periods []any
	spanRE := regexp.MustCompile(`<span class="auth auth-p\d+" tabindex="0" title="([^",]*),[^"]*">([^<]*)<span class="auth-credit">`)
	for _, m := range spanRE.FindAllStringSubmatch(get(t, view.fm, "params", "text_html").(string), -1) {
		byText[strings.TrimSpace(html.UnescapeString(m[2]))] = html.UnescapeString(m[1])
	}
	for _, c := range credits {
		periods = append(periods, c["period"])
	}
	for text, want := range map[string]string{
		"Synthetic goal of Alice Example.":    "Ann",
		"Alice Example":                       "Ann",
		"31":                                  "Bob",
		"Second synthetic goal, added later.": "Bob",
	} {
		if byText[text] != want {
			t.Errorf("%q credited to %q, want %q (all spans: %v)", text, byText[text], want, byText)
		}
	}
	for _, f := range table(t, view.fm, "params", "fields") {
		if f["label"] == "Age" && who(f["c"]) != "Bob" {
			t.Errorf("Age field credited to %s, want Bob", who(f["c"]))
		}
	}
	if got := get(t, view.fm, "params", "source", "authors"); strings.Join(toStrings(got), ",") != "Ann,Bob" {
		t.Errorf("footer authors = %v, want Ann (most words) then Bob; never the vandal or the reverter", got)
	}
	if len(periods) != 2 || periods[0] != int64(0) || periods[1] != int64(1) {
		t.Errorf("credit periods = %v, want Ann's before the meeting (0) and Bob's after (1)", periods)
	}
	persona := mustDoc(t, tree, "personas/alice-example.md")
	if get(t, persona.fm, "params", "source", "authors_url") != "/personas/alice-example/authors/" {
		t.Errorf("persona page does not link its authors view: %v", get(t, persona.fm, "params", "source"))
	}
	if _, ok := tree["authors/meetings/2020-01-03--alice-example.md"]; !ok {
		t.Error("no authors view of the persona at the meeting")
	}
}

func toStrings(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, s := range x {
			out = append(out, s.(string))
		}
	case []string:
		out = x
	}
	return out
}

// TestMarkdownBlocksUnescape: the authors view shows text as a reader sees
// it, so the converter's entities and backslash escapes are resolved once
// here and escaped once by the template — never shown as "&lt;".
func TestMarkdownBlocksUnescape(t *testing.T) {
	tests := []struct{ md, want string }{
		{`&lt; description goes here. &gt;`, "< description goes here. >"},
		{`a \*starred\* word`, "a *starred* word"},
		{"`&lt;code&gt;` stays", "&lt;code&gt; stays"},
		{`AT&amp;T`, "AT&T"},
	}
	for _, tt := range tests {
		got := markdownBlocks(tt.md)
		if len(got) != 1 || got[0].Text != tt.want {
			t.Errorf("markdownBlocks(%q) = %+v, want one block %q", tt.md, got, tt.want)
		}
	}
}

// TestFootersCreditOwnAuthors: on the committed archive, every page that
// shows a revision credits the authors of its own text and links its
// authors view, which exists and credits the same authors; a persona page
// credits no one who wrote none of that persona's words.
func TestFootersCreditOwnAuthors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	tree := readTree(t, dir)
	views := map[string]doc{} // by url
	for name := range tree {
		if strings.HasPrefix(name, "authors/") {
			d := mustDoc(t, tree, name)
			// Front matter escapes ':' for Hugo's permalink patterns.
			views[strings.ReplaceAll(d.fm["url"].(string), `\:`, ":")] = d
		}
	}
	checked := 0
	for _, name := range sortedKeys(tree) {
		d := mustDoc(t, tree, name)
		params, _ := d.fm["params"].(map[string]any)
		src, ok := params["source"].(map[string]any)
		if !ok {
			continue
		}
		authors := toStrings(src["authors"])
		if len(authors) == 0 {
			t.Errorf("%s: footer credits no authors (source %v)", name, src)
			continue
		}
		view, ok := views[src["authors_url"].(string)]
		if !ok {
			t.Errorf("%s: authors_url %v is no authors view", name, src["authors_url"])
			continue
		}
		var wrote []string
		for _, a := range table(t, view.fm, "params", "authors") {
			wrote = append(wrote, a["name"].(string))
		}
		if strings.Join(wrote[:min(len(wrote), maxCredited)], ",") != strings.Join(authors, ",") {
			t.Errorf("%s: footer credits %v, its authors view %v", name, authors, wrote)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d pages with a source: the fixture should give every persona, meeting and wiki page one", checked)
	}
}
