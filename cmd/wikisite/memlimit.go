package main

import "runtime/debug"

// memoryLimit is the soft limit on the Go heap (runtime/debug.SetMemoryLimit)
// wikisite runs under unless the GOMEMLIMIT environment variable sets
// one. A build's live heap is bounded (normalize's memos have budgets,
// long histories are diffed in windows), but with the default GOGC the
// heap may grow to twice the live part before a collection: a build
// whose live heap peaks at 400 MB reached 900 MB of RSS. Under the limit
// the collector runs sooner instead, at some CPU cost, and only when the
// heap nears it; a site whose live heap passes it still builds, the
// collector only working harder (Go caps it at half the CPU).
const memoryLimit = 480 << 20

// limitMemory sets memoryLimit unless getenv("GOMEMLIMIT") has one.
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
