package faq

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []QA
	}{
		{"headings", "intro\n== Why? ==\nBecause.\n\nMore.\n== How? ==\nSo.\n",
			[]QA{{"Why?", "Because.\n\nMore.\n"}, {"How?", "So.\n"}}},
		{"terms", "; Who?\n: Us.\n; When? : Now.\n", []QA{{"Who?", "Us.\n"}, {"When?", "Now.\n"}}},
		{"heading that is not a question ends the answer", "== Why? ==\nA.\n== Notes ==\nB.\n", []QA{{"Why?", "A.\n"}}},
		{"question without answer", "== Why? ==\n\n== How? ==\nSo.\n", []QA{{"How?", "So.\n"}}},
		{"unbalanced heading is text", "== Why? =\nA.\n", nil},
		{"no shape", "Just a page.\n* with a list\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzSplit checks that every question is a question with an
// answer, taken line by line from the input.
func FuzzSplit(f *testing.F) {
	f.Add("== Why? ==\nBecause.\n; Who?\n: Us.\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, q := range Split(in) {
			if !strings.HasSuffix(q.Question, "?") || strings.TrimSpace(q.Answer) == "" {
				t.Fatalf("bad pair %q", q)
			}
			if !strings.Contains(in, q.Question) {
				t.Fatalf("question %q not taken from the input", q.Question)
			}
			for _, line := range strings.Split(q.Answer, "\n") {
				if !strings.Contains(in, line) {
					t.Fatalf("answer line %q not taken from the input", line)
				}
			}
			if utf8.ValidString(in) && !utf8.ValidString(q.Question+q.Answer) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", q)
			}
		}
	})
}
