package normalize

import (
	"path/filepath"
	"testing"
)

// TestFedoraPersonas checks facts of the real data (shared fixtures
// README) in the content written from the committed archive.
func TestFedoraPersonas(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	rep := mustWrite(t, mustConfig(t), mustOpen(t, repoArchive), dir)
	tree := readTree(t, dir)

	t.Run("latest personas", func(t *testing.T) {
		home := mustDoc(t, tree, "_index.md")
		cards := table(t, home.fm, "params", "personas")
		var slugs []string
		for _, c := range cards {
			slugs = append(slugs, c["slug"].(string))
		}
		if len(slugs) != 2 || slugs[0] != "sandra-summers" || slugs[1] != "joe-franklin" {
			t.Errorf("home personas = %v, want [sandra-summers joe-franklin]", slugs)
		}
		sandra := mustDoc(t, tree, "personas/sandra-summers.md")
		if age := get(t, sandra.fm, "params", "profile", "age"); age != "36" {
			t.Errorf("sandra's age = %v, want 36", age)
		}
		if rev := get(t, sandra.fm, "params", "source", "revision"); rev != int64(370811) {
			t.Errorf("sandra's page shows revision %v, want 370811", rev)
		}
		if get(t, sandra.fm, "params", "removed") != false {
			t.Error("sandra is on the latest page but marked removed")
		}
	})

	t.Run("snapshots", func(t *testing.T) {
		want := map[string]int64{"2013-10-30": 0, "2013-11-05": 0, "2013-11-19": 0,
			"2013-11-26": 361893, "2013-12-10": 363097, "2013-12-17": 364907, "2014-01-07": 364907}
		for slug, rev := range want {
			m := mustDoc(t, tree, "meetings/"+slug+".md")
			snap := table(t, m.fm, "params", "snapshot")
			if len(snap) != 2 || snap[0]["page"] != "Server/Personas" || snap[1]["page"] != "Server/Personas/FAQ" {
				t.Fatalf("%s: snapshot = %v, want Server/Personas and Server/Personas/FAQ", slug, snap)
			}
			if snap[0]["exists"] != (rev != 0) || rev != 0 && snap[0]["revision"] != rev {
				t.Errorf("%s: Server/Personas snapshot = %v, want revision %d", slug, snap[0], rev)
			}
			if snap[1]["exists"] != false {
				t.Errorf("%s: the FAQ is not archived but its snapshot exists", slug)
			}
		}
	})

	t.Run("changes", func(t *testing.T) {
		first := mustDoc(t, tree, "meetings/2013-10-30.md")
		if get(t, first.fm, "params", "changes", "first") != true || get(t, first.fm, "params", "meeting", "first") != true {
			t.Error("the first meeting is not marked first")
		}
		if get(t, mustDoc(t, tree, "meetings/2014-01-07.md").fm, "params", "changes", "none") != true {
			t.Error("2014-01-07 shows the same revision as 2013-12-17 but changes.none is not true")
		}
		if get(t, mustDoc(t, tree, "meetings/2013-12-17.md").fm, "params", "changes", "none") != false {
			t.Error("2013-12-17: revisions were saved since 2013-12-10 but changes.none is true")
		}
		dec10 := mustDoc(t, tree, "meetings/2013-12-10.md")
		fields := map[string][2]any{}
		for _, f := range table(t, dec10.fm, "params", "changes", "fields") {
			if f["slug"] == "sandra-summers" {
				fields[f["label"].(string)] = [2]any{f["old"], f["new"]}
			}
		}
		if fields["Age"] != [2]any{"35", "36"} {
			t.Errorf("2013-12-10 Age change = %v, want 35 → 36 (all: %v)", fields["Age"], fields)
		}
		if fields["Profile"] != [2]any{"MacGyver", "SysAdmin MacGyver"} {
			t.Errorf("2013-12-10 Profile change = %v, want MacGyver → SysAdmin MacGyver", fields["Profile"])
		}
		revs := table(t, dec10.fm, "params", "changes", "revisions")
		if len(revs) != 8 || revs[0]["id"] != int64(363023) || revs[7]["id"] != int64(363097) {
			t.Errorf("2013-12-10 revisions between meetings: %d, want the 8 from 363023 to 363097", len(revs))
		}
	})

	t.Run("rename", func(t *testing.T) {
		var found bool
		for _, r := range table(t, mustDoc(t, tree, "meetings/2013-12-10.md").fm, "params", "changes", "personas_renamed") {
			if r["slug"] == "sandra-summers" {
				found = r["from"] == "Sandra Summers" && r["to"] == "Sandra Summers (SysAdmin MacGuyver)"
			}
		}
		if !found {
			t.Error("2013-12-10: Sandra's new nickname is not listed as a rename from \"Sandra Summers\" to \"Sandra Summers (SysAdmin MacGuyver)\"")
		}
	})

	t.Run("faq not archived", func(t *testing.T) {
		if _, ok := tree["faq/_index.md"]; ok {
			t.Error("faq/_index.md written though the FAQ is not archived")
		}
		want := "Server/Personas/FAQ is configured but not archived: run wikisite sync"
		var found bool
		for _, d := range rep.Diagnostics {
			found = found || d == want
		}
		if !found {
			t.Errorf("report diagnostics %q lack %q", rep.Diagnostics, want)
		}
		if get(t, mustDoc(t, tree, "_index.md").fm, "params", "faq") != "" {
			t.Error("home links a FAQ that is not archived")
		}
	})

	t.Run("report", func(t *testing.T) {
		if rep.Pages != 3 || rep.Personas != 2 || rep.Meetings != 7 || rep.Files != len(tree) {
			t.Errorf("report = %+v, want 3 pages, 2 personas, 7 meetings, %d files", rep, len(tree))
		}
	})
}
