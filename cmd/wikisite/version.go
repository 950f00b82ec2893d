package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

const versionSynopsis = "version\n\n" +
	"Prints the version of wikisite, the commit it was built from (with the\n" +
	"commit's time, and \"modified\" when the working tree had changes), the Go\n" +
	"toolchain and platform, and the Hugo version it embeds. `wikisite --version`\n" +
	"prints the same line.\n\n" +
	"Exit codes: 0 ok; 2 bad usage."

// hugoModule is the module path whose version the version line reports.
// The version comes from the build information rather than from Hugo's
// own package, so that only sync/site imports Hugo.
const hugoModule = "github.com/gohugoio/hugo"

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	// Not newFlagSet: version reads no configuration or archive, so it
	// takes neither --config nor --archive.
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, "Usage: wikisite %s\n", versionSynopsis) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage{msg: fmt.Sprintf("version: takes no arguments, got %q", fs.Arg(0))}
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(bi, runtime.GOOS+"/"+runtime.GOARCH))
	return nil
}

// versionLine describes a build in one line, e.g.
//
//	wikisite v0.3.0 linux/amd64 commit 1a2b3c4d5e6f (2026-12-03T05:00:00Z, modified) go1.26.8 hugo v0.165.0
//
// What the toolchain did not record is said to be unknown rather than left
// out, so the line always has the same fields in the same order.
func versionLine(bi *debug.BuildInfo, platform string) string {
	if bi == nil {
		return "wikisite (unknown version: built without module support) " + platform + " " + runtime.Version()
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	commit := "commit unknown"
	if rev := settings["vcs.revision"]; rev != "" {
		var about []string
		if t := settings["vcs.time"]; t != "" {
			about = append(about, t)
		}
		if settings["vcs.modified"] == "true" {
			about = append(about, "modified")
		}
		commit = "commit " + shortRevision(rev)
		if len(about) > 0 {
			commit += " (" + strings.Join(about, ", ") + ")"
		}
	}
	hugo := "unknown"
	for _, d := range bi.Deps {
		if d.Path == hugoModule {
			hugo = d.Version
			if d.Replace != nil {
				hugo += " => " + d.Replace.Path + " " + d.Replace.Version
			}
		}
	}
	return fmt.Sprintf("wikisite %s %s %s %s hugo %s", version, platform, commit, bi.GoVersion, hugo)
}

// shortRevision keeps twelve hex digits of a commit, as `go version -m`
// readers and Go's pseudo-versions do; enough to find it in any repository.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
