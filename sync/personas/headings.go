package personas

import (
	"strings"
)

// line is one line of the page: src[start:end] is its text with the line
// break, text is without it (and without a '\r' before it).
type line struct {
	start, end int
	text       string
	// heading is the index in the page's headings of the heading on this
	// line, -1 if none.
	heading int
}

func splitLines(src string) []line {
	var lines []line
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		text := strings.TrimSuffix(strings.TrimSuffix(src[start:end], "\n"), "\r")
		lines = append(lines, line{start: start, end: end, text: text, heading: -1})
		start = end
	}
	return lines
}

// heading is a section heading of the page.
type heading struct {
	line  int // index in the page's lines
	level int
	title string
}

// findHeadings returns the page's headings, skipping lines that begin
// inside a comment, <pre>, <nowiki>, <source> or <syntaxhighlight>, where
// MediaWiki does not see headings either. It marks each heading's line.
func findHeadings(lines []line) []heading {
	var heads []heading
	closer := ""
	for i := range lines {
		if closer == "" {
			if level, title, ok := parseHeading(lines[i].text); ok {
				lines[i].heading = len(heads)
				heads = append(heads, heading{line: i, level: level, title: title})
			}
		}
		closer = scanProtected(strings.ToLower(lines[i].text), closer)
	}
	return heads
}

// parseHeading reads a line such as "== Goals ==". As in MediaWiki, the
// level is the shorter run of '=' (at most 6) and surplus '=' belong to
// the title.
func parseHeading(text string) (level int, title string, ok bool) {
	t := strings.TrimRight(text, " \t")
	n := len(t) - len(strings.TrimLeft(t, "="))
	if n == 0 || n == len(t) {
		return 0, "", false
	}
	rest := t[n:]
	m := len(rest) - len(strings.TrimRight(rest, "="))
	if m == 0 {
		return 0, "", false
	}
	level = min(n, m, 6)
	inner := t[level : len(t)-level]
	title = strings.TrimSpace(inner)
	if title == "" || strings.Trim(title, "=") == "" {
		return 0, "", false
	}
	return level, title, true
}

// protected are the constructs whose content MediaWiki does not parse for
// headings, as opening text and closing tag (both lower case).
var protected = [][2]string{
	{"<!--", "-->"},
	{"<pre", "</pre>"},
	{"<nowiki", "</nowiki>"},
	{"<source", "</source>"},
	{"<syntaxhighlight", "</syntaxhighlight>"},
}

// scanProtected follows a lower-cased line through protected constructs.
// closer is the closing tag awaited at the start of the line ("" outside);
// it returns the one awaited at the end.
func scanProtected(l, closer string) string {
	for l != "" {
		if closer != "" {
			i := strings.Index(l, closer)
			if i < 0 {
				return closer
			}
			l, closer = l[i+len(closer):], ""
			continue
		}
		at, pair := firstOpener(l)
		if at < 0 {
			return ""
		}
		l = l[at+len(pair[0]):]
		if pair[0] == "<!--" {
			closer = pair[1]
			continue
		}
		// A tag: <pre>, <pre class=…>, or a self-closing <nowiki/>.
		end := strings.IndexByte(l, '>')
		if end < 0 || (l != "" && !strings.ContainsRune(" \t>/", rune(l[0]))) {
			continue
		}
		if end == 0 || l[end-1] != '/' {
			closer = pair[1]
		}
		l = l[end+1:]
	}
	return closer
}

func firstOpener(l string) (int, [2]string) {
	at, which := -1, [2]string{}
	for _, p := range protected {
		if i := strings.Index(l, p[0]); i >= 0 && (at < 0 || i < at) {
			at, which = i, p
		}
	}
	return at, which
}
