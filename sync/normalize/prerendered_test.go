package normalize

import (
	"html/template"
	"os"
	"strings"
	"testing"
	"time"
)

// TestDiffHTMLIsThePartials renders diffs both ways, through diffHTML and
// through layouts/_partials/diff-blocks.html itself (with Go's
// html/template, whose escaping Hugo's copy keeps), and wants the same
// bytes: the history pages show the first, the meeting pages the second.
func TestDiffHTMLIsThePartials(t *testing.T) {
	partial, err := template.ParseFiles("../../layouts/_partials/diff-blocks.html")
	if err != nil {
		t.Fatal(err)
	}
	zero, one, three := 0, 1, 3
	tests := []struct {
		name   string
		blocks []block
	}{
		{"no change", nil},
		{"same, elided", []block{{Kind: "same", Spans: []span{{"eq", "Synthetic context.\n"}}}, {Kind: "same", Elided: 1}, {Kind: "same", Elided: 16}}},
		{"changed", []block{{Kind: "changed", Spans: []span{{"eq", "Synthetic "}, {"del", "old"}, {"ins", "new"}, {"eq", " words.\n"}}}}},
		{"added and removed", []block{{Kind: "added", Spans: []span{{"ins", "Synthetic added line.\n"}}}, {Kind: "removed", Spans: []span{{"del", "Synthetic removed line.\n"}}}}},
		{"moved both ways", []block{
			{Kind: "moved", MovedTo: &three, Spans: []span{{"eq", "Synthetic moved paragraph.\n"}}},
			{Kind: "same", Elided: 2},
			{Kind: "same", Spans: []span{{"eq", "Between.\n"}}},
			{Kind: "moved", MovedTo: &zero, Spans: []span{{"eq", "Synthetic moved paragraph.\n"}, {"ins", "x"}}},
			{Kind: "moved", MovedTo: &one},
		}},
		{"escapes", []block{{Kind: "changed", Spans: []span{{"eq", `<b> & "q" 'a' 1+1 ` + "\x00"}, {"ins", "<script>alert('x')</script>"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var maps []map[string]any
			for _, b := range tt.blocks {
				m := map[string]any{"kind": b.Kind}
				if b.MovedTo != nil {
					m["moved_to"] = *b.MovedTo
				}
				if b.Elided != 0 {
					m["elided"] = b.Elided
				}
				var spans []map[string]any
				for _, s := range b.Spans {
					spans = append(spans, map[string]any{"op": s.Op, "text": s.Text})
				}
				if spans != nil {
					m["spans"] = spans
				}
				maps = append(maps, m)
			}
			var want strings.Builder
			if err := partial.Execute(&want, map[string]any{"blocks": maps, "id": "r42"}); err != nil {
				t.Fatal(err)
			}
			got := diffHTML(tt.blocks, "r42")
			if len(tt.blocks) == 0 {
				// The layouts ask for the partial only when there are blocks.
				if got != "" {
					t.Errorf("diffHTML of no blocks = %q, want \"\"", got)
				}
				return
			}
			if got != want.String() {
				t.Errorf("diffHTML:\n%s\nthe partial:\n%s", got, want.String())
			}
		})
	}
}

// hugoTime stands for Hugo's time namespace in the partials.
type hugoTime struct{}

func (hugoTime) Format(layout string, t time.Time) string { return t.Format(layout) }

// TestAuthorSpansAreThePartials renders spans through authorSpans and
// through the partials that rendered them before (testdata/partials:
// authors-spans.html and authors-span.html, kept as the reference, with
// the layouts' own authors-credit.html, which the profile fields still
// use), run by Go's html/template with the few Hugo functions they call,
// and wants the same bytes. The blocks around them are pinned by
// cmd/wikisite's TestBuiltSiteIsPinned.
func TestAuthorSpansAreThePartials(t *testing.T) {
	root := template.New("").Funcs(template.FuncMap{
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
		"mod":  func(a, b int) int { return a % b },
		"time": func() hugoTime { return hugoTime{} },
		"default": func(def, v any) any {
			if s, ok := v.(string); ok && s == "" || v == nil {
				return def
			}
			return v
		},
	})
	var partial func(name string, ctx any) (template.HTML, error)
	root.Funcs(template.FuncMap{"partial": func(name string, ctx any) (template.HTML, error) { return partial(name, ctx) }})
	for _, path := range []string{"testdata/partials/authors-spans.html", "testdata/partials/authors-span.html", "../../layouts/_partials/authors-credit.html"} {
		name := path[strings.LastIndex(path, "/")+1:]
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := root.New(name).Parse(string(data)); err != nil {
			t.Fatal(err)
		}
	}
	partial = func(name string, ctx any) (template.HTML, error) {
		var b strings.Builder
		err := root.ExecuteTemplate(&b, name, ctx)
		return template.HTML(b.String()), err
	}
	at := time.Date(2013, 12, 3, 16, 0, 0, 0, time.UTC)
	credits := []credit{
		{Author: "Duffy", Revision: 363073, Date: at, Period: 2},
		{Author: "", Revision: 5, Date: at, Period: 9},
		{Author: `Synthetic "O'Brien" <&> +1`, Revision: 6, Date: at.AddDate(0, 1, 0), Period: 0},
	}
	spans := []authorSpan{{"Synthetic text, ", 0}, {"by nobody known", 1}, {` <b>&"quoted"</b> 1+1`, 2}}
	var maps []map[string]any
	for _, s := range spans {
		maps = append(maps, map[string]any{"text": s.Text, "c": s.Credit})
	}
	var cm []map[string]any
	for _, c := range credits {
		cm = append(cm, map[string]any{"author": c.Author, "revision": c.Revision, "date": c.Date, "period": c.Period})
	}
	want, err := partial("authors-spans.html", map[string]any{"spans": maps, "credits": cm})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	authorSpans(&got, spans, credits)
	if got.String() != string(want) {
		t.Errorf("authorSpans:\n%s\nthe partials:\n%s", got.String(), want)
	}
}
