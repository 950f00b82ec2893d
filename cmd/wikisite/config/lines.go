package config

import (
	"strings"
)

// lineIndex finds where a key stands in the TOML text, for error messages.
// BurntSushi/toml reports positions only for syntax errors, so validation
// errors locate their key with this small scan of table headers and keys.
type lineIndex []string

func newLineIndex(data []byte) lineIndex {
	return strings.Split(string(data), "\n")
}

// of returns the 1-based line where the dotted key path is assigned, under
// a [table] header or as a dotted key ("wiki.api = …" under [params]).
// When the key itself is absent it returns the line of the longest
// enclosing table or inline table; 0 when none is found.
func (l lineIndex) of(path ...string) int {
	want := strings.Join(path, ".")
	best, bestLen := 0, -1
	consider := func(name string, line int) {
		if (want == name || strings.HasPrefix(want, name+".")) && len(name) > bestLen {
			best, bestLen = line, len(name)
		}
	}
	current := ""
	for i, raw := range l {
		line := strings.TrimSpace(raw)
		if header, ok := tableHeader(line); ok {
			current = header
			consider(current, i+1)
			continue
		}
		key, ok := assignedKey(line)
		if !ok {
			continue
		}
		if current != "" {
			key = current + "." + key
		}
		if key == want {
			return i + 1
		}
		consider(key, i+1)
	}
	return best
}

// ofArrayEntry returns the line of the n-th (0-based) [[table]] header.
func (l lineIndex) ofArrayEntry(table string, n int) int {
	seen := 0
	for i, raw := range l {
		if h, ok := tableHeader(strings.TrimSpace(raw)); ok && h == table && strings.HasPrefix(strings.TrimSpace(raw), "[[") {
			if seen == n {
				return i + 1
			}
			seen++
		}
	}
	return 0
}

func tableHeader(line string) (string, bool) {
	if strings.HasPrefix(line, "[[") {
		end := strings.Index(line, "]]")
		if end < 0 {
			return "", false
		}
		return normalizeKey(line[2:end]), true
	}
	if strings.HasPrefix(line, "[") {
		end := strings.Index(line, "]")
		if end < 0 {
			return "", false
		}
		return normalizeKey(line[1:end]), true
	}
	return "", false
}

// assignedKey returns the dotted key a "key = value" line assigns, with
// quotes and spaces around its parts removed.
func assignedKey(line string) (string, bool) {
	if line == "" || line[0] == '#' {
		return "", false
	}
	var quote byte
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			key := normalizeKey(line[:i])
			return key, key != ""
		}
	}
	return "", false
}

// normalizeKey turns ` a . "b" ` into "a.b". Dots inside quotes are kept.
func normalizeKey(raw string) string {
	var parts []string
	var b strings.Builder
	var quote byte
	flush := func() {
		parts = append(parts, strings.TrimSpace(b.String()))
		b.Reset()
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			b.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			flush()
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return strings.Join(parts, ".")
}
