package archive

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkCommit measures one sync batch: 50 revisions of about 11 KB
// (synthetic text) staged and committed into a fresh page, the shape of
// one API response. Creating files is slow and erratic on busy disks, so
// the per-revision cost is reported as well as the per-batch one.
func BenchmarkCommit(b *testing.B) {
	const batch = 50
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	line := strings.Repeat("Synthetic benchmark words, not real text. ", 2) + "\n"
	body := strings.Repeat(line, 130) // about 11 KB
	revs := make([]Revision, batch)
	texts := make([][]byte, batch)
	for i := range revs {
		texts[i] = fmt.Appendf(nil, "Synthetic revision %d\n%s", i, body)
		revs[i] = Revision{ID: int64(i + 1), Timestamp: base.Add(time.Duration(i) * time.Minute),
			User: "Synthetic user", Size: len(texts[i]), SHA1: SHA1(texts[i])}
	}
	s := mustStore(b)
	mustLock(b, s) // as a sync holds it: without it every new page rescans the archive
	b.SetBytes(int64(batch * len(texts[0])))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		p := &Page{Title: fmt.Sprintf("Synthetic/Page %d", n), PageID: int64(n), Revisions: revs}
		tx, err := s.Begin()
		if err != nil {
			b.Fatal(err)
		}
		for i, r := range revs {
			if err := tx.PutText(p.Title, r, texts[i]); err != nil {
				b.Fatal(err)
			}
		}
		tx.PutPage(p)
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n*batch), "µs/revision")
	got, err := s.Page(fmt.Sprintf("Synthetic/Page %d", n))
	if err != nil || len(got.Revisions) != batch {
		b.Fatalf("last page after commit: %v revisions, err %v; want %d", got, err, batch)
	}
}
