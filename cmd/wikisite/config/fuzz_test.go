package config

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse: any text gives a Config or a one-line error that starts with
// the file name; never a panic.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../../../config.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[params.wiki]\napi = \"ftp://x\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.toml", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "fuzz.toml") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q is not one line starting with the file name", msg)
			}
			return
		}
		if CheckAPIURL(cfg.Wiki.API) != nil || len(cfg.Wiki.Pages) == 0 {
			t.Fatalf("Parse accepted wiki settings it should reject: %+v", cfg.Wiki)
		}
		for i := 1; i < len(cfg.Meetings); i++ {
			if !cfg.Meetings[i].Date.After(cfg.Meetings[i-1].Date) {
				t.Fatalf("Parse accepted meetings out of order")
			}
		}
	})
}
