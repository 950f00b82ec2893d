package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run wikisite in-process: testscript re-executes
// the test binary as the wikisite command.
func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"wikisite": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the CLI's behaviour as a user
// sees it (exit codes, output, files).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:   "testdata/script",
		Setup: setBinDir,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  cmdExitCode,
			"treehash":  cmdTreeHash,
			"clone":     cmdClone,
			"faultwiki": cmdFaultWiki,
		},
	})
}

// setBinDir sets $BINDIR to the folder on PATH that holds the wikisite
// command, so that a script can set PATH=$BINDIR: wikisite, and no other
// program (such as a Pagefind) to be found.
func setBinDir(env *testscript.Env) error {
	for _, kv := range env.Vars {
		if path, ok := strings.CutPrefix(kv, "PATH="); ok {
			for _, dir := range filepath.SplitList(path) {
				if _, err := os.Stat(filepath.Join(dir, "wikisite")); err == nil {
					env.Setenv("BINDIR", dir)
					return nil
				}
			}
		}
	}
	return errors.New("no folder on PATH holds the wikisite command")
}

// cmdExitCode runs "exitcode N program args..." and fails unless the
// program exits with N; its output is then checked like exec's.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

// cmdTreeHash prints a hash of a folder's whole content, so a script can
// check that a command left it unchanged.
func cmdTreeHash(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: treehash DIR")
	}
	sum, err := treeHash(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("treehash: %v", err)
	}
	ts.Stdout().Write([]byte(sum + "\n"))
}
