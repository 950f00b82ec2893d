// Package publish rehearses the publish workflow (.github/workflows/
// publish.yml) locally: it runs scripts/publish-step.sh, the same script the
// workflow runs, in a scratch git repository against a real MediaWiki.
package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wikisite/wikisite/internal/mwtest"
)

// repoRoot is the project root, relative to this package.
const repoRoot = "../.."

// TestPublishRehearsal runs the workflow's step three times: a first run
// syncs, commits and builds; a second run with nothing new costs the wiki
// one request and neither commits nor builds; after an edit on the wiki, a
// third run syncs exactly that revision, commits it with a message naming
// it, and the rebuilt site shows it on the latest page and in the history.
func TestPublishRehearsal(t *testing.T) {
	wiki := mwtest.Start(t)
	wiki.Import(t, filepath.Join(repoRoot, "testdata/fedora-server-personas.xml"))
	bin := mustBuildWikisite(t)
	repo := mustScratchRepo(t, wiki.API)

	// Run 1: the archive is empty, so everything is new.
	out := mustPublishStep(t, repo, bin, wiki.API)
	if out["committed"] != "true" || out["built"] != "true" {
		t.Fatalf("run 1: %v, want committed and built", out)
	}
	if !strings.Contains(out["summary"], "### First sync") || !strings.Contains(out["summary"], "Sync 17 new revisions from the wiki") {
		t.Errorf("run 1 job summary:\n%s", out["summary"])
	}
	msg := mustGit(t, repo, "log", "-1", "--format=%B")
	if !strings.Contains(msg, "Sync 17 new revisions from the wiki") || !strings.Contains(msg, "Server/Personas r") {
		t.Fatalf("run 1 commit message does not list the revisions:\n%s", msg)
	}
	latest := filepath.Join(repo, "public", "wiki", "Server", "Personas", "index.html")
	if b, err := os.ReadFile(latest); err != nil || !strings.Contains(string(b), "Sandra Summers") {
		t.Fatalf("run 1 did not build the latest page: %v", err)
	}

	// Run 2: nothing changed on the wiki.
	head := mustGit(t, repo, "rev-parse", "HEAD")
	before, _ := os.Stat(latest)
	requests := wiki.Requests(t)
	out = mustPublishStep(t, repo, bin, wiki.API)
	if cost := wiki.Requests(t) - requests; cost != 1 {
		t.Errorf("run 2 with nothing new cost %d requests, want 1", cost)
	}
	if out["committed"] != "false" || out["built"] != "false" {
		t.Errorf("run 2: %v, want neither commit nor build", out)
	}
	if out["summary"] != "" {
		t.Errorf("run 2 with nothing new wrote a job summary:\n%s", out["summary"])
	}
	if got := mustGit(t, repo, "rev-parse", "HEAD"); got != head {
		t.Errorf("run 2 committed %s", got)
	}
	if after, _ := os.Stat(latest); !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("run 2 rebuilt the site")
	}

	// An edit on the wiki, then run 3.
	revs := wiki.Revisions(t, "Server/Personas")
	text := wiki.Content(t, revs[len(revs)-1].ID)
	const marker = "Synthetic rehearsal sentence added by the publish test."
	newID := wiki.Edit(t, "Server/Personas", text+"\n\n"+marker+"\n", "rehearsal edit", "Duffy")
	out = mustPublishStep(t, repo, bin, wiki.API)
	if out["committed"] != "true" || out["built"] != "true" {
		t.Fatalf("run 3: %v, want committed and built", out)
	}
	msg = mustGit(t, repo, "log", "-1", "--format=%B")
	wantLine := "Server/Personas r" + itoa(newID) + " by Duffy"
	if !strings.HasPrefix(msg, "Sync 1 new revision from the wiki") || !strings.Contains(msg, wantLine) || !strings.Contains(msg, "rehearsal edit") {
		t.Errorf("run 3 commit message:\n%s\nwant one revision, %q, with its summary", msg, wantLine)
	}
	// The job summary: the personas diff from the revision the archive had,
	// then the commit message's list.
	sum := out["summary"]
	for _, want := range []string{
		"### Server\\/Personas: r" + itoa(revs[len(revs)-1].ID), "→ latest \\(r" + itoa(newID),
		"<ins>", "rehearsal sentence", "Sync 1 new revision from the wiki", wantLine,
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("run 3 job summary lacks %q:\n%s", want, sum)
		}
	}
	files := mustGit(t, repo, "show", "--name-only", "--format=", "HEAD")
	if !strings.Contains(files, itoa(newID)+".wiki") {
		t.Errorf("run 3 commit holds %s, want the new revision's text", files)
	}
	for _, page := range []string{latest, filepath.Join(repo, "public", "history", "Server", "Personas", "index.html")} {
		b, err := os.ReadFile(page)
		if err != nil || !strings.Contains(string(b), "Synthetic rehearsal sentence") {
			t.Errorf("%s does not show the edit (err %v)", strings.TrimPrefix(page, repo), err)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// mustBuildWikisite compiles the command once for the test.
func mustBuildWikisite(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "wikisite")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/wikisite")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// mustScratchRepo makes a git repository holding what the workflow's
// checkout holds: config.toml (pointed at the test wiki), layouts/,
// static/ and an empty archive.
func mustScratchRepo(t *testing.T, api string) string {
	t.Helper()
	repo := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join(repoRoot, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = []byte(strings.Replace(string(cfg), `api = "https://fedoraproject.org/w/api.php"`, `api = "`+api+`"`, 1))
	if err := os.WriteFile(filepath.Join(repo, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"layouts", "static"} {
		if out, err := exec.Command("cp", "-r", filepath.Join(repoRoot, dir), filepath.Join(repo, dir)).CombinedOutput(); err != nil {
			t.Fatalf("copy %s: %v\n%s", dir, err, out)
		}
	}
	// The workflow runs `npm ci` in its checkout for Pagefind, which the
	// build needs under CI=true; the scratch repository shares ours.
	modules, err := filepath.Abs(filepath.Join(repoRoot, "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(modules); err == nil {
		if err := os.Symlink(modules, filepath.Join(repo, "node_modules")); err != nil {
			t.Fatal(err)
		}
	} else if os.Getenv("CI") == "true" {
		t.Fatalf("%v: run `npm ci` at the repository root (make deps does)", err)
	}
	os.WriteFile(filepath.Join(repo, ".gitignore"), []byte("/public/\n/node_modules\n"), 0o644)
	mustGit(t, repo, "init", "-q")
	mustGit(t, repo, "add", ".")
	mustGit(t, repo, "commit", "-q", "-m", "scratch repository for the publish rehearsal")
	return repo
}

// mustPublishStep runs scripts/publish-step.sh as the workflow does and
// returns the outputs it wrote to GITHUB_OUTPUT, and under "summary" what
// it wrote to GITHUB_STEP_SUMMARY.
func mustPublishStep(t *testing.T, repo, bin, api string) map[string]string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join(repoRoot, "scripts", "publish-step.sh"))
	if err != nil {
		t.Fatal(err)
	}
	outputs := filepath.Join(t.TempDir(), "github-output")
	summary := filepath.Join(t.TempDir(), "step-summary")
	cmd := exec.Command("bash", script)
	cmd.Dir = repo
	cmd.Env = append(gitEnv(os.Environ()),
		"WIKISITE="+bin,
		"WIKISITE_ARGS=--api "+api,
		"FORCE_BUILD=false",
		"GITHUB_OUTPUT="+outputs,
		"GITHUB_STEP_SUMMARY="+summary,
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("publish-step.sh: %v\n%s", err, out)
	}
	data, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	if b, err := os.ReadFile(summary); err == nil {
		got["summary"] = string(b)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			got[k] = v
		}
	}
	return got
}

func mustGit(t *testing.T, repo string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = repo
	cmd.Env = gitEnv(os.Environ())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// gitEnv gives git the bot identity the workflow uses, independent of the
// machine's git configuration.
func gitEnv(env []string) []string {
	return append(env,
		"GIT_AUTHOR_NAME=wikisite-bot", "GIT_AUTHOR_EMAIL=bot@wikisite.invalid",
		"GIT_COMMITTER_NAME=wikisite-bot", "GIT_COMMITTER_EMAIL=bot@wikisite.invalid",
		"GIT_CONFIG_NOSYSTEM=1",
	)
}
