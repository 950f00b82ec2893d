package mirror

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

func TestRules(t *testing.T) {
	r := Options{Pages: []string{"synthetic_page"}, Categories: []string{"Synthetic", "Category:Other"},
		CategoryDepth: 2, Prefixes: []string{"Server/", "Template:Admon/", "Unknown:x"}, Namespaces: []int{4}}.rules()
	if want := []string{"Category:Synthetic", "Category:Other"}; !slices.Equal(r.categories, want) {
		t.Errorf("categories %q, want %q", r.categories, want)
	}
	wantPrefixes := []prefix{{0, "Server/", "Server/"}, {10, "Admon/", "Template:Admon/"}, {0, "Unknown:x", "Unknown:x"}}
	if !slices.Equal(r.prefixes, wantPrefixes) {
		t.Errorf("prefixes %+v, want %+v", r.prefixes, wantPrefixes)
	}
	if want := "page:Synthetic page|Category:Synthetic|Category:Other|depth:2|prefix:0:Server/|prefix:10:Admon/|prefix:0:Unknown:x|namespace:4"; r.spec() != want {
		t.Errorf("spec %q, want %q", r.spec(), want)
	}
	for _, tt := range []struct {
		ns    int
		title string
		want  bool
	}{
		{0, "Server/Roles", true},
		{0, "Serverless", false},
		{10, "Template:Admon/note", true},
		{0, "Template:Admon/note", false}, // a main-namespace title cannot start "Template:"; the ns decides
		{4, "Project:Anything", true},
		{2, "User:Server/x", false},
	} {
		if got := r.matches(tt.ns, tt.title); got != tt.want {
			t.Errorf("matches(%d, %q) = %v, want %v", tt.ns, tt.title, got, tt.want)
		}
	}
}

func TestRecord(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ps := &archive.PageSet{}
	joined, left := record(ps, map[string]string{"A": "pages", "B": "category:Category:X"}, t0)
	if !slices.Equal(joined, []string{"A", "B"}) || len(left) != 0 {
		t.Fatalf("first: joined %q left %q", joined, left)
	}
	t1 := t0.Add(time.Hour)
	joined, left = record(ps, map[string]string{"A": "pages", "C": "prefix:C"}, t1)
	if !slices.Equal(joined, []string{"C"}) || !slices.Equal(left, []string{"B"}) {
		t.Fatalf("second: joined %q left %q", joined, left)
	}
	t2 := t1.Add(time.Hour)
	joined, _ = record(ps, map[string]string{"A": "pages", "B": "pages", "C": "prefix:C"}, t2)
	if !slices.Equal(joined, []string{"B"}) {
		t.Fatalf("rejoin: joined %q", joined)
	}
	// B keeps its first membership, marked left, and gains a new one.
	var bs []archive.Member
	for _, m := range ps.Members {
		if m.Title == "B" {
			bs = append(bs, m)
		}
	}
	if len(bs) != 2 || !bs[0].Left.Equal(t1) || !bs[1].In() || !bs[1].Joined.Equal(t2) {
		t.Errorf("B's memberships %+v", bs)
	}
	if cur := ps.Current(); len(cur) != 3 {
		t.Errorf("current %q, want A, B, C", cur)
	}
}

// TestSyncNamespace: a namespace set over the fake wiki, and a page created
// in it joining through the recent changes.
func TestSyncNamespace(t *testing.T) {
	w, s := newFakeWiki(), mustStore(t)
	mustEditNS(w, 4, "Project:Synthetic one", "synthetic project page")
	mustEditNS(w, 0, "Synthetic main page", "synthetic, not in the set")
	opts := Options{Namespaces: []int{4}}
	sum, err := Sync(context.Background(), w, s, opts)
	if err != nil || sum.NewRevisions != 1 {
		t.Fatalf("first sync: %+v, %v", sum, err)
	}
	w.requests = 0
	if _, err := Sync(context.Background(), w, s, opts); err != nil || w.requests != 1 {
		t.Errorf("no-op: %d requests, %v; want 1", w.requests, err)
	}
	mustEditNS(w, 4, "Project:Synthetic two", "a new synthetic project page")
	sum, err = Sync(context.Background(), w, s, opts)
	if err != nil || !slices.Equal(sum.Joined, []string{"Project:Synthetic two"}) {
		t.Fatalf("after a new page: %+v, %v", sum, err)
	}
	mustMatch(t, s, w, "Project:Synthetic two")
}

// mustEditNS saves a synthetic revision of a page in namespace ns.
func mustEditNS(w *fakeWiki, ns int, title, text string) {
	if _, ok := w.pages[title]; !ok {
		w.pages[title] = &fakePage{id: int64(len(w.pages) + 1), ns: ns}
	}
	w.edit(title, text)
	w.changes[len(w.changes)-1].Namespace = ns
}
