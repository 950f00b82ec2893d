package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// machine is what the report says about where it ran.
type machine struct {
	date                  time.Time
	cores                 int
	memory                string
	loadBefore, loadAfter string
}

func describeMachine() machine {
	m := machine{date: time.Now().UTC(), cores: runtime.NumCPU(), loadBefore: loadAvg()}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil {
			m.memory = fmt.Sprintf("%.1f GB", float64(kb)/1e6)
		}
	}
	return m
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(n int64) string {
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

func renderReport(m machine, b *bench, rs []result) string {
	by := map[string]result{}
	for _, r := range rs {
		by[r.key] = r
	}
	var s strings.Builder
	fmt.Fprintf(&s, "Measured %s on %d cores, %s memory; load average %s before, %s after.\n",
		m.date.Format("2006-01-02 15:04 UTC"), m.cores, m.memory, m.loadBefore, m.loadAfter)
	textBytes := 0
	for _, p := range b.history {
		for _, r := range p.Revisions {
			textBytes += len(r.Text)
		}
	}
	fmt.Fprintf(&s, "MediaWiki 1.39 (php -S on loopback, SQLite) holding %d pages × %d revisions of synthetic wikitext (%.1f MB) and one template; %s.\n\n",
		len(b.history), len(b.history[0].Revisions), float64(textBytes)/1e6, runtime.Version())
	s.WriteString("| Contender | Runs | Wall, median (min–max) | Requests (server), median | Written to disk | Peak RSS, median |\n")
	s.WriteString("|---|---|---|---|---|---|\n")
	for _, r := range rs {
		w := r.wall()
		fmt.Fprintf(&s, "| %s | %d | %s (%s–%s) | %d | %s | %s |\n", r.name, len(r.samples),
			seconds(w.med), seconds(w.min), seconds(w.max), r.requests().med, megabytes(r.bytes().med), megabytes(r.rss().med*1000))
	}
	for _, r := range rs {
		if r.note != "" {
			fmt.Fprintf(&s, "\n%s: %s", r.name, r.note)
		}
	}
	s.WriteString("\n\n| Ratio (medians, same run) | Measured | Target | Met |\n|---|---|---|---|\n")
	for _, row := range ratios(by, len(b.history), len(b.history[0].Revisions)) {
		fmt.Fprintf(&s, "| %s | %s | %s | %s |\n", row[0], row[1], row[2], row[3])
	}
	return s.String()
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// ratios compares wikisite with each peer against the targets.
func ratios(by map[string]result, pages, revs int) [][4]string {
	wall := func(k string) float64 { return by[k].wall().med.Seconds() }
	rss := func(k string) float64 { return float64(by[k].rss().med) }
	req := func(k string) int { return by[k].requests().med }
	met := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "**no**"
	}
	var rows [][4]string
	add := func(name string, v float64, target string, ok bool) {
		m := met(ok)
		if target == "—" {
			m = "—"
		}
		rows = append(rows, [4]string{name, fmt.Sprintf("%.2f", v), target, m})
	}
	r := ratio(wall("full"), wall("floor"))
	add("full sync wall ÷ API-floor loop", r, "≤ 1.1", r <= 1.1)
	r = ratio(wall("full"), wall("mwclient"))
	add("full sync wall ÷ python3-mwclient", r, "< 1", r < 1)
	r = ratio(wall("gitclone"), wall("full"))
	add("git-remote-mediawiki clone wall ÷ full sync (how many times faster)", r, "≥ 15", r >= 15)
	r = ratio(rss("full"), rss("mwclient"))
	add("full sync peak RSS ÷ python3-mwclient", r, "—", true)
	r = ratio(wall("noop"), wall("gitfetch"))
	add("no-op sync wall ÷ git-remote-mediawiki no-op fetch", r, "—", true)
	r = ratio(wall("build"), wall("hugo"))
	add("cold build wall ÷ plain Hugo", r, "≤ 1.5", r <= 1.5)
	r = ratio(rss("build"), rss("hugo"))
	add("cold build peak RSS ÷ plain Hugo", r, "≤ 1.25", r <= 1.25)
	r = ratio(wall("onerev"), wall("build"))
	add("one new revision, sync + build wall ÷ cold build", r, "≤ 0.40", r <= 0.40)
	add("serve: edit → reloaded page, seconds", wall("serve"), "≤ 5", wall("serve") <= 5)
	floor := 1 + pages*ceilDiv(revs, 50) + 1
	reqRow := func(name, k string, want int, formula string) {
		rows = append(rows, [4]string{name, fmt.Sprint(req(k)), fmt.Sprintf("%d (%s)", want, formula), met(req(k) == want)})
	}
	reqRow("full sync requests", "full", floor, fmt.Sprintf("1 + %d×⌈%d/50⌉ + 1 template", pages, revs))
	reqRow("no-op sync requests", "noop", 1, "the change check")
	reqRow("one new revision, sync requests", "onerev", 2, "check + 1+⌈1/50⌉−1")
	for _, k := range []string{"floor", "mwclient", "gitclone", "gitfetch"} {
		rows = append(rows, [4]string{"requests: " + by[k].name, fmt.Sprint(req(k)), "for comparison", "—"})
	}
	return rows
}

// mustWriteResults writes bench/out/NAME.md and, with publish, the
// README's section between the NAME markers.
func mustWriteResults(tb testing.TB, repo, name, report string, publish bool) {
	tb.Helper()
	out := filepath.Join(repo, "bench", "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, name+".md"), []byte(report), 0o644); err != nil {
		tb.Fatal(err)
	}
	if !publish {
		return
	}
	path := filepath.Join(repo, "bench", "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	updated, err := replaceSection(string(readme), name, report)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// replaceSection puts report between the README's name markers.
func replaceSection(readme, name, report string) (string, error) {
	start, end := "<!-- "+name+":start -->", "<!-- "+name+":end -->"
	before, rest, ok1 := strings.Cut(readme, start)
	_, after, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		return "", fmt.Errorf("no %s … %s markers", start, end)
	}
	return before + start + "\n" + report + "\n" + end + after, nil
}

const resultsStart, resultsEnd = "<!-- results:start -->", "<!-- results:end -->"

func TestReplaceSection(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{"replaces", "a\n" + resultsStart + "\nold\n" + resultsEnd + "\nb\n", "a\n" + resultsStart + "\nNEW\n" + resultsEnd + "\nb\n", false},
		{"no markers", "a\nb\n", "", true},
		{"no end", "a " + resultsStart + " x", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := replaceSection(tt.in, "results", "NEW")
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("replaceSection = %q, %v; want %q (error %v)", got, err, tt.want, tt.err)
			}
		})
	}
}
