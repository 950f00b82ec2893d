package config

import (
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wikisite/wikisite/internal/golden"
)

// TestGolden parses each testdata/golden/*.txtar's "config.toml" and
// compares the result, as indented JSON, with its "config.json", or the
// error with its "error"; -update rewrites them.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, ar *txtar.Archive) map[string]string {
		cfg, err := Parse("config.toml", []byte(golden.Section(ar, "config.toml")))
		if err != nil {
			return map[string]string{"error": err.Error(), "config.json": ""}
		}
		return map[string]string{"config.json": golden.JSON(t, cfg), "error": ""}
	})
}
