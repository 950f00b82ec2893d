package personas

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzSplit checks that Split never panics, that its pieces spell the page
// (see mustCover), and that slugs are well formed and unique. The seed
// corpus in testdata/fuzz/FuzzSplit holds two fixture revisions and
// synthetic pages.
func FuzzSplit(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		doc, ok := Split(src)
		if !ok {
			if doc.Preamble != src || doc.Personas != nil || doc.Groups != nil || doc.Trailer != "" {
				t.Fatalf("Split(%q) = %+v without personas, want only the preamble", src, doc)
			}
			return
		}
		mustCover(t, src, doc)
		slugs := map[string]bool{}
		for _, p := range doc.Personas {
			if !slugShape.MatchString(p.Slug) || slugs[p.Slug] {
				t.Errorf("persona %q: slug %q is malformed or repeated", p.Heading, p.Slug)
			}
			slugs[p.Slug] = true
			mustSections(t, p)
			if utf8.ValidString(src) {
				mustValid(t, p)
			}
		}
	})
}

func mustSections(tb testing.TB, p Persona) {
	tb.Helper()
	slugs := map[string]bool{}
	for _, s := range p.Sections {
		if !slugShape.MatchString(s.Slug) || slugs[s.Slug] {
			tb.Errorf("persona %q section %q: slug %q is malformed or repeated", p.Heading, s.Title, s.Slug)
		}
		slugs[s.Slug] = true
		if s.Level <= p.Level {
			tb.Errorf("persona %q (level %d) has section %q at level %d", p.Heading, p.Level, s.Title, s.Level)
		}
	}
}

func mustValid(tb testing.TB, p Persona) {
	tb.Helper()
	texts := []string{p.Heading, p.Nickname, p.Name, p.Role, p.Organisation, p.Quote, p.Image, p.Intro}
	for _, f := range p.Profile {
		texts = append(texts, f.Label, f.Wikitext)
	}
	for _, s := range p.Sections {
		texts = append(texts, s.Title, s.Wikitext)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
			tb.Errorf("persona %q: invalid UTF-8 in %q", p.Heading, s)
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	revs := mustRevisions(b)
	src := revs[len(revs)-1].Text
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Split(src)
	}
}
