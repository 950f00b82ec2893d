package mwxml

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func mustFixtureBytes(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// FuzzRead: any input gives either revisions that passed every check or an
// error that names its dump line; never a panic.
func FuzzRead(f *testing.F) {
	f.Add([]byte(synthDump("0.10", synthPage("Synthetic", synthRevision(1, "synthetic text")))))
	f.Add([]byte(dump011))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(bytes.NewReader(data), func(p *Page, r *Revision) error {
			if err := CheckTitle(p.Title); err != nil {
				t.Fatalf("Read passed a bad title: %v", err)
			}
			if r.TextDeleted != (r.Text == nil) {
				t.Fatalf("revision %d: TextDeleted=%v with %d bytes of text", r.ID, r.TextDeleted, len(r.Text))
			}
			if r.SHA1 != "" {
				sum := sha1.Sum(r.Text)
				if r.SHA1 != hex.EncodeToString(sum[:]) {
					t.Fatalf("revision %d: sha1 %s does not match its text", r.ID, r.SHA1)
				}
			}
			if r.ID <= 0 {
				t.Fatalf("revision id %d passed", r.ID)
			}
			return nil
		})
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "dump line ") || !utf8.ValidString(msg) || strings.IndexFunc(msg, unicode.IsControl) >= 0 {
				t.Fatalf("error %q does not start with its dump line, or is not printable UTF-8", msg)
			}
		}
	})
}
