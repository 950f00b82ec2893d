package normalize

import (
	"html"
	"regexp"
	"strings"
)

// The shortcode lines the converter writes (see sync/wikitext): a box
// opens with `{{% name title="…" %}}` and closes with `{{% /name %}}`; a
// complex table sits between `{{< wikihtml >}}` lines.
var (
	shortcodeOpen  = regexp.MustCompile(`^\{\{% ([A-Za-z0-9_-]+)(.*) %\}\}$`)
	shortcodeTitle = regexp.MustCompile(`\btitle="((?:[^"\\]|\\.)*)"`)
	shortcodeClose = regexp.MustCompile(`^\{\{[%<] /[A-Za-z0-9_-]+ [%>]\}\}$`)
)

// readable rewrites those lines as a reader would name what they draw, so
// that a diff of a box's edit reads "Warning: This is a draft document!"
// rather than the Hugo call. It is for diffs only: the pages themselves
// keep the shortcodes.
func readable(md string) string {
	if !strings.Contains(md, "{{") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := lines[:0]
	for _, line := range lines {
		switch {
		case line == "{{< wikihtml >}}" || shortcodeClose.MatchString(line):
			continue
		case shortcodeOpen.MatchString(line):
			m := shortcodeOpen.FindStringSubmatch(line)
			label := strings.ToUpper(m[1][:1]) + m[1][1:] + ":"
			if t := shortcodeTitle.FindStringSubmatch(m[2]); t != nil {
				label += " " + html.UnescapeString(strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(t[1]))
			}
			out = append(out, label)
		default:
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
