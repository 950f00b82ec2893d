package normalize

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestDraftOverlay: a draft is the page's next revision in the content
// (history, wiki page, banner notes) and nothing of it reaches the archive.
func TestDraftOverlay(t *testing.T) {
	dir := t.TempDir() + "/archive"
	start := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	mustAddPage(t, dir, "Synthetic page", start, 100, "synthetic text one", "synthetic text two")
	store := mustOpen(t, dir)
	cfg := Site{Title: "Synthetic", Pages: []string{"Synthetic page"}, Wiki: Wiki{API: "https://wiki.example/w/api.php"}}

	tests := []struct {
		name    string
		draft   Draft
		wantErr string
		wantAt  time.Time
	}{
		{name: "now", draft: Draft{Title: "Synthetic_page", File: "d.wiki", Text: "synthetic draft text", Time: start.AddDate(1, 0, 0)},
			wantAt: start.AddDate(1, 0, 0)},
		// A clock behind the wiki's: the draft still comes last.
		{name: "earlier clock", draft: Draft{Title: "Synthetic page", File: "d.wiki", Text: "synthetic draft text", Time: start},
			wantAt: start.Add(24*time.Hour + time.Second)},
		{name: "unconfigured", draft: Draft{Title: "Other page", File: "d.wiki", Text: "x"},
			wantErr: `draft d.wiki: "Other page" is not a configured page`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir() + "/content"
			_, err := Write(context.Background(), Options{Site: cfg, Store: store, ContentDir: out, Drafts: []Draft{tt.draft}})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tree := readTree(t, out)
			wiki := mustDoc(t, tree, "wiki/Synthetic_page.md")
			if !strings.Contains(wiki.body, "synthetic draft text") {
				t.Errorf("wiki page body %q lacks the draft's text", wiki.body)
			}
			hist := tree["history/Synthetic_page.md"]
			for _, want := range []string{"id = 102", "parent = 101", `user = "draft"`, `comment = "Draft (not on the wiki)"`,
				"timestamp = " + tt.wantAt.Format(time.RFC3339)} {
				if !strings.Contains(hist, want) {
					t.Errorf("history lacks %q", want)
				}
			}
			if strings.Contains(hist, "oldid=102") {
				t.Error("history links the draft revision to the wiki")
			}
			home := tree["_index.md"]
			for _, want := range []string{"[[params.drafts]]", `page = "Synthetic page"`, `file = "d.wiki"`, `history_url = "/history/Synthetic_page/#rev-102"`} {
				if !strings.Contains(home, want) {
					t.Errorf("home front matter lacks %q:\n%s", want, home)
				}
			}
			p, err := store.Page("Synthetic page")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(p.Revisions); n != 2 {
				t.Errorf("archive has %d revisions after a draft build, want 2", n)
			}
		})
	}
}

// TestNoDraftNoBanner: an ordinary build names no drafts.
func TestNoDraftNoBanner(t *testing.T) {
	dir := t.TempDir() + "/archive"
	mustAddPage(t, dir, "Synthetic page", time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), 100, "synthetic text one")
	cfg := Site{Title: "Synthetic", Pages: []string{"Synthetic page"}, Wiki: Wiki{API: "https://wiki.example/w/api.php"}}
	out := t.TempDir() + "/content"
	mustWrite(t, cfg, mustOpen(t, dir), out)
	if home := readTree(t, out)["_index.md"]; strings.Contains(home, "drafts") {
		t.Errorf("home front matter names drafts:\n%s", home)
	}
}
