//go:build !linux

package archive

import (
	"fmt"
	"os"
	"path/filepath"
)

// syncTexts makes the texts a commit moved into place durable before the
// metadata names them, one fsync each (there is no syncfs here).
func syncTexts(_ string, texts []stagedText) error {
	for _, t := range texts {
		// A text's path after the move; Commit renamed it there.
		if err := syncFile(t.final); err != nil {
			return fmt.Errorf("page %q revision %d: flush the text to disk: %w", t.title, t.id, err)
		}
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
