package mwxml

import (
	"strings"
	"testing"
)

func TestCheckTitle(t *testing.T) {
	tests := []struct {
		title string
		ok    bool
	}{
		{"Server/Personas", true},
		{"Template:Admon/note", true},
		{"Server/Personas/FAQ", true},
		{"Ünïcode title", true},
		{"A.b/c..d/...", true},
		{strings.Repeat("é", 127), true}, // 254 bytes
		{"", false},
		{"   ", false},
		{strings.Repeat("é", 128), false}, // 256 bytes
		{"bad\xffutf8", false},
		{"tab\there", false},
		{"nul\x00", false},
		{"del\x7f", false},
		{"line\nbreak", false},
		{"/etc/passwd", false},
		{"..", false},
		{".", false},
		{"../x", false},
		{"a/../b", false},
		{"a/..", false},
		{"a/./b", false},
		{"a[[b]]", false},
		{"a#section", false},
		{"a{{b}}", false},
		{"a|b", false},
		{"a<b>", false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			err := CheckTitle(tt.title)
			if (err == nil) != tt.ok {
				t.Errorf("CheckTitle(%q) = %v, want ok=%v", tt.title, err, tt.ok)
			}
		})
	}
}
