package mirror

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wikisite/wikisite/sync/archive"
)

func TestFileNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"file and image", "[[File:Serverwg-persona-smallbiz.jpg|thumb|alt=x]] [[Image:b_c.png]]", []string{"File:B c.png", "File:Serverwg-persona-smallbiz.jpg"}},
		{"spaces and case", "[[ file : synthetic one.png |x]]", []string{"File:Synthetic one.png"}},
		{"a link to the file page shows nothing", "[[:File:Synthetic.png]]", nil},
		{"other namespaces", "[[Category:Synthetic]] [[Synthetic page]] {{File:x}}", nil},
		{"unclosed", "[[File:Synthetic.png", []string{"File:Synthetic.png"}},
		{"twice", "[[File:A.png]] [[File:A.png|x]]", []string{"File:A.png"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileNames([]byte(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("fileNames(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzFileNames(f *testing.F) {
	f.Add("[[File:Serverwg-persona-smallbiz.jpg|thumb|alt=Synthetic]]")
	f.Add("[[Image: x.png]] [[:File:y.png]] [[file:\n]]")
	f.Fuzz(func(t *testing.T, text string) {
		for _, n := range fileNames([]byte(text)) {
			if !strings.HasPrefix(n, "File:") || n == "File:" || strings.ContainsAny(n, "|[]\n") {
				t.Errorf("fileNames(%q) gave %q", text, n)
			}
			if utf8.ValidString(text) && !utf8.ValidString(n) {
				t.Errorf("fileNames(%q) gave invalid UTF-8 %q", text, n)
			}
		}
	})
}

func TestFileAt(t *testing.T) {
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	f := archive.File{Versions: []archive.FileVersion{{Timestamp: t0, SHA1: "a"}, {Timestamp: t0.AddDate(0, 0, 2), SHA1: "b"}}}
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{t0.AddDate(0, 0, -1), "a"}, // before the first upload: the oldest the wiki keeps
		{t0, "a"},
		{t0.AddDate(0, 0, 1), "a"},
		{t0.AddDate(0, 0, 2), "b"},
		{t0.AddDate(1, 0, 0), "b"},
	} {
		if got := f.At(tt.at); got == nil || got.SHA1 != tt.want {
			t.Errorf("At(%s) = %+v, want %s", tt.at, got, tt.want)
		}
	}
	if (&archive.File{}).At(t0) != nil {
		t.Errorf("At on a file without versions is not nil")
	}
}
