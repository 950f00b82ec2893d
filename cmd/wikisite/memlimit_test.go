package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	for _, tc := range []struct {
		name     string
		env      map[string]string
		want     int64
		wantHugo string // what HUGO_MEMORYLIMIT is set to, "" for untouched
	}{
		{"nothing set: wikisite's limits", nil, memoryLimit, hugoMemoryLimit},
		{"GOMEMLIMIT given: the runtime's, untouched", map[string]string{"GOMEMLIMIT": "1GiB"}, math.MaxInt64, hugoMemoryLimit},
		{"HUGO_MEMORYLIMIT given: Hugo's, untouched", map[string]string{"HUGO_MEMORYLIMIT": "2"}, memoryLimit, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			set := map[string]string{}
			limitMemory(func(key string) string { return tc.env[key] },
				func(key, value string) error { set[key] = value; return nil })
			if got := debug.SetMemoryLimit(-1); got != tc.want {
				t.Errorf("limit %d, want %d", got, tc.want)
			}
			if got := set["HUGO_MEMORYLIMIT"]; got != tc.wantHugo {
				t.Errorf("HUGO_MEMORYLIMIT set to %q, want %q", got, tc.wantHugo)
			}
		})
	}
}
