// Package workflows checks the GitHub Actions workflows under .github/ with
// actionlint, so a broken workflow fails the test suite rather than the
// first scheduled run on GitHub.
package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

func TestWorkflowsPassActionlint(t *testing.T) {
	files, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found workflows %v, want at least ci.yml, publish.yml and release.yml", files)
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

// TestReleaseWorkflowShape pins what a release's safety rests on: it runs
// on version tags only, builds with the script the local rehearsal runs,
// gives no job more than it needs (only the job that creates the release
// may write), and pins every action to a full commit hash.
func TestReleaseWorkflowShape(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/release.yml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"tags: [\"v*\"]", "\npermissions: {}\n", "run: scripts/release-build.sh",
		"sha256sum -c SHA256SUMS", "gh release create",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("release.yml lacks %q", want)
		}
	}
	if n := strings.Count(text, "contents: write"); n != 1 {
		t.Errorf("release.yml grants contents: write %d times, want once (the release job)", n)
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v[0-9.]+$`)
	uses := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		if ref, ok := strings.CutPrefix(line, "uses: "); ok {
			uses++
			if !pinned.MatchString(ref) {
				t.Errorf("action %q is not pinned to a commit hash with its tag in a comment", ref)
			}
		}
	}
	if uses == 0 {
		t.Error("release.yml uses no actions: the check above checked nothing")
	}
}
