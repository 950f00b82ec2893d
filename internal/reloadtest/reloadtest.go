// Package reloadtest reads, in tests, the live-reload stream that
// `wikisite serve` (sync/site) offers its pages, and fetches served pages.
// It is test plumbing shared by the site's, the command's and the
// benchmarks' tests; the product never imports it.
package reloadtest

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Subscribe opens the server-sent-event stream at url and returns its
// events as "name data" strings ("reload 3", "failed …"). It returns once
// the server has acknowledged the subscription, so a rebuild after the call
// is sure to be seen; the stream closes with the test.
func Subscribe(tb testing.TB, url string) <-chan string {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		tb.Fatalf("reload stream %s answers %s, want text/event-stream", url, ct)
	}
	lines := bufio.NewReader(resp.Body)
	if first, err := lines.ReadString('\n'); err != nil || first != ": connected\n" {
		tb.Fatalf("reload stream %s starts with %q, %v", url, first, err)
	}
	out := make(chan string, 16)
	go func() {
		defer close(out)
		var name string
		for {
			line, err := lines.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				name = v
			} else if v, ok := strings.CutPrefix(line, "data: "); ok {
				out <- name + " " + v
			}
		}
	}()
	return out
}

// MustGet fetches url and returns its body; a transport error or a status
// other than 200 fails the test.
func MustGet(tb testing.TB, url string) string {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: %s\n%s", url, resp.Status, body)
	}
	return string(body)
}
