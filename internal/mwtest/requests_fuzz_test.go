package mwtest

import (
	"strings"
	"testing"
)

// FuzzCountLog checks that countLog counts only complete lines, never more
// than the log holds, and that one more logged request counts as one.
func FuzzCountLog(f *testing.F) {
	f.Add("[Thu Nov 26 09:49:57 2026] 127.0.0.1:33178 Accepted\n")
	f.Add("[d] 127.0.0.1:1 [200]: GET /api.php\n[d] 127.0.0.1:1 Closing\n[d] 127.0.0.1:2 Acc")
	f.Fuzz(func(t *testing.T, log string) {
		c := countLog(log)
		lines := strings.Count(log, "\n")
		if c.accepted+c.closed+c.requests > lines {
			t.Fatalf("countLog(%q) = %+v from %d complete lines", log, c, lines)
		}
		if log != "" && !strings.HasSuffix(log, "\n") {
			return
		}
		more := countLog(log + "[Thu Nov 26 09:49:57 2026] 127.0.0.1:9 [503]: POST /api.php\n")
		if more.requests != c.requests+1 || more.accepted != c.accepted || more.closed != c.closed {
			t.Fatalf("one more request: %+v, then %+v", c, more)
		}
	})
}
