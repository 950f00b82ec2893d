package normalize

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// synthConfig configures a synthetic wiki with two meetings.
const synthConfig = `title = "Synthetic"
[params.wiki]
api = "https://wiki.example.org/w/api.php"
pages = ["Synthetic/Personas", "Synthetic/Personas/FAQ"]
[params.wiki.shortcodes]
"Admon/note" = "note"
[[params.meetings]]
date = 2020-01-01T12:00:00Z
title = "Synthetic meeting one"
[[params.meetings]]
date = 2020-01-10T12:00:00Z
title = "Synthetic meeting two"
`

// synthPage is a clearly synthetic personas page: Alice always, Bob only
// when withBob, and a template that exists only from 2020-01-01 12:00.
func synthPage(withBob bool, age, nickname string) string {
	var sb strings.Builder
	sb.WriteString("Synthetic test page, not real persona text. {{Synthetic box}}\n\n")
	sb.WriteString(synthPersona(1, nickname, "Alice Example", "Test Engineer; Example Org", age))
	if withBob {
		sb.WriteString(synthPersona(2, "", "Bob Example", "Test Writer; Example Org", "40"))
	}
	return sb.String()
}

func synthPersona(n int, nickname, name, title, age string) string {
	heading := fmt.Sprintf("Persona #%d", n)
	if nickname != "" {
		heading += ": " + nickname
	}
	return "=== " + heading + " ===\n\n" +
		"<span style=\"font-size: 24px; font-weight: bold;\">\n" + name + "\n</span>\n\n" +
		"<span style=\"font-size: 14px;\">\n" + title + "\n</span>\n\n" +
		"{|\n! Age\n| " + age + "\n|}\n\n" +
		"==== Goals ====\n\n* Synthetic goal of " + name + ".\n\n"
}

const synthFAQ = `Synthetic FAQ, not real text.
== Why a synthetic FAQ? ==
Because the tests need one.
== About ==
Not a question.
; What is a term?
: A definition.
`

// mustSynthArchive builds the synthetic archive: the personas page has
// three revisions (the newest with hidden text), a template and a FAQ.
func mustSynthArchive(tb testing.TB) (Site, *archive.Store) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "archive")
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	mustAddPage(tb, dir, "Synthetic/Personas", day(1), 100,
		synthPage(true, "30", ""), synthPage(false, "31", "Synthetic Tester"), synthPage(false, "32", "Hidden"))
	mustAddPage(tb, dir, "Template:Synthetic box", day(1).Add(12*time.Hour), 200, "'''synthetic box'''")
	mustAddPage(tb, dir, "Synthetic/Personas/FAQ", day(1), 300, synthFAQ)
	store := mustOpen(tb, dir)
	p, err := store.Page("Synthetic/Personas")
	if err != nil {
		tb.Fatal(err)
	}
	p.Revisions[2].TextHidden = true
	tx, err := store.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return mustParseSite(tb, synthConfig), store
}

func TestSyntheticWiki(t *testing.T) {
	cfg, store := mustSynthArchive(t)
	dir := filepath.Join(t.TempDir(), "content")
	rep := mustWrite(t, cfg, store, dir)
	tree := readTree(t, dir)

	t.Run("hidden latest text", func(t *testing.T) {
		w := mustDoc(t, tree, "wiki/"+fileName("Synthetic/Personas"))
		if get(t, w.fm, "params", "revision") != int64(101) || get(t, w.fm, "params", "text_hidden") != true {
			t.Errorf("wiki page shows revision %v (text_hidden %v), want 101, the newest visible, noted",
				get(t, w.fm, "params", "revision"), get(t, w.fm, "params", "text_hidden"))
		}
		if !contains(rep.Diagnostics, `page "Synthetic/Personas": the text of revision 102 is hidden on the wiki; showing the newest visible one`) {
			t.Errorf("hidden text not reported: %q", rep.Diagnostics)
		}
		h := table(t, mustDoc(t, tree, "history/"+fileName("Synthetic/Personas")).fm, "params", "revisions")
		if len(h) != 3 || h[0]["id"] != int64(102) || h[0]["text_hidden"] != true || h[0]["blocks"] != nil {
			t.Errorf("history's newest entry = %v, want hidden revision 102 without a diff", h[0])
		}
	})

	t.Run("templates as they stood", func(t *testing.T) {
		if !contains(rep.Diagnostics, `template "Template:Synthetic box" did not exist yet at 2020-01-01T00:00:00Z`) {
			t.Errorf("missing template not reported: %q", rep.Diagnostics)
		}
		m1 := mustDoc(t, tree, "meetings/2020-01-01.md").body
		m2 := mustDoc(t, tree, "meetings/2020-01-10.md").body
		if strings.Contains(m1, "synthetic box") || !strings.Contains(m2, "synthetic box") {
			t.Errorf("template shown before it existed or missing after:\nmeeting one: %s\nmeeting two: %s", m1, m2)
		}
	})

	t.Run("removed persona", func(t *testing.T) {
		bob := mustDoc(t, tree, "personas/bob-example.md")
		if get(t, bob.fm, "params", "removed") != true || get(t, bob.fm, "params", "name") != "Bob Example" {
			t.Errorf("bob's page: removed = %v, name = %v; want a removed Bob Example",
				get(t, bob.fm, "params", "removed"), get(t, bob.fm, "params", "name"))
		}
		hist := table(t, bob.fm, "params", "history")
		if len(hist) != 2 || hist[0]["event"] != "appeared" || hist[1]["event"] != "removed" || hist[1]["meeting"] != "2020-01-10" {
			t.Errorf("bob's history = %v, want appeared, then removed at 2020-01-10", hist)
		}
		ch := get(t, mustDoc(t, tree, "meetings/2020-01-10.md").fm, "params", "changes")
		removed := table(t, ch, "personas_removed")
		if len(removed) != 1 || removed[0]["slug"] != "bob-example" {
			t.Errorf("personas_removed = %v, want bob-example", removed)
		}
		if _, ok := tree["meetings/2020-01-10--bob-example.md"]; ok {
			t.Error("a page for bob at a meeting where he was gone")
		}
		if _, ok := tree["meetings/2020-01-01--bob-example.md"]; !ok {
			t.Error("no page for bob at the meeting where he was present")
		}
	})

	t.Run("rename and fields", func(t *testing.T) {
		ch := get(t, mustDoc(t, tree, "meetings/2020-01-10.md").fm, "params", "changes")
		ren := table(t, ch, "personas_renamed")
		if len(ren) != 1 || ren[0]["from"] != "Alice Example" || ren[0]["to"] != "Alice Example (Synthetic Tester)" {
			t.Errorf("personas_renamed = %v", ren)
		}
		var age []any
		for _, f := range table(t, ch, "fields") {
			if f["label"] == "Age" {
				age = []any{f["slug"], f["old"], f["new"]}
			}
		}
		if fmt.Sprint(age) != "[alice-example 30 31]" {
			t.Errorf("Age change = %v, want alice-example 30 → 31", age)
		}
	})

	t.Run("faq", func(t *testing.T) {
		faq := mustDoc(t, tree, "faq/_index.md")
		qs := table(t, faq.fm, "params", "questions")
		if len(qs) != 2 || qs[0]["question"] != "Why a synthetic FAQ?" || qs[1]["question"] != "What is a term?" ||
			!strings.Contains(qs[0]["answer_md"].(string), "Because the tests need one.") ||
			!strings.Contains(qs[1]["answer_md"].(string), "A definition.") {
			t.Errorf("questions = %v", qs)
		}
		if get(t, mustDoc(t, tree, "_index.md").fm, "params", "faq") != "/faq/" {
			t.Error("home does not link the FAQ")
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
