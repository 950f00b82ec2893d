package worddiff

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []Span
	}{
		{"both empty", "", "", nil},
		{"identical", "same text", "same text", []Span{{Equal, "same text"}}},
		{"old empty", "", "new text", []Span{{Insert, "new text"}}},
		{"new empty", "old text", "", []Span{{Delete, "old text"}}},
		{"insert word", "Sandra Summers", "Sandra J Summers",
			[]Span{{Equal, "Sandra "}, {Insert, "J "}, {Equal, "Summers"}}},
		{"delete word", "a very small organization", "a small organization",
			[]Span{{Equal, "a "}, {Delete, "very "}, {Equal, "small organization"}}},
		{"change number", "! Age\n| 35\n", "! Age\n| 36\n",
			[]Span{{Equal, "! Age\n| "}, {Delete, "35"}, {Insert, "36"}, {Equal, "\n"}}},
		{"word is never split", "MacGyver", "MacGuyver",
			[]Span{{Delete, "MacGyver"}, {Insert, "MacGuyver"}}},
		{"prefix word", "| MacGyver", "| SysAdmin MacGyver",
			[]Span{{Equal, "| "}, {Insert, "SysAdmin "}, {Equal, "MacGyver"}}},
		{"punctuation", "Administrator, New", "Administrator; New",
			[]Span{{Equal, "Administrator"}, {Delete, ","}, {Insert, ";"}, {Equal, " New"}}},
		{"heading level", "=== Goals ===", "==== Goals ====",
			[]Span{{Equal, "==="}, {Insert, "="}, {Equal, " Goals ==="}, {Insert, "="}}},
		{"curly quotes", "* ‘application developer’ could", "* ‘app developer’ could",
			[]Span{{Equal, "* ‘"}, {Delete, "application"}, {Insert, "app"}, {Equal, " developer’ could"}}},
		{"accented word", "Máirín Duffy", "Mairin Duffy",
			[]Span{{Delete, "Máirín"}, {Insert, "Mairin"}, {Equal, " Duffy"}}},
		// Semantic clean-up counts in tokens: "two" is one token between
		// one-token edits, so it is folded into them.
		{"crlf to lf", "one\r\ntwo\r\n", "one\ntwo\n",
			[]Span{{Equal, "one"}, {Delete, "\r\ntwo\r\n"}, {Insert, "\ntwo\n"}}},
		{"crlf kept around longer equality", "one\r\ntwo words here\r\n", "one\ntwo words here\n",
			[]Span{{Equal, "one"}, {Delete, "\r\n"}, {Insert, "\n"}, {Equal, "two words here"}, {Delete, "\r\n"}, {Insert, "\n"}}},
		{"semantic clean-up folds a lone shared word", "big old cat sat down", "small new cat ran up",
			[]Span{{Delete, "big old cat sat down"}, {Insert, "small new cat ran up"}}},
		{"whitespace only", "a b", "a  b",
			[]Span{{Equal, "a"}, {Delete, " "}, {Insert, "  "}, {Equal, "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.old, tt.new)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
			}
			mustRebuild(t, tt.old, tt.new, got)
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Age 35", []string{"Age", " ", "35"}},
		{"[[File:x.jpg]]", []string{"[", "[", "File", ":", "x", ".", "jpg", "]", "]"}},
		{"We're  \t\nhere", []string{"We", "'", "re", "  \t\n", "here"}},
		{"e\u0301t\u00e9", []string{"e\u0301t\u00e9"}}, // combining accent stays in the word
		{"a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordsInvalidUTF8(t *testing.T) {
	old, new := "a\xff\xfe b", "a\xfe\xff b"
	mustRebuild(t, old, new, Words(old, new))
}

func TestApplyRejectsForeignDiff(t *testing.T) {
	spans := Words("one two", "one three")
	if _, err := Apply("one too", spans); err == nil {
		t.Error("Apply accepted a diff of another text")
	}
	if _, err := Apply("one two three", spans); err == nil {
		t.Error("Apply accepted a diff that stops before the old text ends")
	}
}

// mustRebuild checks that spans are a diff from old to new.
func mustRebuild(tb testing.TB, old, new string, spans []Span) {
	tb.Helper()
	got, err := Apply(old, spans)
	if err != nil {
		tb.Fatalf("Apply: %v", err)
	}
	if got != new {
		tb.Fatalf("Apply(old, spans) = %q, want %q", got, new)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].Op == spans[i-1].Op {
			tb.Errorf("spans %d and %d share op %s", i-1, i, spans[i].Op)
		}
	}
	for i, s := range spans {
		if s.Text == "" {
			tb.Errorf("span %d is empty", i)
		}
	}
}
