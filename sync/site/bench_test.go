package site

import (
	"context"
	"testing"
)

// BenchmarkBuild measures one whole build of the tiny synthetic site:
// Hugo's setup, rendering, the static copy and the swap.
func BenchmarkBuild(b *testing.B) {
	dir := mustProject(b, "tiny", nil)
	opts := Options{Dir: dir, Destination: b.TempDir()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}
