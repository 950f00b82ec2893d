package wikitext

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticPage builds a clearly synthetic page of about size bytes that
// uses every common construct; each section carries a unique marker word.
func syntheticPage(size int) (page string, sections int) {
	var b strings.Builder
	for b.Len() < size {
		n := sections
		fmt.Fprintf(&b, "== Synthetic section %d ==\n", n)
		fmt.Fprintf(&b, "Paragraph with '''bold''' and ''italic'' text, a [[Synthetic page %d|link]], [https://example.org/%d an external link] and marker%dx.\n", n, n, n)
		b.WriteString("* first item\n** nested item with &amp; entity\n# numbered item\n")
		fmt.Fprintf(&b, "{|\n! Key !! Value\n|-\n| row%d || value\n|}\n", n)
		b.WriteString("<div style=\"float:left\">Wrapped <span>text</span><br/>with a break.</div>\n\n")
		sections++
	}
	return b.String(), sections
}

func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB conversion skipped in -short mode")
	}
	page, sections := syntheticPage(5 << 20)
	res := Convert(page, Options{WikiURL: "https://wiki.example/"})
	md := res.Markdown
	if len(md) < len(page)/2 || len(md) > 3*len(page) {
		t.Fatalf("output size %d is implausible for input %d", len(md), len(page))
	}
	if got := strings.Count(md, "\n## Synthetic section "); got != sections-1 {
		t.Errorf("headings: got %d, want %d", got, sections-1)
	}
	for _, n := range []int{0, sections / 2, sections - 1} {
		for _, want := range []string{fmt.Sprintf("marker%dx", n), fmt.Sprintf("| row%d | value |", n)} {
			if !strings.Contains(md, want) {
				t.Errorf("section %d lost %q", n, want)
			}
		}
	}
	if got := strings.Count(md, "**bold**"); got != sections {
		t.Errorf("bold runs: got %d, want %d", got, sections)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics: %v", res.Diagnostics[:min(3, len(res.Diagnostics))])
	}
}

func BenchmarkConvert(b *testing.B) {
	fixture := section(mustReadArchive(b, "testdata/golden/fixture-latest.txtar"), "in.wiki")
	big, _ := syntheticPage(5 << 20)
	opts := Options{
		WikiURL:    "https://fedoraproject.org/wiki/",
		Shortcodes: map[string]string{"Admon/note": "note", "Admon/warning": "warning"},
	}
	for _, bc := range []struct{ name, page string }{{"fixture", fixture}, {"synthetic5MB", big}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			start := cpuTime()
			n := 0
			for b.Loop() {
				Convert(bc.page, opts)
				n++
			}
			// The build machines are shared and often oversubscribed, so
			// wall-clock MB/s says little; CPU time (all threads, GC
			// included) is reported beside it.
			if cpu := cpuTime() - start; cpu > 0 {
				b.ReportMetric(float64(n*len(bc.page))/1e6/cpu.Seconds(), "cpu-MB/s")
			}
		})
	}
}
