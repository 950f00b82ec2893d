package authorship

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

// attributed renders tokens as "text/origin" words, the form the tests
// write their expectations in.
func attributed(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = fmt.Sprintf("%s/%d", t.Text, t.Origin)
	}
	return strings.Join(parts, " ")
}

// mustAttribute adds texts as revisions 0, 1, … and returns the last
// revision's tokens.
func mustAttribute(tb testing.TB, texts ...string) []Token {
	tb.Helper()
	h := New()
	var toks []Token
	for i, text := range texts {
		toks = h.Add(Revision{ID: int64(100 + i), User: fmt.Sprintf("u%d", i), Text: text})
		mustInvariants(tb, text, i, toks)
	}
	return toks
}

// mustInvariants checks what holds for every revision: the tokens spell
// the text's non-space characters in order, at their offsets, and each comes
// from this revision or an earlier one.
func mustInvariants(tb testing.TB, text string, cur int, toks []Token) {
	tb.Helper()
	var b strings.Builder
	for i, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End || text[t.Start:t.End] != t.Text {
			tb.Fatalf("revision %d token %d %q: offsets %d..%d do not hold it", cur, i, t.Text, t.Start, t.End)
		}
		if i > 0 && t.Start < toks[i-1].End {
			tb.Fatalf("revision %d token %d overlaps the one before", cur, i)
		}
		if t.Origin < 0 || t.Origin > cur {
			tb.Fatalf("revision %d token %d %q: origin %d not in 0..%d", cur, i, t.Text, t.Origin, cur)
		}
		b.WriteString(t.Text)
	}
	if got, want := b.String(), strings.Join(strings.Fields(text), ""); got != want {
		tb.Fatalf("revision %d: tokens spell %q, text without spaces is %q", cur, got, want)
	}
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  string // the last revision, as text/origin
	}{
		{"first revision owns everything",
			[]string{"A cat sat."},
			"A/0 cat/0 sat/0 ./0"},
		{"unchanged text keeps its author",
			[]string{"A cat sat.", "A cat sat."},
			"A/0 cat/0 sat/0 ./0"},
		{"insert a sentence",
			[]string{"A cat sat.", "A cat sat. A dog ran."},
			"A/0 cat/0 sat/0 ./0 A/1 dog/1 ran/1 ./1"},
		{"delete a sentence",
			[]string{"A cat sat. A dog ran.", "A dog ran."},
			"A/0 dog/0 ran/0 ./0"},
		{"copy-edit keeps the sentence",
			[]string{"The quick brown fox jumps over the lazy dog.", "The quick brown fox leaps over the lazy dog."},
			"The/0 quick/0 brown/0 fox/0 leaps/1 over/0 the/0 lazy/0 dog/0 ./0"},
		{"typo fix credits only the word",
			[]string{"Ths is fine.", "This is fine."},
			"This/1 is/0 fine/0 ./0"},
		{"moved paragraph keeps its author",
			[]string{"One two.\n\nThree four.", "One two.\n\nThree four.\n\nFive six.", "Five six.\n\nOne two.\n\nThree four."},
			"Five/1 six/1 ./1 One/0 two/0 ./0 Three/0 four/0 ./0"},
		{"moved sentence keeps its author",
			[]string{"First here. Second there.", "First here. Second there. Third new.", "Third new. First here. Second there."},
			"Third/1 new/1 ./1 First/0 here/0 ./0 Second/0 there/0 ./0"},
		{"revert of vandalism restores the authors",
			[]string{"Good text here.\n\nMore good text.", "Good text here.\n\nMore good text. Added later.", "LOL", "Good text here.\n\nMore good text. Added later."},
			"Good/0 text/0 here/0 ./0 More/0 good/0 text/0 ./0 Added/1 later/1 ./1"},
		{"page blanked and restored",
			[]string{"Alpha beta.", "", "Alpha beta."},
			"Alpha/0 beta/0 ./0"},
		{"paragraph deleted and restored much later",
			[]string{"Keep this.\n\nLose this one.", "Keep this.", "Keep this. Other.", "Keep this. Other.\n\nLose this one."},
			"Keep/0 this/0 ./0 Other/2 ./2 Lose/0 this/0 one/0 ./0"},
		{"revert of a copy-edit restores the sentence",
			[]string{"The sky is blue.", "The sky is green.", "The sky is blue."},
			"The/0 sky/0 is/0 blue/0 ./0"},
		{"spacing change steals nothing",
			[]string{"Hello   world.", "Hello world."},
			"Hello/0 world/0 ./0"},
		{"list reordered keeps each item's author",
			[]string{"apples\npears", "apples\npears\nplums", "plums\napples\npears"},
			"plums/1 apples/0 pears/0"},
		{"table cell changed",
			[]string{"Age 40\nJob admin", "Age 41\nJob admin"},
			"Age/0 41/1 Job/0 admin/0"},
		{"sentence split by an insertion",
			[]string{"We run servers at home.", "We run many servers at home."},
			"We/0 run/0 many/1 servers/0 at/0 home/0 ./0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := attributed(mustAttribute(t, tt.texts...)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		text string
		want string // paragraphs separated by " | ", sentences by " / "
	}{
		{"", ""},
		{"One. Two!\n\nThree? Four", "One . / Two ! | Three ? / Four"},
		{"3.5 is a number. Next", "3 . 5 is a number . / Next"},
		{"line one\nline two\n\n\n  para", "line one / line two | para"},
		{"e-mail, ok", "e - mail , ok"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks, paras := split(tt.text)
			text := func(u unit) string {
				var words []string
				for _, tok := range toks[u.from:u.to] {
					words = append(words, tok.Text)
				}
				return strings.Join(words, " ")
			}
			var ps []string
			for _, p := range paras {
				var ss []string
				for _, s := range p.sents {
					ss = append(ss, text(s))
					if s.key != keyOf(toks[s.from:s.to]) {
						t.Errorf("sentence %q: key is not its tokens'", text(s))
					}
				}
				if strings.Join(ss, " ") != text(p.unit) || p.key != keyOf(toks[p.from:p.to]) {
					t.Errorf("paragraph %q is not its sentences %q", text(p.unit), ss)
				}
				ps = append(ps, strings.Join(ss, " / "))
			}
			if got := strings.Join(ps, " | "); got != tt.want {
				t.Errorf("split(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRevisionMetadata(t *testing.T) {
	h := New()
	h.Add(Revision{ID: 7, User: "Duffy", Text: "some text"})
	if h.Len() != 1 {
		t.Fatalf("Len = %d, want 1", h.Len())
	}
	if r := h.Revision(0); r.ID != 7 || r.User != "Duffy" || r.Text != "" {
		t.Errorf("Revision(0) = %+v, want ID 7, User Duffy, no text", r)
	}
}

func TestMatchByText(t *testing.T) {
	got := matchByText(strings.Fields("a b a c"), strings.Fields("a a d b"))
	want := []int{0, 2, -1, 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("matchByText = %v, want %v", got, want)
	}
}

// TestKeyIsStable pins a unit's key to its definition, the hash of its
// tokens joined by single spaces: the keys are stored in the build cache
// (State), so a change of how they are computed must change the format.
func TestKeyIsStable(t *testing.T) {
	toks, _ := split("Sandra  keeps\tthe servers, running.")
	sum := sha256.Sum256([]byte("Sandra keeps the servers , running ."))
	if got, want := keyOf(toks), string(sum[:keySize]); got != want {
		t.Errorf("keyOf = %x, want %x", got, want)
	}
}
