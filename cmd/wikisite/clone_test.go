package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/wikisite/wikisite/sync/site"
)

// cloneParts are the paths of the repository that a build reads and
// writes: a copy of them is a clean clone as far as wikisite can tell.
var cloneParts = []string{".gitignore", "config.toml", "layouts", "static", "archive", "content"}

// cloneProject copies the repository's project files into dir and commits
// them to a fresh git repository there, so `git status` shows whatever a
// command then changes.
func cloneProject(dir string) error {
	out, err := exec.Command("git", append([]string{"-C", "../..", "ls-files", "-z", "--"}, cloneParts...)...).Output()
	if err != nil {
		return err
	}
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join("../..", rel))
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=wikisite test", "-c", "user.email=test@example.invalid", "commit", "-qm", "clone"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return &gitError{args: args, out: out, err: err}
		}
	}
	return nil
}

type gitError struct {
	args []string
	out  []byte
	err  error
}

func (e *gitError) Error() string {
	return "git " + strings.Join(e.args, " ") + ": " + e.err.Error() + ": " + string(bytes.TrimSpace(e.out))
}

func mustClone(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := cloneProject(dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// cmdClone is the script command "clone": the repository's project files
// in $WORK, committed, so a script can check `git status` afterwards.
func cmdClone(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: clone")
	}
	if err := cloneProject(ts.MkAbs(".")); err != nil {
		ts.Fatalf("clone: %v", err)
	}
}

// gitStatus is `git status --porcelain --untracked-files=all` in dir.
func gitStatus(tb testing.TB, dir string) string {
	tb.Helper()
	cmd := exec.Command("git", "status", "--porcelain", "--untracked-files=all")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		tb.Fatal(err)
	}
	return string(out)
}

// pagefindFlag points a build of a copied project at the repository's own
// Pagefind (`npm ci` installs it beside config.toml, which a copy lacks).
// Without one it builds without search, except under CI=true, where
// search is required and its absence is a failure.
func pagefindFlag(tb testing.TB) []string {
	tb.Helper()
	bin, err := site.FindPagefind("../..")
	if err == nil {
		return []string{"--pagefind", bin}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%v: run `npm ci` at the repository root", err)
	}
	return []string{"--pagefind", "off"}
}
