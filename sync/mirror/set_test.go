package mirror

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
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

// TestCheck: what one look at the recent changes decides, change by change.
func TestCheck(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := Options{Pages: []string{"Synthetic A"}, Categories: []string{"Synthetic"}, Prefixes: []string{"Server/"}}.rules()
	ps := &archive.PageSet{Spec: r.spec(), Checked: t0, Since: t0, LastChange: 10, Categories: []string{"Category:Synthetic"},
		Members: []archive.Member{{Title: "Synthetic A", Via: "pages", Joined: t0}, {Title: "Synthetic B", Via: "category:Category:Synthetic", Joined: t0}}}
	arch := &archived{pages: map[string]*archive.Page{
		"Synthetic A":        {Title: "Synthetic A"},
		"Synthetic B":        {Title: "Synthetic B"},
		"Template:Synthetic": {Title: "Template:Synthetic", Namespace: templateNS},
	}}
	tests := []struct {
		name     string
		changes  []mw.Change
		inCats   map[string][]string
		full     bool
		edited   []string
		files    []string
		requests int
	}{
		{"nothing", nil, nil, false, nil, nil, 1},
		{"seen by the last sync", []mw.Change{{ID: 10, Type: "log", LogType: "move", Title: "Synthetic A"}}, nil, false, nil, nil, 1},
		{"an edit of a set page", []mw.Change{{ID: 11, Type: "edit", Title: "Synthetic A"}}, nil, false, []string{"Synthetic A"}, nil, 1},
		{"an edit of a template", []mw.Change{{ID: 11, Type: "edit", Namespace: templateNS, Title: "Template:Synthetic"}}, nil, false, []string{"Template:Synthetic"}, nil, 1},
		{"a move into the set", []mw.Change{{ID: 11, Type: "log", LogType: "move", Title: "Elsewhere", Target: "Synthetic A"}}, nil, true, nil, nil, 1},
		{"a new page with the prefix", []mw.Change{{ID: 11, Type: "new", Title: "Server/New"}}, nil, true, nil, nil, 1},
		{"categorize", []mw.Change{{ID: 11, Type: "categorize", Namespace: 14, Title: "Category:Synthetic"}}, nil, true, nil, nil, 1},
		{"an outsider that joined", []mw.Change{{ID: 11, Type: "edit", Title: "Outsider"}}, map[string][]string{"Category:Synthetic": {"Synthetic B", "Outsider"}}, true, nil, nil, 2},
		{"an outsider that did not", []mw.Change{{ID: 11, Type: "edit", Title: "Outsider"}}, map[string][]string{"Category:Synthetic": {"Synthetic B"}}, false, nil, nil, 2},
		{"a member that left its category", []mw.Change{{ID: 11, Type: "edit", Title: "Synthetic B"}}, map[string][]string{}, true, nil, nil, 2},
		{"an upload", []mw.Change{{ID: 11, Type: "log", LogType: "upload", Namespace: fileNS, Title: "File:Synthetic.png"}}, nil, false, nil, []string{"File:Synthetic.png"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newFakeWiki()
			for _, c := range tt.changes {
				c.Timestamp = t0.Add(time.Second)
				w.changes = append(w.changes, c)
			}
			if tt.inCats != nil {
				w.categories = tt.inCats
			}
			v, err := check(context.Background(), w, ps, r, arch)
			if err != nil {
				t.Fatal(err)
			}
			if v.full != tt.full || !slices.Equal(v.edited, tt.edited) || !slices.Equal(v.files, tt.files) || w.requests != tt.requests {
				t.Errorf("verdict full=%v (%s) edited=%q files=%q after %d requests; want full=%v edited=%q files=%q after %d",
					v.full, v.reason, v.edited, v.files, w.requests, tt.full, tt.edited, tt.files, tt.requests)
			}
		})
	}
}

func TestStale(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r := Options{Pages: []string{"Synthetic A"}}.rules()
	for _, tt := range []struct {
		name string
		ps   archive.PageSet
		want string // a word of the reason, "" for fresh
	}{
		{"fresh", archive.PageSet{Spec: r.spec(), Checked: now.Add(-time.Hour)}, ""},
		{"never resolved", archive.PageSet{}, "no page set"},
		{"config changed", archive.PageSet{Spec: "page:Other", Checked: now}, "changed"},
		{"too old", archive.PageSet{Spec: r.spec(), Checked: now.Add(-changesWindow - time.Hour)}, "longer than"},
	} {
		if got := stale(&tt.ps, r, now); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: stale = %q, want %q", tt.name, got, tt.want)
		}
	}
}
