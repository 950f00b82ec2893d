package worddiff

import (
	"slices"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       []int
	}{
		{"same", "a b c", "a b c", []int{0, 1, 2}},
		{"empty old", "", "a b", []int{-1, -1}},
		{"empty new", "a b", "", []int{}},
		{"one word changed", "the cat sat", "the dog sat", []int{0, -1, 2}},
		{"inserted", "a c", "a b c", []int{0, -1, 1}},
		{"deleted", "a b c", "a c", []int{0, 2}},
		{"repeated words", "x x y", "x y x", []int{1, 2, -1}}, // or {0, 2, -1}: both are shortest
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Match(strings.Fields(tt.a), strings.Fields(tt.b))
			if !ok {
				t.Fatal("Match refused a small input")
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Match(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestMatchTooLong(t *testing.T) {
	long := make([]string, maxWordTokens+1)
	if _, ok := Match(long, []string{"a"}); ok {
		t.Error("Match accepted more than maxWordTokens tokens")
	}
}
