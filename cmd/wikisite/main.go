// Command wikisite mirrors chosen pages of a MediaWiki wiki, keeps every
// revision in a committed archive, and builds a static site that shows how
// the pages changed between the meetings of the group that edits them.
//
// Usage:
//
//	wikisite <command> [flags]
//
// Commands: sync, import, status, build, serve, diff, version. Run
// "wikisite <command> -h" for a command's flags; "wikisite --version" is
// "wikisite version".
//
// Exit codes: 0 success; 1 error; 2 bad usage; 3 status: the wiki has
// revisions that the archive lacks, diff --exit-code: the versions differ.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit codes, documented in the package doc and in usage.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitPending = 3 // status: new revisions wait; diff --exit-code: the versions differ
)

func main() {
	limitMemory(os.Getenv, os.Setenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand: its name, one line of help, and its body.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"sync", "fetch the configured pages' new revisions from the wiki into the archive", runSync},
		{"import", "load a MediaWiki XML export into the archive", runImport},
		{"status", "tell whether the wiki has revisions the archive lacks (exit 3 if so)", runStatus},
		{"build", "turn the archive into content/ and build the site into public/", runBuild},
		{"serve", "build, then preview the site on 127.0.0.1 with live reload", runServe},
		{"diff", "show what changed in the personas between two versions (meetings, latest, revisions)", runDiff},
		{"version", "print the version, commit, Go and Hugo versions of this binary", runVersion},
	}
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		return report(stderr, err)
	}
	fmt.Fprintf(stderr, "wikisite: unknown command %q\nhint: run `wikisite --help` for the list\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "wikisite mirrors wiki pages with every revision and builds a versioned static site.")
	fmt.Fprintln(w, "\nUsage: wikisite <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `wikisite <command> -h` for a command's flags, `wikisite --version` for the version.")
	fmt.Fprintln(w, "\nExit codes: 0 ok; 1 error; 2 bad usage; 3 status: the wiki has new revisions, diff --exit-code: the versions differ.")
}

// report prints err as one "wikisite:" line plus any hints, and maps it to
// an exit code.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var pending errPending
	var differs errDiffers
	if errors.As(err, &pending) || errors.As(err, &differs) {
		return exitPending
	}
	var usageErr errUsage
	if errors.As(err, &usageErr) {
		if usageErr.msg != "" {
			fmt.Fprintf(stderr, "wikisite: %s\n", usageErr.msg)
		}
		return exitUsage
	}
	if errors.Is(err, errHelp) {
		return exitOK
	}
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	fmt.Fprintf(stderr, "wikisite: %s\n", msg)
	var lib interface{ Hint() string } // a library's own hint
	if errors.As(err, &lib) {
		fmt.Fprintf(stderr, "hint: %s\n", lib.Hint())
	}
	var h hinted
	if errors.As(err, &h) {
		for _, line := range h.hints {
			fmt.Fprintf(stderr, "hint: %s\n", line)
		}
	}
	return exitError
}

// hinted is an error with lines that tell the user how to fix it.
type hinted struct {
	err   error
	hints []string
}

func (h hinted) Error() string { return h.err.Error() }
func (h hinted) Unwrap() error { return h.err }

// withHint attaches fix-it lines to err.
func withHint(err error, hints ...string) error {
	if err == nil {
		return nil
	}
	return hinted{err: err, hints: hints}
}

// errPending is status's way of saying "new revisions wait": not a failure,
// but a distinct exit code for scripts.
type errPending struct{}

func (errPending) Error() string { return "the wiki has revisions the archive lacks" }

// errDiffers is diff --exit-code's way of saying the versions differ.
type errDiffers struct{}

func (errDiffers) Error() string { return "the versions differ" }

// errUsage is a flag or argument error; the flag package already printed
// the details, so msg may be empty.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

var errHelp = errors.New("help requested")
