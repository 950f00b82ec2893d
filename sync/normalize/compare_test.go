package normalize

import "testing"

func TestComparePairs(t *testing.T) {
	tests := []struct {
		versions, want int
	}{
		{0, 0}, {1, 0}, {2, 1},
		{8, 28},   // the fixture: 7 meetings and the latest, all pairs
		{25, 300}, // all pairs up to maxAllPairs
		{30, 310}, // 5 older versions: each with its neighbour and the latest
		{200, 300 + 2*175},
	}
	for _, tt := range tests {
		pairs := comparePairs(tt.versions)
		if len(pairs) != tt.want {
			t.Errorf("comparePairs(%d) = %d pairs, want %d", tt.versions, len(pairs), tt.want)
		}
		if m := tt.versions - 1; m > 0 && len(pairs) > 300+2*m {
			t.Errorf("comparePairs(%d) = %d pairs, over the documented bound 300+2M", tt.versions, len(pairs))
		}
		seen := map[stagePair]bool{}
		for _, p := range pairs {
			if p.from >= p.to || p.from < 0 || p.to >= tt.versions || seen[p] {
				t.Fatalf("comparePairs(%d): bad or repeated pair %v", tt.versions, p)
			}
			seen[p] = true
		}
		if n := tt.versions; n >= 2 {
			for i := 0; i+1 < n; i++ {
				if !seen[stagePair{i, i + 1}] || !seen[stagePair{i, n - 1}] {
					t.Errorf("comparePairs(%d): version %d lacks its neighbour or the latest", n, i)
				}
			}
		}
	}
}
