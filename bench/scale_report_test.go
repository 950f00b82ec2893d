package bench

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The targets for every size.
const (
	rssTarget  = 600e6 // bytes of peak RSS
	hugoFactor = 2.0   // wide sites: build wall ÷ plain Hugo's on as many pages
)

func mustWriteScale(tb testing.TB, repo, report string, publish bool) {
	tb.Helper()
	mustWriteResults(tb, repo, "scale", report, publish)
}

func renderScale(m machine, long, wide []scaleRun) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Measured %s on %d cores, %s memory; load average %s before, %s after; %s.\n\n",
		m.date.Format("2006-01-02 15:04 UTC"), m.cores, m.memory, m.loadBefore, m.loadAfter, runtime.Version())
	s.WriteString("| Archive | Wikitext | `wikisite build` wall | Peak RSS | Hugo pages built | Files in public/ | Largest file | Files > 2 MB | Plain Hugo, as many pages: wall | its peak RSS | build ÷ Hugo |\n")
	s.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range append(append([]scaleRun{}, long...), wide...) {
		name := fmt.Sprintf("%d page%s × %d revisions", r.pages, plural(r.pages), r.revs)
		if r.skipped != "" {
			fmt.Fprintf(&s, "| %s | %s | | | | | | | | | |\n", name, r.skipped)
			continue
		}
		fmt.Fprintf(&s, "| %s | %s | %s | %s | %d | %d | %s `%s` | %d | %s | %s | %.2f |\n", name,
			megabytes(r.textBytes), seconds(r.build.wall), megabytes(r.build.rssKB*1000), r.hugoPages, r.files,
			megabytes(r.largest), r.largestPath, r.over, seconds(r.hugo.wall), megabytes(r.hugo.rssKB*1000),
			ratio(r.build.wall.Seconds(), r.hugo.wall.Seconds()))
	}
	s.WriteString("\n| Series | Slope | Linear? |\n|---|---|---|\n")
	slope, linear := slopes(long, func(r scaleRun) int { return r.revs })
	fmt.Fprintf(&s, "| 1 page, seconds per 1k revisions | %s | %s |\n", slope, linear)
	slope, linear = slopes(wide, func(r scaleRun) int { return r.pages })
	fmt.Fprintf(&s, "| %d revisions a page, seconds per 1k pages | %s | %s |\n", wideRevs, slope, linear)
	s.WriteString("\n| Target | Met |\n|---|---|\n")
	for _, row := range scaleTargets(long, wide) {
		fmt.Fprintf(&s, "| %s | %s |\n", row[0], row[1])
	}
	return s.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// slopes is the build's seconds per 1,000 units between consecutive sizes
// that ran, and whether the last step's slope stays within 1.5× the
// first's: a steady slope is linear growth plus a fixed start-up cost.
func slopes(rs []scaleRun, size func(scaleRun) int) (string, string) {
	var ran []scaleRun
	for _, r := range rs {
		if r.skipped == "" {
			ran = append(ran, r)
		}
	}
	if len(ran) < 2 {
		return "fewer than two sizes ran", "—"
	}
	var parts []string
	var steps []float64
	for i := 1; i < len(ran); i++ {
		a, b := ran[i-1], ran[i]
		k := float64(size(b)-size(a)) / 1000
		steps = append(steps, (b.build.wall-a.build.wall).Seconds()/k)
		parts = append(parts, fmt.Sprintf("%.2f s (%d→%d)", steps[len(steps)-1], size(a), size(b)))
	}
	if len(steps) < 2 {
		return strings.Join(parts, ", "), "one step: a slope, not a test of linearity"
	}
	growth := steps[len(steps)-1] / steps[0]
	verdict := fmt.Sprintf("yes: last step's slope %.2f× the first's", growth)
	if growth > 1.5 {
		verdict = fmt.Sprintf("**no**: last step's slope %.2f× the first's", growth)
	}
	return strings.Join(parts, ", "), verdict
}

// scaleTargets are the targets as met or missed over the sizes
// that ran.
func scaleTargets(long, wide []scaleRun) [][2]string {
	met := func(ok bool, miss []string) string {
		if ok {
			return "yes"
		}
		return "**no**: " + strings.Join(miss, "; ")
	}
	var rssMiss, fileMiss, hugoMiss []string
	name := func(r scaleRun) string { return fmt.Sprintf("%d × %d", r.pages, r.revs) }
	for _, r := range append(append([]scaleRun{}, long...), wide...) {
		if r.skipped != "" {
			continue
		}
		if float64(r.build.rssKB*1000) > rssTarget {
			rssMiss = append(rssMiss, fmt.Sprintf("%s at %s", name(r), megabytes(r.build.rssKB*1000)))
		}
		if r.over > 0 {
			fileMiss = append(fileMiss, fmt.Sprintf("%s: %d files, largest %s `%s`", name(r), r.over, megabytes(r.largest), r.largestPath))
		}
	}
	for _, r := range wide {
		if r.skipped == "" && ratio(r.build.wall.Seconds(), r.hugo.wall.Seconds()) > hugoFactor {
			hugoMiss = append(hugoMiss, fmt.Sprintf("%s at %.2f×", name(r), ratio(r.build.wall.Seconds(), r.hugo.wall.Seconds())))
		}
	}
	return [][2]string{
		{"peak RSS ≤ 600 MB at every size", met(len(rssMiss) == 0, rssMiss)},
		{"no output file over 2 MB", met(len(fileMiss) == 0, fileMiss)},
		{"wide sites within 2× plain Hugo on as many pages", met(len(hugoMiss) == 0, hugoMiss)},
	}
}

func TestSlopes(t *testing.T) {
	run := func(revs int, wall time.Duration) scaleRun {
		return scaleRun{pages: 1, revs: revs, build: proc{wall: wall}}
	}
	revs := func(r scaleRun) int { return r.revs }
	tests := []struct {
		name      string
		in        []scaleRun
		slope, ok string
	}{
		{"linear", []scaleRun{run(1000, 12*time.Second), run(5000, 52*time.Second), run(10000, 102*time.Second)},
			"10.00 s (1000→5000), 10.00 s (5000→10000)", "yes: last step's slope 1.00× the first's"},
		{"quadratic", []scaleRun{run(1000, 2*time.Second), run(5000, 50*time.Second), run(10000, 200*time.Second)},
			"12.00 s (1000→5000), 30.00 s (5000→10000)", "**no**: last step's slope 2.50× the first's"},
		{"skipped", []scaleRun{run(1000, 2*time.Second), run(5000, 10*time.Second), {skipped: "not run"}},
			"2.00 s (1000→5000)", "one step: a slope, not a test of linearity"},
		{"one", []scaleRun{run(1000, 2*time.Second)}, "fewer than two sizes ran", "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slope, ok := slopes(tt.in, revs)
			if slope != tt.slope || ok != tt.ok {
				t.Errorf("slopes = %q, %q; want %q, %q", slope, ok, tt.slope, tt.ok)
			}
		})
	}
}
