package normalize

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
	"github.com/wikisite/wikisite/sync/personas"
)

// TestDocumentCompares: each case of testdata/documents is a made-up page
// (its revisions), made-up meetings and, written by hand, every compare
// page its use cases must get. The pages exist exactly there, each shows
// a difference, and the entity pages' and the index's tables link them
// and send every other pair to the document's own unchanged page. The
// compare files themselves are the golden outputs (go test -update).
func TestDocumentCompares(t *testing.T) {
	const title, root = "Synthetic/Requirements", "/use-cases/compare/"
	rule := personas.Rule{Heading: regexp.MustCompile(`^Use case (\d+): (.*)$`), Level: 2}
	golden.Run(t, "testdata/documents/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		dir := mustCopyArchive(t)
		var revs []string
		for _, f := range ar.Files {
			if strings.HasPrefix(f.Name, "rev") {
				revs = append(revs, string(f.Data))
			}
		}
		mustAddPage(t, dir, title, time.Date(2014, 3, 1, 12, 0, 0, 0, time.UTC), 900000, revs...)
		cfg := mustConfig(t)
		cfg.Pages = append(cfg.Pages, title)
		cfg.Meetings = nil
		for _, line := range strings.Fields(golden.Section(ar, "meetings")) {
			at, err := time.Parse(time.RFC3339, line)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Meetings = append(cfg.Meetings, Meeting{Date: at, Title: "Synthetic meeting " + line})
		}
		cfg.Documents = []Document{{Page: title, Section: "use-cases", Rule: rule}}
		tree := readTree(t, writeTo(t, cfg, mustOpen(t, dir)))

		want := map[string]bool{}
		for _, line := range strings.Fields(golden.Section(ar, "want")) {
			want[root+line] = true
		}
		got := map[string]bool{}
		out := map[string]string{}
		for name, file := range tree {
			if !strings.HasPrefix(name, "use-cases/compare/") {
				continue
			}
			out[name] = file
			d := mustParse(t, name, file)
			if d.fm["type"] != "compare" || get(t, d.fm, "params", "none") == true {
				continue
			}
			url := d.fm["url"].(string)
			got[url] = true
			html, _ := get(t, d.fm, "params", "html").(string)
			if html == "" && table(t, d.fm, "params", "fields") == nil {
				t.Errorf("%s shows no difference", url)
			}
			if html != "" && !strings.Contains(html, "<ins>") && !strings.Contains(html, "<del>") {
				t.Errorf("%s: its diff marks nothing added or removed:\n%s", url, html)
			}
		}
		if diff := cmp.Diff(sortedKeys(want), sortedKeys(got)); diff != "" {
			t.Errorf("compare pages (-want +got):\n%s", diff)
		}

		// The tables: the index's for the whole document (params.table),
		// each entity's for itself (params.compare).
		tables := map[string]string{"use-cases/compare/_index.md": ""}
		for name := range tree {
			if slug, ok := strings.CutSuffix(strings.TrimPrefix(name, "use-cases/"), ".md"); ok && !strings.Contains(slug, "/") && slug != "_index" {
				tables[name] = slug + "/"
			}
		}
		linked := map[string]bool{}
		for name, suffix := range tables {
			d, key := mustDoc(t, tree, name), "compare"
			if suffix == "" {
				key = "table"
			}
			rows := table(t, d.fm, "params", key, "rows")
			if len(rows) == 0 {
				t.Errorf("%s has no compare table", name)
			}
			for _, row := range rows {
				for _, c := range row["cells"].([]map[string]any) {
					url, _ := c["url"].(string)
					pair := root + row["from"].(string) + "/" + c["to"].(string) + "/" + suffix
					switch {
					case c["absent"] == true:
						if want[pair] {
							t.Errorf("%s: the cell for %s is absent", name, pair)
						}
					case want[pair]:
						if url != pair || c["same"] == true {
							t.Errorf("%s: the cell for %s links %q (same %v)", name, pair, url, c["same"])
						}
						linked[pair] = true
					case url != root+"unchanged/" || c["same"] != true:
						t.Errorf("%s: the cell for %s, which has no page, links %q (same %v), want %sunchanged/", name, pair, url, c["same"], root)
					}
				}
			}
		}
		for url := range want {
			if !linked[url] {
				t.Errorf("no table links %s", url)
			}
		}
		out["files"] = strings.Join(sortedKeys(out), "\n")
		return out
	})
}
