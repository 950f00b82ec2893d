package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mainEnv makes the test binary run wikisite itself (see TestMain), so a
// test can start it as a process of its own and kill it.
const mainEnv = "WIKISITE_TEST_RUN_MAIN"

// TestKilledBuildLeavesNothing kills a build with SIGKILL while it writes
// its staging folder, then builds again: the second build removes the
// debris, and the clone's `git status` shows nothing.
func TestKilledBuildLeavesNothing(t *testing.T) {
	dir := mustClone(t)
	// Synthetic static files (32 MB, the size of the debris reported)
	// make the copy into the staging folder last long enough to be caught.
	chunk := []byte(strings.Repeat("synthetic static file\n", 372))
	for i := range 4000 {
		path := filepath.Join(dir, "static", "synthetic", fmt.Sprintf("%02d", i%40), fmt.Sprintf("%d.txt", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, chunk, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := exec.Command("git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "static")
	git.Dir = dir
	if err := exec.Command("git", "-C", dir, "add", "-A").Run(); err != nil {
		t.Fatal(err)
	}
	if out, err := git.CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v: %s", err, out)
	}
	args := []string{"build", "--config", filepath.Join(dir, "config.toml"), "--archive", filepath.Join(dir, "archive"),
		"--content", filepath.Join(dir, "content"), "--destination", filepath.Join(dir, "public")}
	args = append(args, pagefindFlag(t)...)

	build := exec.Command(os.Args[0], args...)
	build.Env = append(os.Environ(), mainEnv+"=1")
	var buildOut strings.Builder
	build.Stdout, build.Stderr = &buildOut, &buildOut
	if err := build.Start(); err != nil {
		t.Fatal(err)
	}
	pattern := filepath.Join(dir, fmt.Sprintf(".public.build-p%d-*", build.Process.Pid), "synthetic")
	exited := make(chan error, 1)
	go func() { exited <- build.Wait() }()
	var caught bool
	for !caught {
		select {
		case err := <-exited:
			t.Fatalf("the build ended (%v: %s) before its staging folder was seen: make the synthetic static folder larger", err, buildOut.String())
		default:
		}
		m, _ := filepath.Glob(pattern)
		caught = len(m) > 0
		if !caught {
			time.Sleep(time.Millisecond)
		}
	}
	if err := build.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	debris, _ := filepath.Glob(filepath.Join(dir, ".public.build-*"))
	if len(debris) == 0 {
		t.Fatal("the killed build left no staging folder: the test did not kill it mid-build")
	}

	if code, _, errOut := mustRun(t, args...); code != exitOK {
		t.Fatalf("build after the kill: exit %d: %s", code, errOut)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.build-*")); len(left) != 0 {
		t.Errorf("the next build left %q behind", left)
	}
	if st := gitStatus(t, dir); st != "" {
		t.Errorf("git status after the builds:\n%s", st)
	}
}
