package docdiff

import (
	"html"
	"regexp"
	"strings"
)

// The shortcode lines sync/wikitext writes, for tests that start from
// Markdown: docOf lists them as wikitext.Result.Shortcodes would.
var (
	testBoxOpen  = regexp.MustCompile(`^\{\{% ([A-Za-z0-9_-]+)(.*) %\}\}$`)
	testBoxTitle = regexp.MustCompile(`\btitle="((?:[^"\\]|\\.)*)"`)
	testClose    = regexp.MustCompile(`^\{\{[%<] /[A-Za-z0-9_-]+ [%>]\}\}$`)
)

// docOf is md with its shortcode lines listed and what each shows.
func docOf(md string) Doc {
	d := Doc{Markdown: md, Shortcodes: map[string]string{}}
	for _, line := range strings.Split(md, "\n") {
		switch {
		case line == "{{< wikihtml >}}" || testClose.MatchString(line):
			d.Shortcodes[line] = ""
		case testBoxOpen.MatchString(line):
			m := testBoxOpen.FindStringSubmatch(line)
			shows := strings.ToUpper(m[1][:1]) + m[1][1:] + ":"
			if t := testBoxTitle.FindStringSubmatch(m[2]); t != nil {
				shows += " " + html.UnescapeString(strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(t[1]))
			}
			d.Shortcodes[line] = shows
		}
	}
	return d
}

func parseMD(md string) []Block { return Parse(docOf(md)) }
