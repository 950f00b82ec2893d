package bench

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
)

// sample is one measured run of one contender.
type sample struct {
	wall     time.Duration
	requests int   // answered by the wiki during the run
	bytes    int64 // size of what the run left on disk
	rssKB    int64 // peak resident set of the client process tree
}

// proc is a finished client process.
type proc struct {
	wall   time.Duration
	rssKB  int64
	stdout string
}

// mustRun runs a client as a subprocess in dir under GNU time and returns
// its wall time and peak RSS. The RSS comes from time, not from our own
// wait4: Linux charges a child that Go starts (vfork, then exec) with the
// parent's RSS at exec, so every client would look as big as the test
// process. time is small, and its wait4 covers the child and the
// processes it waited for (git's perl remote helper, for example).
func mustRun(tb testing.TB, dir string, name string, args ...string) proc {
	tb.Helper()
	cmd, rssFile := timed(tb, dir, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		tb.Fatalf("%s %q: %v\nstdout: %s\nstderr: %s", name, args, err, stdout.Bytes(), stderr.Bytes())
	}
	return proc{wall: wall, rssKB: mustReadRSS(tb, rssFile), stdout: stdout.String()}
}

// timed makes the command that runs name under /usr/bin/time, which
// writes the peak RSS in KB to the returned file.
func timed(tb testing.TB, dir, name string, args ...string) (*exec.Cmd, string) {
	tb.Helper()
	f, err := os.CreateTemp("", "wikisite-bench-rss-")
	if err != nil {
		tb.Fatal(err)
	}
	f.Close()
	tb.Cleanup(func() { os.Remove(f.Name()) })
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", f.Name(), name}, args...)...)
	cmd.Dir = dir
	return cmd, f.Name()
}

func mustReadRSS(tb testing.TB, file string) int64 {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	kb, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		tb.Fatalf("peak RSS from /usr/bin/time: %q: %v", b, err)
	}
	return kb
}

// measure runs one client run between two reads of the wiki's request
// count; written is the folder whose size counts as bytes written.
func measure(tb testing.TB, w *mwtest.Wiki, written string, run func() proc) sample {
	tb.Helper()
	before := w.Requests(tb)
	p := run()
	s := sample{wall: p.wall, rssKB: p.rssKB, requests: w.Requests(tb) - before}
	if written != "" {
		s.bytes = mustDirSize(tb, written)
	}
	return s
}

// mustDirSize sums the sizes of the regular files under dir.
func mustDirSize(tb testing.TB, dir string) int64 {
	tb.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatalf("size of %s: %v", dir, err)
	}
	return n
}

// stats is the median and range of one measure over the runs.
type stats[T int | int64 | time.Duration] struct{ med, min, max T }

func summarize[T int | int64 | time.Duration](xs []T) stats[T] {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return stats[T]{med: med, min: s[0], max: s[n-1]}
}

// result is every run of one contender.
type result struct {
	key     string // how the report finds it
	name    string
	note    string // one line shown under the table
	samples []sample
}

func (r result) wall() stats[time.Duration] {
	return summarize(collect(r.samples, func(s sample) time.Duration { return s.wall }))
}
func (r result) requests() stats[int] {
	return summarize(collect(r.samples, func(s sample) int { return s.requests }))
}
func (r result) bytes() stats[int64] {
	return summarize(collect(r.samples, func(s sample) int64 { return s.bytes }))
}
func (r result) rss() stats[int64] {
	return summarize(collect(r.samples, func(s sample) int64 { return s.rssKB }))
}

func collect[T any](ss []sample, f func(sample) T) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		in   []int
		want stats[int]
	}{
		{[]int{5}, stats[int]{5, 5, 5}},
		{[]int{9, 1, 5}, stats[int]{5, 1, 9}},
		{[]int{4, 1, 3, 10}, stats[int]{3, 1, 10}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			if got := summarize(tt.in); got != tt.want {
				t.Errorf("summarize(%v) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}
