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

// of returns the 1-based line of the dotted key path, or of its table when
// the key itself is absent; 0 when neither is found.
func (l lineIndex) of(path ...string) int {
	if len(path) == 0 {
		return 0
	}
	table := strings.Join(path[:len(path)-1], ".")
	key := path[len(path)-1]
	tableLine := 0
	current := ""
	for i, raw := range l {
		line := strings.TrimSpace(raw)
		if header, ok := tableHeader(line); ok {
			current = header
			if current == strings.Join(path, ".") && tableLine == 0 {
				tableLine = i + 1
			}
			if current == table && tableLine == 0 {
				tableLine = i + 1
			}
			continue
		}
		if current == table && assigns(line, key) {
			return i + 1
		}
	}
	return tableLine
}

// ofArrayEntry returns the line of the n-th (0-based) [[table]] header.
func (l lineIndex) ofArrayEntry(table string, n int) int {
	seen := 0
	for i, raw := range l {
		if strings.TrimSpace(raw) == "[["+table+"]]" {
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
		return strings.TrimSpace(line[2:end]), true
	}
	if strings.HasPrefix(line, "[") {
		end := strings.Index(line, "]")
		if end < 0 {
			return "", false
		}
		return strings.TrimSpace(line[1:end]), true
	}
	return "", false
}

func assigns(line, key string) bool {
	for _, k := range []string{key, `"` + key + `"`} {
		if rest, ok := strings.CutPrefix(line, k); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return true
		}
	}
	return false
}
