package wikitext

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var (
	ourShortcode = regexp.MustCompile(`^\{\{% (note|warning)( [A-Za-z0-9_]+="([^"\\]|\\.)*")* %\}\}$|^\{\{% /(note|warning) %\}\}$`)
	htmlTag      = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	allowedAttr  = regexp.MustCompile(`^(\s+(rowspan|colspan)="[0-9]+"|\s+href="(https?://|mailto:|/|#)[^"]*"|\s+rel="nofollow"|\s+class="references"|\s+id="cite_note-[A-Za-z0-9._-]+")*$`)
	quotedValue  = regexp.MustCompile(`"[^"]*"|'[^']*'`)
	eventAttr    = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	badTarget    = regexp.MustCompile(`(?i)(^|[^\\])\]\(\s*(javascript|data|vbscript):`)
	badHref      = regexp.MustCompile(`(?i)href="\s*(javascript|data|vbscript):`)
)

var allowedTags = map[string]bool{
	"table": true, "caption": true, "thead": true, "tbody": true, "tr": true, "th": true,
	"td": true, "p": true, "br": true, "ul": true, "ol": true, "li": true, "dl": true,
	"dt": true, "dd": true, "a": true, "strong": true, "em": true, "code": true, "pre": true,
	"sub": true, "sup": true, "s": true, "u": true, "del": true, "ins": true,
	"blockquote": true, "hr": true, "span": true, "div": true,
}

// checkSafe asserts the safety rules for converter output: raw HTML only
// inside wikihtml blocks and only from the allow-list, Hugo shortcode
// delimiters only in the shortcodes we emit, no script, event attribute,
// style or dangerous link target.
func checkSafe(tb testing.TB, md string) {
	tb.Helper()
	var rest strings.Builder
	inHTML := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case line == "{{< wikihtml >}}" && !inHTML:
			inHTML = true
		case line == "{{< /wikihtml >}}" && inHTML:
			inHTML = false
		case inHTML:
			checkHTMLLine(tb, line)
		default:
			if strings.Contains(line, "{{<") || strings.Contains(line, "{{%") || strings.Contains(line, "%}}") || strings.Contains(line, ">}}") {
				if !ourShortcode.MatchString(line) {
					tb.Errorf("Hugo shortcode delimiter in text: %q", line)
				}
				continue
			}
			rest.WriteString(line + "\n")
		}
	}
	if inHTML {
		tb.Errorf("wikihtml block not closed")
	}
	lower := strings.ToLower(md)
	if strings.Contains(lower, "<script") {
		tb.Errorf("output contains <script")
	}
	if badTarget.MatchString(md) {
		tb.Errorf("output links to a dangerous scheme: %q", badTarget.FindString(md))
	}
	var html bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	if err := gm.Convert([]byte(rest.String()), &html); err != nil {
		tb.Fatalf("goldmark: %v", err)
	}
	h := html.String()
	if strings.Contains(h, "raw HTML omitted") {
		tb.Errorf("Markdown holds raw HTML (dropped by goldmark's safe mode):\n%s", md)
	}
	if strings.Contains(strings.ToLower(h), "<script") || badHref.MatchString(h) || hasEventAttr(h) {
		tb.Errorf("rendered HTML is unsafe:\n%s", h)
	}
}

func checkHTMLLine(tb testing.TB, line string) {
	tb.Helper()
	if strings.Contains(line, "{{") || strings.Contains(line, "}}") {
		tb.Errorf("shortcode delimiter inside wikihtml: %q", line)
	}
	for _, m := range htmlTag.FindAllStringSubmatch(line, -1) {
		if !allowedTags[strings.ToLower(m[2])] {
			tb.Errorf("tag %q outside the allow-list in %q", m[2], line)
		}
		if !allowedAttr.MatchString(m[3]) {
			tb.Errorf("attributes %q not allowed in %q", m[3], line)
		}
	}
	stripped := htmlTag.ReplaceAllString(line, "")
	if strings.ContainsAny(stripped, "<>") {
		tb.Errorf("unescaped angle bracket in wikihtml text: %q", line)
	}
}

// hasEventAttr reports an on*= attribute inside a real tag.
func hasEventAttr(h string) bool {
	for _, m := range htmlTag.FindAllStringSubmatch(h, -1) {
		names := quotedValue.ReplaceAllString(m[3], `""`) // attribute names only
		if eventAttr.MatchString(names) || strings.Contains(strings.ToLower(names), "style=") {
			return true
		}
	}
	return false
}
