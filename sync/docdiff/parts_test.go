package docdiff

import (
	"strings"
	"testing"
)

func TestCompareParts(t *testing.T) {
	parts := []Part{
		{Name: "Sandra", Old: docOf("## Goals\n\n- Keep the team within budget.\n- Easily deploy apps to spare servers.\n"),
			New: docOf("## Goals\n\n- Keep the team within budget.\n")},
		{Name: "Sandra", Old: docOf("## Frustrations\n\n- Too many consoles to manage.\n"),
			New: docOf("## Frustrations\n\n- Too many consoles to manage.\n- Easily deploy apps to spare servers.\n")},
		{Name: "Joe", Old: docOf("## Goals\n\n- Ship the client's app on time.\n"),
			New: docOf("## Goals\n\n- Ship the client's app on time.\n- Keep the team within budget.\n")},
	}
	d := CompareParts(parts)
	if len(d) != 3 {
		t.Fatalf("got %d diffs, want 3", len(d))
	}
	tests := []struct {
		part int
		want string // the entries' ops, and where moves came from or went
	}{
		{0, "same|same|moved-away to “Frustrations”"},
		{1, "same|same|moved from item 2 under “Goals”"},
		{2, "same|same|added"}, // Sandra's goal is still there: Joe's is new
	}
	for _, tt := range tests {
		var got []string
		for _, e := range d[tt.part].Entries {
			s := e.Op.String()
			if e.From != "" {
				s += " from " + e.From
			}
			if e.To != "" {
				s += " to " + e.To
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("part %d: %s, want %s", tt.part, g, tt.want)
		}
	}
	away := d[0].HTML(Options{Context: -1})
	if !strings.Contains(away, `<span class="rdiff-label">Moved to “Frustrations”:</span> <span class="rdiff-gone">Easily deploy apps to spare servers.</span>`) {
		t.Errorf("old place does not say where the item went:\n%s", away)
	}
	if strings.Contains(away, "<del>") {
		t.Errorf("the moved item is shown again as deleted:\n%s", away)
	}
	here := d[1].HTML(Options{Context: -1})
	if strings.Count(here, "Easily deploy apps") != 1 || !strings.Contains(here, "Moved here from item 2 under “Goals”:") {
		t.Errorf("new place does not show the item once, as moved:\n%s", here)
	}
	checkHTML(t, away)
	checkHTML(t, here)

	joe := CompareParts([]Part{
		{Name: "Sandra", Old: docOf("- One two three four.\n"), New: docOf("")},
		{Name: "Joe", Old: docOf(""), New: docOf("- One two three four.\n")},
	})
	if e := joe[1].Entries[0]; e.Op != Moved || e.From != "item 1 of Sandra" {
		t.Errorf("a move between personas: %v from %q, want moved from “item 1 of Sandra”", e.Op, e.From)
	}
	if e := joe[0].Entries[0]; e.Op != MovedAway || e.To != "another section of Joe" {
		t.Errorf("a move between personas: %v to %q, want moved-away to “another section of Joe”", e.Op, e.To)
	}

	titled := CompareParts([]Part{
		{Title: "Goals", Old: docOf("- One two three four.\n"), New: docOf("")},
		{Title: "Frustrations", Old: docOf(""), New: docOf("- One two three four.\n")},
	})
	if e := titled[1].Entries[0]; e.From != "item 1 under “Goals”" {
		t.Errorf("a part without a heading is named by its title: from %q", e.From)
	}
	if e := titled[0].Entries[0]; e.To != "“Frustrations”" {
		t.Errorf("a part without a heading is named by its title: to %q", e.To)
	}
}
