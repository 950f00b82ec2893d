package normalize

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

// benchText is a synthetic, persona-shaped page of about 11 KB; rev changes
// a few words and, every tenth revision, nothing at all (a real pattern:
// edits after the mirrored part leave the text unchanged).
func benchText(page, rev int) string {
	if rev%10 == 9 {
		rev--
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Synthetic benchmark page %d, not real persona text. {{Admon/note|Synthetic|Revision %d}}\n\n", page, rev/3)
	for p := 1; p <= 4; p++ {
		fmt.Fprintf(&sb, "=== Persona #%d: Synthetic %d ===\n\n", p, p)
		fmt.Fprintf(&sb, "<span style=\"font-size: 24px;\">\nSynthetic Person %d\n</span>\n\n<span>\nTester; Example Org %d\n</span>\n\n", p, page)
		fmt.Fprintf(&sb, "{|\n! Age\n| %d\n|-\n! Location\n| Nowhere %d\n|}\n\n", 30+(rev+p)/20, rev%7)
		for _, sec := range []string{"Motivation", "Goals", "Frustrations", "Work Description"} {
			fmt.Fprintf(&sb, "==== %s ====\n\n", sec)
			for i := 0; i < 6; i++ {
				fmt.Fprintf(&sb, "* Synthetic item %d of %s for persona %d, '''revision %d''' [[Some page|link]].\n", i, sec, p, (rev+i)/(i+5))
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

func mustBenchArchive(b *testing.B, pages, revs int) (Site, *archive.Store) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "archive")
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	var titles []string
	for p := 0; p < pages; p++ {
		texts := make([]string, revs)
		for r := range texts {
			texts[r] = benchText(p, r)
		}
		title := fmt.Sprintf("Synthetic/Page %d", p)
		titles = append(titles, title)
		mustAddPage(b, dir, title, start.Add(time.Duration(p)*time.Hour), int64(1000*(p+1)), texts...)
	}
	mustAddPage(b, dir, "Template:Admon/note", start.Add(-time.Hour), 1, "<div>{{{1}}}: {{{2}}}</div>")
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "[params.wiki]\npages = [%q, %q]\n", titles[0], titles[1])
	for m := 0; m < 6; m++ {
		fmt.Fprintf(&cfg, "[[params.meetings]]\ndate = %s\ntitle = \"Synthetic meeting %d\"\n",
			start.Add(time.Duration(m*revs/6)*24*time.Hour+12*time.Hour).Format(time.RFC3339), m)
	}
	return mustParseSite(b, cfg.String()), mustOpen(b, dir)
}

// BenchmarkWrite writes content/ from 5 synthetic pages of 50 revisions.
func BenchmarkWrite(b *testing.B) {
	cfg, store := mustBenchArchive(b, 5, 50)
	dir := filepath.Join(b.TempDir(), "content")
	b.ReportAllocs()
	for b.Loop() {
		mustWrite(b, cfg, store, dir)
	}
}
