package authorship

import (
	"flag"
	"fmt"
	"testing"
	"time"
)

var full = flag.Bool("full", false, "score attribution on the large synthetic histories (see bench/README.md)")

// score is how many tokens attribution got right.
type score struct {
	revisions, tokens, right int // over every revision
	lastTokens, lastRight    int // over each history's last revision
	elapsed                  time.Duration
	counts                   [nEdits]int
}

func (s score) accuracy() float64     { return float64(s.right) / float64(s.tokens) }
func (s score) lastAccuracy() float64 { return float64(s.lastRight) / float64(s.lastTokens) }

// mustScore generates pages histories of revs revisions each, starting
// from paras paragraphs, attributes them and compares with the truth.
func mustScore(tb testing.TB, pages, revs, paras int) score {
	tb.Helper()
	var sc score
	for page := range pages {
		g := newGenerator(uint64(page))
		docs := []doc{g.first(paras)}
		for len(docs) < revs {
			docs = append(docs, g.next()...)
		}
		h := New()
		for i, d := range docs {
			text := d.render()
			start := time.Now()
			toks := h.Add(Revision{ID: int64(i), Text: text})
			sc.elapsed += time.Since(start)
			truth := d.truth()
			if len(toks) != len(truth) {
				tb.Fatalf("page %d revision %d: %d tokens, the generator wrote %d", page, i, len(toks), len(truth))
			}
			right := 0
			for k, t := range toks {
				if t.Text != truth[k].text {
					tb.Fatalf("page %d revision %d token %d: %q, the generator wrote %q", page, i, k, t.Text, truth[k].text)
				}
				if t.Origin == truth[k].origin {
					right++
				}
			}
			sc.revisions++
			sc.tokens += len(toks)
			sc.right += right
			if i == len(docs)-1 {
				sc.lastTokens += len(toks)
				sc.lastRight += right
			}
		}
		for k, n := range g.counts {
			sc.counts[k] += n
		}
	}
	return sc
}

// TestAccuracyFloor is the small version of the accuracy benchmark: a few
// synthetic histories, which must be attributed at least as well as
// WikiWho's 95 % on Wikipedia.
func TestAccuracyFloor(t *testing.T) {
	sc := mustScore(t, 5, 200, 8)
	t.Logf("%d revisions, %d tokens: %.2f %% right, last revisions %.2f %%",
		sc.revisions, sc.tokens, 100*sc.accuracy(), 100*sc.lastAccuracy())
	if sc.accuracy() < 0.95 || sc.lastAccuracy() < 0.95 {
		t.Errorf("token accuracy %.2f %% (last revisions %.2f %%), floor 95 %%", 100*sc.accuracy(), 100*sc.lastAccuracy())
	}
	for k, n := range sc.counts {
		if n == 0 {
			t.Errorf("the histories hold no %q edit: the floor does not cover it", editNames[k])
		}
	}
}

// TestAccuracyFull scores the large histories and prints the figures that
// go in bench/README.md: go test ./sync/authorship -run AccuracyFull -full -v
func TestAccuracyFull(t *testing.T) {
	if !*full {
		t.Skip("large accuracy run; pass -full")
	}
	for _, size := range []struct{ pages, revs, paras int }{{20, 1000, 10}, {5, 1000, 60}} {
		sc := mustScore(t, size.pages, size.revs, size.paras)
		fmt.Printf("%d pages × %d revisions from %d paragraphs: %d tokens (%.0f per revision), %.2f %% right, last revisions %.2f %%, %.0f µs per revision, %.2f µs per token\n",
			size.pages, size.revs, size.paras, sc.tokens, float64(sc.tokens)/float64(sc.revisions),
			100*sc.accuracy(), 100*sc.lastAccuracy(),
			float64(sc.elapsed.Microseconds())/float64(sc.revisions),
			float64(sc.elapsed.Microseconds())/float64(sc.tokens))
		fmt.Printf("  edits: ")
		for k, n := range sc.counts {
			fmt.Printf("%s %d; ", editNames[k], n)
		}
		fmt.Println()
		if sc.accuracy() < 0.95 {
			t.Errorf("token accuracy %.2f %%, goal 95 %%", 100*sc.accuracy())
		}
	}
}

// BenchmarkAdd measures the cost of attributing one revision, on pages of
// growing size: the time per revision should grow with the page, the time
// per token stay about flat.
func BenchmarkAdd(b *testing.B) {
	for _, paras := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("paragraphs=%d", paras), func(b *testing.B) {
			g := newGenerator(1)
			docs := []doc{g.first(paras)}
			for len(docs) < 200 {
				docs = append(docs, g.next()...)
			}
			texts := make([]string, len(docs))
			tokens := 0
			for i, d := range docs {
				texts[i] = d.render()
				tokens += len(d.truth())
			}
			b.ResetTimer()
			for b.Loop() {
				h := New()
				for i, text := range texts {
					h.Add(Revision{ID: int64(i), Text: text})
				}
			}
			perRev := float64(b.Elapsed().Nanoseconds()) / float64(b.N*len(texts))
			b.ReportMetric(perRev/1e3, "µs/revision")
			b.ReportMetric(perRev*float64(len(texts))/float64(tokens), "ns/token")
			b.ReportMetric(float64(tokens)/float64(len(texts)), "tokens/revision")
		})
	}
}

func TestGeneratorChangesText(t *testing.T) {
	g := newGenerator(3)
	docs := []doc{g.first(5)}
	for len(docs) < 100 {
		docs = append(docs, g.next()...)
	}
	same := 0
	for i := 1; i < len(docs); i++ {
		if docs[i].render() == docs[i-1].render() {
			same++
		}
	}
	if same > 10 {
		t.Errorf("%d of %d revisions repeat the one before: the generator hardly edits", same, len(docs)-1)
	}
	t.Logf("counts %v, %d unchanged", g.counts, same)
}
