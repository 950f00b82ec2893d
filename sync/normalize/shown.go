package normalize

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Diffs are shown as text, and readers must see in them what the page
// shows, not its Markdown: "&lt; description … >" escaped once more on the
// page read "&lt; description … &gt;", "\---" kept its backslash, and a
// raw-HTML table showed its tags. shownLine turns one line of converted
// Markdown into the text it renders as. Rendering the line with goldmark
// (CommonMark, as Hugo's own renderer) and keeping the text of the HTML
// is what a reader sees, escapes and marks included, without a second
// Markdown grammar here; a line inside a wikihtml block is HTML already.

// shownMarkdown renders Markdown lines; one instance, as goldmark's
// parsers are safe for concurrent use.
var shownMarkdown = goldmark.New()

// shownLine is the text line shows on the page; ok is false for a line
// that shows nothing, such as a table's separator row or a line of HTML
// tags alone. Blank lines stay: they part paragraphs.
func shownLine(line string, inHTML bool) (text string, ok bool) {
	if strings.TrimSpace(line) == "" {
		return line, true
	}
	if inHTML {
		text = htmlText(line)
		return text, text != ""
	}
	if cells, isRow := tableCells(line); isRow {
		if cells == nil {
			return "", false
		}
		for i, c := range cells {
			cells[i] = markdownText(c)
		}
		return strings.Join(cells, " | "), true
	}
	text = markdownText(line)
	if text == "" {
		return "", false
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	return indent + text, true
}

// shownLines remembers shownLine's answers for one Write. From one
// revision to the next almost every line is unchanged, and rendering each
// line of both texts of every diff through goldmark was half of a long
// history's build (bench/README.md, the scale profile); with it a line is
// rendered once however many revisions hold it. Safe for the prefetch's
// workers; a nil *shownLines renders every time.
type shownLines struct {
	mu sync.Mutex
	m  map[shownKey]shownText
}

type shownKey struct {
	line   string
	inHTML bool
}

type shownText struct {
	text string
	ok   bool
}

// maxShownLines bounds the memory a wide site's distinct lines can take;
// past it the map starts again (the answers are only ever recomputed).
const maxShownLines = 1 << 18

func newShownLines() *shownLines { return &shownLines{m: map[shownKey]shownText{}} }

// line is shownLine(line, inHTML), rendered once per distinct line.
func (s *shownLines) line(line string, inHTML bool) (string, bool) {
	if s == nil {
		return shownLine(line, inHTML)
	}
	k := shownKey{line, inHTML}
	s.mu.Lock()
	v, hit := s.m[k]
	s.mu.Unlock()
	if hit {
		return v.text, v.ok
	}
	v.text, v.ok = shownLine(line, inHTML)
	// line is a slice of a whole conversion, which the key would keep.
	k.line = strings.Clone(line)
	v.text = strings.Clone(v.text)
	s.mu.Lock()
	if len(s.m) >= maxShownLines {
		clear(s.m)
	}
	s.m[k] = v
	s.mu.Unlock()
	return v.text, v.ok
}

// markdownText renders one line of Markdown and keeps its text.
func markdownText(md string) string {
	var b bytes.Buffer
	if err := shownMarkdown.Convert([]byte(strings.TrimLeft(md, " ")), &b); err != nil {
		return md // a bytes.Buffer does not fail; show the source if it ever did
	}
	return htmlText(b.String())
}

// htmlText is the text of an HTML fragment as a reader sees it: entities
// decoded, tags dropped, an image by its alt text, list items as bullets
// and table cells apart. A link keeps its target after its text, as
// "text (URL)": it is what the reader follows, and a diff that dropped it
// would hide an edit of the target.
func htmlText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	cellsInRow := 0
	var href string // of the open link
	linkStart := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			b.Write(bytes.ReplaceAll(z.Text(), []byte("\n"), []byte(" ")))
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.A && href != "" {
				if text := b.String()[linkStart:]; text != href && !strings.HasPrefix(href, "#") {
					b.WriteString(" (" + href + ")")
				}
				href = ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.A:
				href, linkStart = attrValue(z, hasAttr, "href"), b.Len()
			case atom.Li:
				b.WriteString("• ")
			case atom.Tr:
				cellsInRow = 0
			case atom.Td, atom.Th:
				if cellsInRow > 0 {
					b.WriteString(" | ")
				}
				cellsInRow++
			case atom.Br:
				b.WriteString(" ")
			case atom.Hr:
				b.WriteString("———")
			case atom.Img:
				b.WriteString(attrValue(z, hasAttr, "alt"))
			}
		}
	}
}

// attrValue reads the current tag's attribute key, "" when it has none.
func attrValue(z *html.Tokenizer, hasAttr bool, key string) string {
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == key {
			return string(v)
		}
	}
	return ""
}

// tableCells splits a GFM table row into its cells' Markdown; a separator
// row gives nil cells. isRow is false for a line that is no table row.
func tableCells(line string) (cells []string, isRow bool) {
	t := strings.TrimSpace(line)
	if len(t) < 2 || t[0] != '|' {
		return nil, false
	}
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	if strings.Trim(t, "|-: ") == "" {
		return nil, true
	}
	start := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(t[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(t[start:])), true
}
