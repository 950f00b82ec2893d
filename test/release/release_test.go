// Package release rehearses the release workflow (.github/workflows/
// release.yml) locally: it runs scripts/release-build.sh, the script the
// workflow runs, and checks every file it makes — name, checksum, executable
// format and architecture, and the build settings a release promises
// (-trimpath, no cgo).
//
// The normal suite builds a one-line program for all six targets: that
// exercises the whole script for seconds of CPU. Building wikisite itself
// compiles Hugo once per target (minutes each on 2 cores), so that runs only
// with -release (`make release-rehearsal`).
package release

import (
	"bufio"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var fullRelease = flag.Bool("release", false, "build wikisite itself for every release target (slow: Hugo compiles once per target)")

// repoRoot is the project root, relative to this package.
const repoRoot = "../.."

var targets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}

// TestTargetList pins the targets the README promises.
func TestTargetList(t *testing.T) {
	out, err := exec.Command(script(t), "--list").Output()
	if err != nil {
		t.Fatalf("release-build.sh --list: %v", err)
	}
	if got := strings.Fields(string(out)); !slices.Equal(got, targets) {
		t.Errorf("release-build.sh --list = %v, want %v", got, targets)
	}
}

// TestRehearsal builds a tiny program for every target.
func TestRehearsal(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "go.mod"), "module example.com/tiny\n\ngo 1.26\n")
	mustWrite(t, filepath.Join(dir, "main.go"), "package main\n\nfunc main() { println(\"tiny\") }\n")
	dist := filepath.Join(dir, "dist")
	mustRelease(t, dir, []string{"VERSION=v0.0.0-rehearsal", "DIST=" + dist, "PACKAGE=."})
	mustCheckDist(t, dist, "v0.0.0-rehearsal", "example.com/tiny")
}

// TestFullRelease is the workflow's build job, run here: wikisite for every
// target, then the native binary's version line.
func TestFullRelease(t *testing.T) {
	if !*fullRelease {
		t.Skip("builds Hugo six times; run with -release (make release-rehearsal)")
	}
	dist := filepath.Join(t.TempDir(), "dist")
	mustRelease(t, repoRoot, []string{"VERSION=v0.0.0-rehearsal", "DIST=" + dist})
	mustCheckDist(t, dist, "v0.0.0-rehearsal", "github.com/wikisite/wikisite/cmd/wikisite")
	native := filepath.Join(dist, binaryName("v0.0.0-rehearsal", runtime.GOOS, runtime.GOARCH))
	out, err := exec.Command(native, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", native, err, out)
	}
	if !strings.Contains(string(out), " hugo v0.165.0") || !strings.HasPrefix(string(out), "wikisite ") {
		t.Errorf("%s --version = %q, want wikisite's line naming hugo v0.165.0", native, out)
	}
	t.Logf("%s", out)
}

// TestBadInput: the script refuses what it cannot build, naming it.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"unknown target", []string{"TARGETS=plan9/amd64", "VERSION=v1"}, nil, "unknown target plan9/amd64"},
		{"version with a slash", []string{"VERSION=feature/x"}, nil, `VERSION="feature/x" cannot be part of a file name`},
		{"unknown argument", nil, []string{"--all"}, "unknown argument --all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(script(t), tt.args...)
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), append(tt.env, "DIST="+filepath.Join(cmd.Dir, "dist"))...)
			out, err := cmd.CombinedOutput()
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 {
				t.Fatalf("exit %v, want 2\n%s", err, out)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("output %q lacks %q", out, tt.want)
			}
		})
	}
}

func script(tb testing.TB) string {
	tb.Helper()
	path, err := filepath.Abs(filepath.Join(repoRoot, "scripts", "release-build.sh"))
	if err != nil {
		tb.Fatal(err)
	}
	return path
}

func mustRelease(tb testing.TB, dir string, env []string) {
	tb.Helper()
	cmd := exec.Command(script(tb))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("release-build.sh: %v\n%s", err, out)
	}
}

func binaryName(version, goos, goarch string) string {
	name := fmt.Sprintf("wikisite_%s_%s_%s", version, goos, goarch)
	if goos == "windows" {
		name += ".exe"
	}
	return name
}

// mustCheckDist checks that dist holds exactly one binary per target plus
// SHA256SUMS, that every checksum matches, and that every binary is an
// executable for its target built as a release must be.
func mustCheckDist(tb testing.TB, dist, version, mainPath string) {
	tb.Helper()
	sums := mustChecksums(tb, filepath.Join(dist, "SHA256SUMS"))
	var want []string
	for _, target := range targets {
		goos, goarch, _ := strings.Cut(target, "/")
		name := binaryName(version, goos, goarch)
		want = append(want, name)
		path := filepath.Join(dist, name)
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Errorf("%s: %v", target, err)
			continue
		}
		if sum := sha256.Sum256(data); sums[name] != hex.EncodeToString(sum[:]) {
			tb.Errorf("%s: SHA256SUMS says %q, the file hashes to %x", name, sums[name], sum)
		}
		if err := checkExecutable(path, goos, goarch); err != nil {
			tb.Errorf("%s: %v", name, err)
		}
		if err := checkBuildSettings(path, goos, goarch, mainPath); err != nil {
			tb.Errorf("%s: %v", name, err)
		}
	}
	entries, err := os.ReadDir(dist)
	if err != nil {
		tb.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want = append(want, "SHA256SUMS")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		tb.Errorf("dist holds %v, want %v", got, want)
	}
	if len(sums) != len(targets) {
		tb.Errorf("SHA256SUMS has %d lines, want %d", len(sums), len(targets))
	}
}

// mustChecksums reads a sha256sum file: "HEX  NAME" per line.
func mustChecksums(tb testing.TB, path string) map[string]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			tb.Fatalf("%s: line %q is not \"SHA256  NAME\"", path, sc.Text())
		}
		sums[name] = sum
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return sums
}

// checkExecutable reads the file's header with the format its OS loads.
func checkExecutable(path, goos, goarch string) error {
	switch goos {
	case "linux":
		f, err := elf.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		want := map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[goarch]
		if f.Type != elf.ET_EXEC || f.Machine != want {
			return fmt.Errorf("ELF %v for %v, want an executable for %v", f.Type, f.Machine, want)
		}
	case "darwin":
		f, err := macho.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		want := map[string]macho.Cpu{"amd64": macho.CpuAmd64, "arm64": macho.CpuArm64}[goarch]
		if f.Type != macho.TypeExec || f.Cpu != want {
			return fmt.Errorf("Mach-O %v for %v, want an executable for %v", f.Type, f.Cpu, want)
		}
	case "windows":
		f, err := pe.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		want := map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "arm64": pe.IMAGE_FILE_MACHINE_ARM64}[goarch]
		if f.Machine != want || f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 {
			return fmt.Errorf("PE machine %#x characteristics %#x, want an executable for %#x", f.Machine, f.Characteristics, want)
		}
	default:
		return fmt.Errorf("no check for %s", goos)
	}
	return nil
}

// checkBuildSettings reads the build information the Go linker embeds (the
// same that `wikisite version` prints) and checks the release settings.
func checkBuildSettings(path, goos, goarch, mainPath string) error {
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return err
	}
	if bi.Path != mainPath {
		return fmt.Errorf("main package %s, want %s", bi.Path, mainPath)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	for key, want := range map[string]string{"-trimpath": "true", "CGO_ENABLED": "0", "GOOS": goos, "GOARCH": goarch} {
		if settings[key] != want {
			return fmt.Errorf("built with %s=%q, want %q", key, settings[key], want)
		}
	}
	return nil
}

func mustWrite(tb testing.TB, path, text string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}
