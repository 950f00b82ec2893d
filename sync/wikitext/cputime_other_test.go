//go:build !unix

package wikitext

import "time"

// cpuTime is unknown here; the benchmark then reports wall-clock only.
func cpuTime() time.Duration { return 0 }
