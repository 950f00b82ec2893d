package docdiff

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// FuzzCompare checks, for any two texts: no panic; the HTML is valid
// UTF-8 with no script, style or event attribute and no unsafe link; and
// the new side of the rendered diff (everything but <del> and the labels)
// reads exactly the new document's words, in order.
func FuzzCompare(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(section(ar, "old.md"), section(ar, "new.md"))
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		d := Compare(docOf(old), docOf(new))
		out := d.HTML(Options{Context: -1, HeadingOffset: 2})
		checkHTML(t, out)
		if got, want := renderedNewWords(t, out), blockWords(Parse(docOf(new))); !slices.Equal(got, want) {
			t.Fatalf("new side of the diff reads\n%q\nwant\n%q", got, want)
		}
		if got, want := renderedOldWords(t, out), blockWords(Parse(docOf(old))); !sameMultiset(got, want) {
			t.Fatalf("old side of the diff holds\n%q\nwant\n%q", got, want)
		}
	})
}

// FuzzCompareParts checks two parts compared together, where blocks may
// move from one to the other: safe HTML, and each part's new side reads
// exactly its new words (a block that moved in is shown there, one that
// moved out only as a label).
func FuzzCompareParts(f *testing.F) {
	f.Add("- one two three\n- four five six\n", "- seven\n", "- four five six\n", "- seven\n- one two three\n")
	f.Add("# A\n\npara one two three\n", "", "# A\n", "para one two three\n")
	f.Fuzz(func(t *testing.T, old1, old2, new1, new2 string) {
		parts := []Part{{Name: "a", Title: "One", Old: docOf(old1), New: docOf(new1)}, {Name: "b", Old: docOf(old2), New: docOf(new2)}}
		for i, d := range CompareParts(parts) {
			out := d.HTML(Options{Context: -1})
			checkHTML(t, out)
			if got, want := renderedNewWords(t, out), blockWords(Parse(parts[i].New)); !slices.Equal(got, want) {
				t.Fatalf("part %d: new side reads\n%q\nwant\n%q", i, got, want)
			}
		}
	})
}

// blockWords is the words of the blocks' text, as a reader sees them.
func blockWords(blocks []Block) []string {
	var out []string
	for i := range blocks {
		out = append(out, strings.Fields(blocks[i].Text())...)
	}
	return out
}

// sameMultiset: the old side is complete, though a moved block's old
// text is not at its old place.
func sameMultiset(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkHTML fails on invalid UTF-8, active content or unsafe links.
func checkHTML(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8: %q", out)
	}
	doc := mustParseHTML(t, out)
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "script", "style", "iframe", "object", "embed", "img", "form", "input":
			t.Errorf("element <%s> in output:\n%s", n.Data, out)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" {
				t.Errorf("attribute %s on <%s> in output", a.Key, n.Data)
			}
			if a.Key == "href" && !safeHref(a.Val) {
				t.Errorf("unsafe href %q in output", a.Val)
			}
		}
		return true
	})
}

func mustParseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk visits n and its descendants; visit returning false skips the
// node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

// labels are the classes of text the diff adds, not the documents' text.
var labels = []string{"visually-hidden", "rdiff-note", "rdiff-label", "rdiff-boxname", "rdiff-elided", "rdiff-gone"}

func hasClass(n *html.Node, classes ...string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if slices.Contains(classes, c) {
					return true
				}
			}
		}
	}
	return false
}

// sideText collects the text of the rendered diff, leaving out the
// elements named skip and the labels; block elements end words.
func sideText(t *testing.T, out, skip string) []string {
	var sb strings.Builder
	walk(mustParseHTML(t, out), func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == skip || hasClass(n, labels...)):
			return false
		case n.Type == html.ElementNode && n.Data != "a" && n.Data != "strong" && n.Data != "em" &&
			n.Data != "code" && n.Data != "s" && n.Data != "ins" && n.Data != "del":
			sb.WriteByte(' ')
		}
		return true
	})
	return strings.Fields(sb.String())
}

func renderedNewWords(t *testing.T, out string) []string { return sideText(t, out, "del") }
func renderedOldWords(t *testing.T, out string) []string { return sideText(t, out, "ins") }
