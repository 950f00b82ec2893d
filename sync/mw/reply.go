package mw

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// DefaultMaxReply caps a reply's body when Options.MaxReply is zero. The
// largest reply a sync asks for, 50 revisions with their text, runs to
// about 600 KB for the personas pages; 32 MB leaves room for pages fifty
// times their size while a server sending gigabytes costs 32 MB, not them.
const DefaultMaxReply = 32_000_000

// Errors a caller may branch on to tell the user what to change. Neither
// is retried: the same request would get the same reply.
var (
	// ErrTooLarge means a reply's body went past Options.MaxReply.
	ErrTooLarge = errors.New("reply too large")
	// ErrNotJSON means the wiki answered with something other than JSON,
	// usually an HTML page: the API URL is that of another page.
	ErrNotJSON = errors.New("not JSON")
)

// readChunk is the unit a reply of unknown length is read in: a reply past
// the cap then costs the cap plus one chunk, however big it is.
const readChunk = 64 << 10

// readBody reads resp's body whole, up to max bytes. A declared length
// past max fails before anything is read; an undeclared one is read in
// chunks and given up as soon as it passes max.
func readBody(resp *http.Response, max int64) ([]byte, error) {
	if resp.ContentLength > max {
		return nil, tooLarge(resp.ContentLength, max, true)
	}
	if resp.ContentLength >= 0 {
		body := make([]byte, resp.ContentLength)
		n, err := io.ReadFull(resp.Body, body)
		return body[:n], err
	}
	var chunks [][]byte
	var total int64
	for {
		c := make([]byte, min(readChunk, max+1-total))
		n, err := io.ReadFull(resp.Body, c)
		chunks = append(chunks, c[:n])
		total += int64(n)
		if total > max {
			return nil, tooLarge(total, max, false)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return bytes.Join(chunks, nil), nil
		}
		if err != nil {
			return bytes.Join(chunks, nil), err
		}
	}
}

func tooLarge(n, max int64, declared bool) error {
	what := fmt.Sprintf("more than %s", megabytes(max))
	if declared {
		what = fmt.Sprintf("%s (its Content-Length)", megabytes(n))
	}
	return fmt.Errorf("%w: the wiki sent %s, past the cap of %s; nothing past the cap was read", ErrTooLarge, what, megabytes(max))
}

// megabytes shows a byte count in decimal megabytes, as flags take it.
func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

var htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// notJSON recognises a complete reply that is no JSON at all, such as the
// HTML page a wrong URL or a login portal serves, and says what it is. A
// body that starts as JSON is left to the decoder: cut short, it is worth
// a retry.
func notJSON(h http.Header, body []byte) *tryError {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return nil
	}
	ctype := h.Get("Content-Type")
	if len(trimmed) == 0 {
		return &tryError{err: fmt.Errorf("empty reply (Content-Type %q), %w", ctype, ErrNotJSON)}
	}
	if strings.Contains(ctype, "html") || bytes.HasPrefix(trimmed, []byte("<")) {
		title := ""
		if m := htmlTitle.FindSubmatch(body); m != nil {
			title = fmt.Sprintf(" titled %q", clip(strings.Join(strings.Fields(string(m[1])), " "), 80))
		}
		return &tryError{err: fmt.Errorf("HTML page%s, %w: is the API URL the wiki's api.php?", title, ErrNotJSON)}
	}
	return &tryError{err: fmt.Errorf("reply of %d bytes (Content-Type %q) starting %q, %w", len(body), ctype, clip(string(trimmed), 40), ErrNotJSON)}
}

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
