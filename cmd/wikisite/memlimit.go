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

// hugoMemoryLimit is the heap, in GB, past which Hugo's own caches
// (rendered partials, resources) start to evict, unless HUGO_MEMORYLIMIT
// sets it. Hugo's default, a quarter of the machine's memory, let them
// keep everything: on 1,000 pages of 10 revisions its live heap reached
// 590 MB, over memoryLimit, and the collector ran all through the render
// (bench/README.md, the scale section); under this limit it stayed at
// 390 MB and the render was faster.
const hugoMemoryLimit = "0.25"

// limitMemory sets memoryLimit unless getenv("GOMEMLIMIT") has one, and
// Hugo's cache limit unless getenv("HUGO_MEMORYLIMIT") has one: Hugo
// reads only the environment.
func limitMemory(getenv func(string) string, setenv func(key, value string) error) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if getenv("HUGO_MEMORYLIMIT") == "" {
		_ = setenv("HUGO_MEMORYLIMIT", hugoMemoryLimit) // fails only for a malformed name
	}
}
