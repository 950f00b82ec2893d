package site

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzLogCollector feeds Hugo-like log output, written whole and in two
// pieces, and checks what the error message is made of: the same errors
// however the output was split (when it holds no colour escapes, which
// Hugo never splits), each one trimmed line, and an explanation that is one
// line without the project folder.
func FuzzLogCollector(f *testing.F) {
	f.Add("ERROR boom\nWARN Raw HTML omitted\nYou can suppress this\n", 7)
	f.Add("\x1b[31mERROR\x1b[0m first half\nsecond line\nERROR other", 3)
	f.Add("ERROR render of \"/proj/layouts/x.html\" failed: \"/proj/layouts/x.html:2:3\": execute of template failed: template: x.html:2:3: boom\n", 40)
	f.Add("INFO build: done\n", 0)
	f.Fuzz(func(t *testing.T, out string, cut int) {
		whole := newLogCollector(nil)
		whole.Write([]byte(out))
		want := whole.finish()
		for _, e := range want {
			if e == "" || strings.Contains(e, "\n") || strings.TrimSpace(e) != e {
				t.Fatalf("error message %q is not one trimmed line", e)
			}
		}
		if !strings.Contains(out, "\x1b") && len(out) > 0 {
			cut = (cut%len(out) + len(out)) % len(out)
			split := newLogCollector(nil)
			split.Write([]byte(out[:cut]))
			split.Write([]byte(out[cut:]))
			if got := split.finish(); !reflect.DeepEqual(got, want) {
				t.Fatalf("split at %d: errors %q, whole %q", cut, got, want)
			}
		}
		c := newLogCollector(nil)
		c.Write([]byte(out))
		msg := c.explain(errors.New("logged 1 error(s)"), "/proj").Error()
		if strings.Contains(msg, "\n") || strings.Contains(msg, "/proj/") {
			t.Fatalf("explanation %q spans lines or names the project folder", msg)
		}
	})
}
