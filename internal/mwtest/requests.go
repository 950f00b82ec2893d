package mwtest

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// requestLine matches the line php -S logs once it has answered a request:
// "[date] 127.0.0.1:PORT [200]: GET /api.php?...".
var requestLine = regexp.MustCompile(`^\[[^\]]*\] \S+ \[\d{3}\]: [A-Z]+ `)

// logCounts is what the server log says about connections and requests.
type logCounts struct {
	accepted, closed, requests int
}

// countLog counts complete lines only: php may be halfway through writing
// the last one while we read.
func countLog(log string) logCounts {
	var c logCounts
	for line := range strings.Lines(log) {
		if !strings.HasSuffix(line, "\n") {
			break
		}
		switch {
		case requestLine.MatchString(line):
			c.requests++
		case strings.HasSuffix(line, " Accepted\n"):
			c.accepted++
		case strings.HasSuffix(line, " Closing\n"):
			c.closed++
		}
	}
	return c
}

// Requests returns how many HTTP requests the server has answered so far.
// Take the difference before and after an operation.
//
// php -S may log a request just after the client has read the response, so
// Requests waits (up to a few seconds) until every accepted connection is
// logged as closed. A client that holds an idle connection open only makes
// Requests slower, not wrong.
func (w *Wiki) Requests(tb testing.TB) int {
	tb.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		b, err := os.ReadFile(w.logPath)
		if err != nil {
			tb.Fatalf("mwtest: read server log: %v", err)
		}
		c := countLog(string(b))
		if c.accepted == c.closed || time.Now().After(deadline) {
			return c.requests
		}
		time.Sleep(5 * time.Millisecond)
	}
}
