package worddiff

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticPage builds a made-up page of about size bytes: numbered lines of
// filler words, with a blank line every eighth line to make paragraphs.
func syntheticPage(size int) []string {
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}
	var lines []string
	for n, total := 0, 0; total < size; n++ {
		line := fmt.Sprintf("Synthetic line %d: %s %s %s %s %s.", n,
			words[n%8], words[(n*3)%8], words[(n*5)%8], words[(n*7)%8], strings.Repeat("x", n%13))
		if n%8 == 7 {
			line = ""
		}
		lines = append(lines, line)
		total += len(line) + 1
	}
	return lines
}

// benchRevisions returns two ~100 KB synthetic revisions that differ in a
// few lines: some words changed, one line added, one removed.
func benchRevisions() (old, new string) {
	lines := syntheticPage(100 << 10)
	old = strings.Join(lines, "\n") + "\n"
	edited := append([]string(nil), lines...)
	edited[100] += " Appended words."
	edited[1000] = "Synthetic line inserted by the benchmark.\n" + edited[1000]
	edited[1500] = strings.Replace(edited[1500], "Synthetic", "Changed synthetic", 1)
	edited = append(edited[:2000], edited[2001:]...)
	return old, strings.Join(edited, "\n") + "\n"
}

func BenchmarkLines(b *testing.B) {
	old, new := benchRevisions()
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Lines(old, new)
	}
}

func BenchmarkWords(b *testing.B) {
	old, new := benchRevisions()
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Words(old, new)
	}
}

// TestBenchRevisions keeps the benchmark honest: its input is the size it
// claims and its diff finds exactly the edits made.
func TestBenchRevisions(t *testing.T) {
	old, new := benchRevisions()
	if len(old) < 100<<10 || len(old) > 110<<10 {
		t.Errorf("old revision is %d bytes, want about 100 KB", len(old))
	}
	blocks := Lines(old, new)
	mustBlocks(t, old, new, blocks)
	kinds := map[Kind]int{}
	for _, b := range blocks {
		kinds[b.Kind]++
	}
	want := map[Kind]int{Same: 5, Changed: 2, Added: 1, Removed: 1}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("block kinds = %v, want %v", kinds, want)
	}
}

// BenchmarkLinesRewritten diffs a ~100 KB page against a rewrite of every
// line: the worst case, where the word diff runs over the whole page.
func BenchmarkLinesRewritten(b *testing.B) {
	old, _ := benchRevisions()
	new := strings.ReplaceAll(strings.ReplaceAll(old, "Synthetic line", "Rewritten row"), "a", "o")
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Lines(old, new)
	}
}
