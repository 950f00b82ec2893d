package normalize

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/content"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// filesPath is where the site serves mirrored files: content/files/ is a
// headless bundle, so Hugo publishes the files beside it and renders no
// page for it.
const filesPath = "files"

// filesAt is wikitext.Options.Files for a revision saved at at: each
// archived file at the version current then (the oldest the archive has
// when it was uploaded later); a file with no archived version has no
// src and shows as a placeholder. nil when the archive records no files,
// so the conversions stay as they were before files were mirrored. It
// only reads the record, so it is safe on any goroutine.
func (c *corpus) filesAt(at time.Time) map[string]wikitext.File {
	if len(c.files.Files) == 0 {
		return nil
	}
	out := make(map[string]wikitext.File, len(c.files.Files))
	for i := range c.files.Files {
		f := &c.files.Files[i]
		var src string
		if v := f.At(at); v != nil {
			src = "/" + filesPath + "/" + v.Blob
		}
		out[f.Title] = wikitext.File{Src: src}
	}
	return out
}

// filesState is the part of a cache key that says which file versions
// were current at at.
func (c *corpus) filesState(at time.Time) string {
	var b strings.Builder
	for i := range c.files.Files {
		f := &c.files.Files[i]
		b.WriteString(f.Title)
		if v := f.At(at); v != nil {
			b.WriteString("\x00" + v.Blob)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// writeFiles copies every archived file version into content/files/, the
// bundle the pages' images point into.
func writeFiles(c *corpus, tree *content.Tree) error {
	blobs := map[string]bool{}
	for _, f := range c.files.Files {
		for _, v := range f.Versions {
			blobs[v.Blob] = true
		}
	}
	if len(blobs) == 0 {
		return nil
	}
	index := "+++\ntitle = \"Files\"\n\n# The images the pages show, mirrored from the wiki; no page of its own.\n[build]\nrender = \"never\"\nlist = \"never\"\npublishResources = true\n+++\n"
	if err := tree.Write(filesPath+"/index.md", []byte(index)); err != nil {
		return err
	}
	names := make([]string, 0, len(blobs))
	for b := range blobs {
		names = append(names, b)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(c.store.BlobPath(name))
		if err != nil {
			return fmt.Errorf("file %s: %w", name, err)
		}
		if err := tree.Write(filesPath+"/"+name, data); err != nil {
			return err
		}
	}
	return nil
}
