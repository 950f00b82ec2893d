package visible

import (
	"html"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"spaces and newlines", "  a \n\tb  ", []string{"a", "b"}},
		{"no-break space separates", "a\u00a0b", []string{"a", "b"}},
		{"case and punctuation kept", `Age: 36, "We're"`, []string{"Age:", "36,", `"We're"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"both empty", "", "", 0},
		{"equal", "a b c", "a b c", 0},
		{"all inserted", "", "a b c", 3},
		{"all deleted", "a b c", "", 3},
		{"one substituted", "a b c", "a x c", 1},
		{"one inserted", "a c", "a b c", 1},
		{"swap costs two", "a b", "b a", 2},
		{"case differs", "We", "we", 1},
		{"kitten", "k i t t e n", "s i t t i n g", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Words(tt.a), Words(tt.b)
			if got := Levenshtein(a, b); got != tt.want {
				t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := Levenshtein(b, a); got != tt.want {
				t.Errorf("Levenshtein(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name, ref, x string
		want         float64
	}{
		{"both empty", "", "", 1},
		{"identical", "a b c d", "a b c d", 1},
		{"one extra word of four", "a b c", "Note: a b c", 0.75},
		{"one changed of four", "a b c d", "a b x d", 0.75},
		{"nothing in common", "a b", "c d", 0},
		{"empty against text", "", "a b", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Score(Words(tt.ref), Words(tt.x)); got != tt.want {
				t.Errorf("Score(%q, %q) = %v, want %v", tt.ref, tt.x, got, tt.want)
			}
		})
	}
}

func TestVisibleText(t *testing.T) {
	none := func(*nethtml.Node) bool { return false }
	tests := []struct {
		name string
		in   string
		root atom.Atom
		skip Chrome
		want []string
	}{
		{"inline elements join", "<p><b>foo</b>bar <a href=x>baz</a>qux</p>", 0, none, []string{"foobar", "bazqux"}},
		{"cells and blocks separate", "<table><tr><th>Age</th><td>36</td></tr></table><div>a</div><div>b</div>", 0, none, []string{"Age", "36", "a", "b"}},
		{"br separates", "a<br>b", 0, none, []string{"a", "b"}},
		{"entities decoded", "<p>&lt; description &gt; &amp; more&nbsp;text</p>", 0, none, []string{"<", "description", ">", "&", "more", "text"}},
		{"script style comment dropped", "<p>a<script>var x</script><style>p{}</style><!-- c -->b</p>", 0, none, []string{"ab"}},
		{"MediaWiki chrome dropped",
			`<div id="toc" class="toc"><h2>Contents</h2><ul><li>1 Goals</li></ul></div>` +
				`<h2><span class="mw-headline">Goals</span><span class="mw-editsection">[<a>edit</a>]</span></h2>` +
				`<div class="toc">x</div>`,
			0, WikiChrome, []string{"Goals"}},
		{"only the article, without our chrome",
			`<nav>Menu</nav><article><header class="page-header"><h1>T</h1><p>Revision 1</p></header>` +
				`<div class="document"><p>Body <span class="visually-hidden">added:</span>text</p></div>` +
				`<p class="categories">Categories: X</p><details class="diagnostics"><summary>Notes</summary></details></article><footer>F</footer>`,
			atom.Article, SiteChrome, []string{"Body", "text"}},
		{"visible labels are content", `<article><aside><p class="callout-title"><span class="callout-kind">Warning:</span> Draft</p></aside></article>`,
			atom.Article, SiteChrome, []string{"Warning:", "Draft"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := Text(tt.in, tt.root, tt.skip)
			if err != nil {
				t.Fatal(err)
			}
			if got := Words(text); !slices.Equal(got, tt.want) {
				t.Errorf("words = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("missing root", func(t *testing.T) {
		if _, err := Text("<p>no article</p>", atom.Article, none); err == nil {
			t.Error("no error for a page without <article>")
		}
	})
}

// FuzzScore checks the metric's laws: a text scores 1 against itself, the
// distance is symmetric and bounded by the lengths, and scores lie in [0, 1].
func FuzzScore(f *testing.F) {
	f.Add("a b c", "a x c")
	f.Add("", "Note: a")
	f.Add("\"We're a small\"", "“We’re a small”")
	f.Fuzz(func(t *testing.T, a, b string) {
		wa, wb := Words(a), Words(b)
		d := Levenshtein(wa, wb)
		if d != Levenshtein(wb, wa) {
			t.Fatalf("not symmetric on %q, %q", a, b)
		}
		if lo, hi := max(len(wa), len(wb))-min(len(wa), len(wb)), max(len(wa), len(wb)); d < lo || d > hi {
			t.Fatalf("distance %d of %q, %q outside [%d, %d]", d, a, b, lo, hi)
		}
		if s := Score(wa, wb); s < 0 || s > 1 {
			t.Fatalf("score %v of %q, %q outside [0, 1]", s, a, b)
		}
		if s := Score(wa, wa); s != 1 {
			t.Fatalf("score of %q against itself is %v", a, s)
		}
	})
}

// FuzzVisibleText checks that extraction never fails on any input and
// that plain text, escaped into a paragraph, comes back word for word.
func FuzzVisibleText(f *testing.F) {
	f.Add("<p>a<b>b</b></p>")
	f.Add("< description of a typical work day goes here. >")
	f.Add(`<div id="toc"><p>x</p></div><p>"We're" &amp; 36</p>`)
	f.Fuzz(func(t *testing.T, s string) {
		text, err := Text(s, 0, WikiChrome)
		if err != nil {
			t.Fatalf("Text(%q): %v", s, err)
		}
		for _, w := range Words(text) {
			if w == "" || strings.ContainsFunc(w, func(r rune) bool { return r == ' ' || r == '\n' }) {
				t.Fatalf("word %q of %q holds white space", w, s)
			}
		}
		// The HTML parser rewrites NUL, carriage returns and bad UTF-8.
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r") {
			return
		}
		text, err = Text("<p>"+html.EscapeString(s)+"</p>", 0, WikiChrome)
		if err != nil {
			t.Fatal(err)
		}
		if got := Words(text); !slices.Equal(got, Words(s)) {
			t.Fatalf("escaped %q came back as %q", s, got)
		}
	})
}
