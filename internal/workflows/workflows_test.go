// Package workflows checks the GitHub Actions workflows under .github/ with
// actionlint, so a broken workflow fails the test suite rather than the
// first scheduled run on GitHub.
package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

func TestWorkflowsPassActionlint(t *testing.T) {
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found workflows %v, want at least ci.yml and publish.yml", files)
	}
	var out bytes.Buffer
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s", e.Error())
	}
}

// TestPublishWorkflowShape pins what the publishing promise rests on: an
// hourly schedule, a manual trigger, one run at a time, and deploy-pages.
func TestPublishWorkflowShape(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/publish.yml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"schedule:", "workflow_dispatch:", "concurrency:", "actions/deploy-pages@",
		"actions/configure-pages@", "actions/upload-pages-artifact@", "scripts/publish-step.sh",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("publish.yml lacks %q", want)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if uses, ok := strings.CutPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- ")), "uses: "); ok {
			if !strings.Contains(uses, "@v") {
				t.Errorf("action %q is not pinned to a version", uses)
			}
		}
	}
}
