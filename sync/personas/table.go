package personas

import (
	"strings"
)

// parseTable reads the rows of a profile table, given the lines between
// "{|" and "|}". A row is a label cell followed by value cells, written as
// "! Label" newline "| value", "! Label || value" or "| Label || value".
func parseTable(lines []line) []Field {
	var fields []Field
	var row []string
	flush := func() {
		if f, ok := rowField(row); ok {
			fields = append(fields, f)
		}
		row = nil
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "|-"), strings.HasPrefix(t, "|}"):
			flush()
		case strings.HasPrefix(t, "|+"):
			// a caption, not a row
		case strings.HasPrefix(t, "!"), strings.HasPrefix(t, "|"):
			row = append(row, cells(t[1:])...)
		case len(row) > 0:
			row[len(row)-1] += "\n" + l.text
		}
	}
	flush()
	if fields == nil {
		return []Field{}
	}
	return fields
}

// cells splits the rest of a table line at "||" and "!!", and drops each
// cell's attributes ("style=… | value").
func cells(s string) []string {
	s = strings.ReplaceAll(s, "!!", "||")
	parts := strings.Split(s, "||")
	for i, c := range parts {
		parts[i] = strings.TrimSpace(dropAttributes(c))
	}
	return parts
}

// dropAttributes removes "attributes |" in front of a cell's content. A
// '|' inside a link or template is content, so only a first '|' before any
// "[[" or "{{" with '=' before it counts.
func dropAttributes(c string) string {
	i := strings.IndexByte(c, '|')
	if i < 0 || strings.Contains(c[:i], "[[") || strings.Contains(c[:i], "{{") || !strings.Contains(c[:i], "=") {
		return c
	}
	return c[i+1:]
}

func rowField(row []string) (Field, bool) {
	if len(row) == 0 || strings.TrimSpace(strings.Join(row, "")) == "" {
		return Field{}, false
	}
	label := unbold(row[0])
	value := strings.TrimSpace(strings.Join(row[1:], " "))
	return Field{Key: fieldKey(label), Label: label, Wikitext: value}, true
}

// fieldAliases maps labels' snake_case to the key used for them, so that
// pages which word a row differently still fill the same field.
var fieldAliases = map[string]string{
	"years_experience":    "years_of_experience",
	"experience":          "years_of_experience",
	"years_in_it":         "years_of_experience",
	"organization":        "organisation",
	"company":             "organisation",
	"title":               "role",
	"job_title":           "role",
	"tech_level":          "technical_level",
	"technical_expertise": "technical_level",
	"tools":               "primary_tools",
}

// fieldKey turns a label into a stable snake_case key: "Years Experience"
// and "Years of Experience" both give "years_of_experience".
func fieldKey(label string) string {
	k := snake(label)
	if a, ok := fieldAliases[k]; ok {
		return a
	}
	if k == "" {
		return "field"
	}
	return k
}

// snake lower-cases s and joins its ASCII words with '_', after folding
// accents; other characters separate words.
func snake(s string) string {
	return strings.ReplaceAll(slugify(s), "-", "_")
}
