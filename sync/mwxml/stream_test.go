package mwxml

import (
	"bufio"
	"crypto/sha1"
	"fmt"
	"io"
	"math/big"
	"runtime"
	"strings"
	"testing"
)

// TestStreamsHugeHistory feeds a generated ~200 MB dump, one page with a
// long history of synthetic 64 KiB texts, through an io.Pipe and checks
// that the reader's heap stays a small fraction of the dump.
func TestStreamsHugeHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a 200 MB dump; skipped under -short")
	}
	const (
		revisions = 3200
		dumpSize  = revisions * 64 << 10 // about 200 MB of text
	)
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeHugeDump(pw, revisions)) }()

	var maxHeap uint64
	var ms runtime.MemStats
	n := 0
	err := Read(pr, func(p *Page, r *Revision) error {
		n++
		if r.ID != int64(n) || len(r.Text) < 64<<10 || r.SHA1 == "" {
			return fmt.Errorf("revision %d: id %d, %d bytes, sha1 %q", n, r.ID, len(r.Text), r.SHA1)
		}
		if n%50 == 0 {
			runtime.ReadMemStats(&ms)
			maxHeap = max(maxHeap, ms.HeapInuse)
		}
		return nil
	})
	pr.Close()
	if err != nil {
		t.Fatal(err)
	}
	if n != revisions {
		t.Fatalf("read %d revisions, want %d", n, revisions)
	}
	t.Logf("read %d MB in %d revisions; peak HeapInuse %.1f MB", dumpSize>>20, n, float64(maxHeap)/(1<<20))
	if maxHeap > dumpSize/8 {
		t.Fatalf("peak HeapInuse %d bytes for a %d-byte dump: the reader holds more than one revision", maxHeap, dumpSize)
	}
}

// writeHugeDump writes a dump of one page whose revisions are synthetic
// texts: a numbered first line, then the same 64 KiB body with markup that
// must be unescaped.
func writeHugeDump(w io.Writer, revisions int) error {
	line := "Synthetic streaming test text, not from any wiki: a <b>bold</b> & plain line.\n"
	body := strings.Repeat(line, (64<<10)/len(line)+1)
	escaped := xmlEscape(body)
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprint(bw, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">`+"\n")
	fmt.Fprint(bw, "<page><title>Synthetic huge history</title><ns>0</ns><id>1</id>\n")
	for id := 1; id <= revisions; id++ {
		head := fmt.Sprintf("synthetic revision %d\n", id)
		h := sha1.New()
		io.WriteString(h, head)
		io.WriteString(h, body)
		sum := new(big.Int).SetBytes(h.Sum(nil)).Text(36)
		fmt.Fprintf(bw, "<revision><id>%d</id><timestamp>2001-01-01T00:00:00Z</timestamp><contributor><username>Synthetic</username></contributor>"+
			"<text xml:space=\"preserve\" bytes=\"%d\">%s%s</text><sha1>%s</sha1></revision>\n", id, len(head)+len(body), head, escaped, sum)
	}
	fmt.Fprint(bw, "</page>\n</mediawiki>\n")
	return bw.Flush()
}

// BenchmarkRead measures reading the real fixture.
func BenchmarkRead(b *testing.B) {
	data := mustFixtureBytes(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := Read(strings.NewReader(string(data)), func(*Page, *Revision) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
