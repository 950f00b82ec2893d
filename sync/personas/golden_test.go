package personas

import (
	"encoding/json"
	"regexp"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

// TestGolden splits each testdata/golden/*.txtar's "in.wiki" (synthetic
// pages in the shapes the real one uses) and compares the Document, as
// indented JSON, with its "document.json"; -update rewrites it.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		src := golden.Section(ar, "in.wiki")
		doc, ok := Split(src)
		mustCover(t, src, doc)
		return map[string]string{"document.json": golden.JSON(t, struct {
			Split bool
			Document
		}{ok, doc})}
	})
}

// TestGoldenRules splits each testdata/rules/*.txtar's "in.wiki" (a
// made-up document that is not a personas page) by the Rule in its
// "rule.json" and compares the Document with its "document.json".
func TestGoldenRules(t *testing.T) {
	golden.Run(t, "testdata/rules/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		var spec struct {
			Heading   string
			Level     int
			NoProfile bool
		}
		if err := json.Unmarshal([]byte(golden.Section(ar, "rule.json")), &spec); err != nil {
			t.Fatalf("rule.json: %v", err)
		}
		r := Rule{Level: spec.Level, NoProfile: spec.NoProfile}
		if spec.Heading != "" {
			r.Heading = regexp.MustCompile(spec.Heading)
		}
		src := golden.Section(ar, "in.wiki")
		doc, ok := SplitRule(src, r)
		mustCover(t, src, doc)
		return map[string]string{"document.json": golden.JSON(t, struct {
			Split bool
			Document
		}{ok, doc})}
	})
}
