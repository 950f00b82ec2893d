package mwtest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const fixture = "../../testdata/fedora-server-personas.xml"

// fixtureRevision is one <revision> of the fixture export.
type fixtureRevision struct {
	Timestamp time.Time `xml:"timestamp"`
	User      string    `xml:"contributor>username"`
	Text      string    `xml:"text"`
}

// mustFixturePages reads the fixture's pages, title to revisions in file order.
func mustFixturePages(tb testing.TB) map[string][]fixtureRevision {
	tb.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		tb.Fatal(err)
	}
	var dump struct {
		Pages []struct {
			Title     string            `xml:"title"`
			Revisions []fixtureRevision `xml:"revision"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(b, &dump); err != nil {
		tb.Fatalf("%s: %v", fixture, err)
	}
	pages := map[string][]fixtureRevision{}
	for _, p := range dump.Pages {
		pages[p.Title] = p.Revisions
	}
	return pages
}

func sha1Hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestWiki(t *testing.T) {
	w := Start(t)
	w.Import(t, fixture)
	pages := mustFixturePages(t)

	t.Run("import keeps every revision byte for byte", func(t *testing.T) {
		want := pages["Server/Personas"]
		if len(want) != 15 {
			t.Fatalf("fixture has %d revisions of Server/Personas, want 15", len(want))
		}
		got := w.Revisions(t, "Server/Personas")
		if len(got) != len(want) {
			t.Fatalf("wiki has %d revisions, fixture %d", len(got), len(want))
		}
		for i, g := range got {
			f := want[i]
			if !g.Timestamp.Equal(f.Timestamp) || g.User != f.User || g.SHA1 != sha1Hex(f.Text) {
				t.Errorf("revision %d: got %s %q sha1 %s, fixture %s %q sha1 %s",
					i, g.Timestamp, g.User, g.SHA1, f.Timestamp, f.User, sha1Hex(f.Text))
			}
			if text := w.Content(t, g.ID); text != f.Text {
				t.Errorf("revision %d (id %d): text differs from fixture (%d vs %d bytes)", i, g.ID, len(text), len(f.Text))
			}
		}
	})

	t.Run("import keeps templates and plain user names", func(t *testing.T) {
		for _, title := range []string{"Template:Admon/note", "Template:Admon/warning"} {
			revs := w.Revisions(t, title)
			if len(revs) != len(pages[title]) || len(revs) == 0 {
				t.Fatalf("%s: %d revisions, fixture %d", title, len(revs), len(pages[title]))
			}
			if revs[0].User != pages[title][0].User || strings.Contains(revs[0].User, ">") {
				t.Errorf("%s: user %q, want %q", title, revs[0].User, pages[title][0].User)
			}
		}
	})

	t.Run("edit adds a revision", func(t *testing.T) {
		const title = "Mwtest/Edit"
		first := w.Edit(t, title, "Synthetic text one.", "create", "SyntheticEditor")
		second := w.Edit(t, title, "Synthetic text two.", "change", "")
		revs := w.Revisions(t, title)
		if len(revs) != 2 || revs[0].ID != first || revs[1].ID != second {
			t.Fatalf("revisions %+v, want ids %d, %d", revs, first, second)
		}
		if revs[0].User != "SyntheticEditor" || revs[1].User != AdminUser || revs[1].Comment != "change" {
			t.Errorf("revisions %+v: wrong user or comment", revs)
		}
		if got := w.Content(t, second); got != "Synthetic text two." {
			t.Errorf("content %q", got)
		}
	})

	t.Run("move leaves a redirect", func(t *testing.T) {
		w.Edit(t, "Mwtest/Old", "Synthetic page to move.", "", "")
		w.Move(t, "Mwtest/Old", "Mwtest/New", "rename")
		moved := w.Revisions(t, "Mwtest/New")
		if len(moved) != 2 || moved[1].User != AdminUser {
			t.Fatalf("moved page revisions %+v, want the edit and a null move revision", moved)
		}
		if got := w.Content(t, moved[0].ID); got != "Synthetic page to move." {
			t.Errorf("moved content %q", got)
		}
		old := w.Revisions(t, "Mwtest/Old")
		if len(old) != 1 {
			t.Fatalf("old title has %d revisions, want 1 redirect", len(old))
		}
		if got := w.Content(t, old[0].ID); !strings.Contains(got, "[[Mwtest/New]]") {
			t.Errorf("old title content %q, want a redirect to Mwtest/New", got)
		}
	})

	t.Run("delete removes the page", func(t *testing.T) {
		w.Edit(t, "Mwtest/Doomed", "Synthetic page to delete.", "", "")
		w.Delete(t, "Mwtest/Doomed", "gone")
		if revs := w.Revisions(t, "Mwtest/Doomed"); len(revs) != 0 {
			t.Errorf("deleted page still has revisions %+v", revs)
		}
	})

	t.Run("hide revision hides text and user", func(t *testing.T) {
		const title = "Mwtest/Hidden"
		a := w.Edit(t, title, "Synthetic secret.", "", "SyntheticEditor")
		b := w.Edit(t, title, "Synthetic public.", "", "SyntheticEditor")
		c := w.Edit(t, title, "Synthetic public, again.", "", "SyntheticEditor")
		w.HideRevision(t, title, a, true, false)
		w.HideRevision(t, title, b, false, true)
		revs := w.Revisions(t, title)
		if len(revs) != 3 || revs[2].ID != c {
			t.Fatalf("revisions %+v", revs)
		}
		if !revs[0].TextHidden || revs[0].SHA1 != "" || revs[0].UserHidden || revs[0].User != "SyntheticEditor" {
			t.Errorf("text-hidden revision %+v", revs[0])
		}
		if revs[1].TextHidden || revs[1].SHA1 != sha1Hex("Synthetic public.") || !revs[1].UserHidden || revs[1].User != "" {
			t.Errorf("user-hidden revision %+v", revs[1])
		}
		if revs[2].TextHidden || revs[2].UserHidden {
			t.Errorf("untouched revision %+v", revs[2])
		}
	})

	t.Run("parse renders a revision", func(t *testing.T) {
		revs := w.Revisions(t, "Server/Personas")
		html := w.Parse(t, revs[len(revs)-1].ID)
		// The last fixture revision calls Template:Admon/note; rendered, the
		// template call is gone and its title is in the HTML.
		if !strings.Contains(html, "Sandra Summers") || strings.Contains(html, "{{admon/note") || strings.Contains(html, "{{Admon/note") {
			t.Errorf("parsed HTML does not look rendered: %.500s", html)
		}
	})

	t.Run("requests counts one API call as one", func(t *testing.T) {
		before := w.Requests(t)
		resp, err := http.Get(w.API + "?action=query&meta=siteinfo&format=json")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := w.Requests(t) - before; got != 1 {
			t.Errorf("Requests grew by %d, want 1", got)
		}
		if got := w.Requests(t) - before; got != 1 {
			t.Errorf("Requests grew by %d with no request in between, want 1", got)
		}
	})
}

func TestDumpUsers(t *testing.T) {
	got, err := dumpUsers(fixture)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{"Davidstrauss", "Duffy", "FixtureStub", "UnknownEditor"}
	if !slices.Equal(got, want) {
		t.Errorf("dumpUsers = %q, want %q", got, want)
	}
}

func TestCountLog(t *testing.T) {
	const (
		accept = "[Thu Nov 26 09:49:57 2026] 127.0.0.1:33178 Accepted\n"
		get    = "[Thu Nov 26 09:49:57 2026] 127.0.0.1:33178 [200]: GET /api.php?action=query\n"
		post   = "[Thu Nov 26 09:49:57 2026] 127.0.0.1:33178 [503]: POST /api.php\n"
		closed = "[Thu Nov 26 09:49:57 2026] 127.0.0.1:33178 Closing\n"
	)
	tests := []struct {
		name string
		log  string
		want logCounts
	}{
		{"empty", "", logCounts{}},
		{"startup only", "[Thu Nov 26 09:49:56 2026] PHP 8.2.36 Development Server (http://127.0.0.1:8123) started\n", logCounts{}},
		{"one GET", accept + get + closed, logCounts{1, 1, 1}},
		{"GET and POST", accept + get + closed + accept + post + closed, logCounts{2, 2, 2}},
		{"in flight", accept + get + closed + accept, logCounts{2, 1, 1}},
		{"half-written last line", accept + strings.TrimSuffix(get, "\n"), logCounts{1, 0, 0}},
		{"PHP warning is not a request", "PHP Warning:  [x]: GET in foo.php\n", logCounts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countLog(tt.log); got != tt.want {
				t.Errorf("countLog = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestWikisAreIndependent checks that wikis copied from one template share
// no database: an edit on one is not seen by the other.
func TestWikisAreIndependent(t *testing.T) {
	a, b := Start(t), Start(t)
	if a.API == b.API {
		t.Fatalf("both wikis serve %s", a.API)
	}
	a.Edit(t, "Mwtest/Only in A", "Synthetic text.", "", "")
	if revs := b.Revisions(t, "Mwtest/Only in A"); len(revs) != 0 {
		t.Errorf("wiki B sees wiki A's edit: %+v", revs)
	}
	settings, err := os.ReadFile(filepath.Join(b.Dir, "LocalSettings.php"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `$wgSQLiteDataDir = "` + b.Dir + `";`; !strings.Contains(string(settings), want) {
		t.Errorf("LocalSettings.php of B lacks %s", want)
	}
}
