package mwtest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Import loads a MediaWiki XML export with maintenance/importDump.php.
// It first creates every user the export names, so revisions keep plain
// user names instead of "imported>Name", then rebuilds recent changes and
// site statistics so the API lists the imported pages.
//
// importDump.php renumbers revisions: match them by timestamp and sha1.
func (w *Wiki) Import(tb testing.TB, xmlPath string) {
	tb.Helper()
	if abs, err := filepath.Abs(xmlPath); err == nil {
		xmlPath = abs
	}
	users, err := dumpUsers(xmlPath)
	if err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	byName := map[string][]string{}
	for _, u := range users {
		byName[u] = nil
	}
	w.mustCreateUsers(tb, byName)
	steps := [][]string{
		{"importDump.php", xmlPath},
		{"rebuildrecentchanges.php"},
		{"initSiteStats.php", "--update"},
	}
	for _, s := range steps {
		if _, err := w.maintenance(nil, s[0], s[1:]...); err != nil {
			tb.Fatalf("mwtest: import %s: %v", xmlPath, err)
		}
	}
}

// dumpUsers lists the distinct <username> values of an XML export in the
// order they first appear.
func dumpUsers(xmlPath string) ([]string, error) {
	f, err := os.Open(xmlPath)
	if err != nil {
		return nil, fmt.Errorf("read users of dump: %w", err)
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var users []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return users, nil
		}
		if err != nil {
			return nil, fmt.Errorf("dump %s: %w", xmlPath, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "username" {
			continue
		}
		var name string
		if err := d.DecodeElement(&name, &se); err != nil {
			return nil, fmt.Errorf("dump %s: username: %w", xmlPath, err)
		}
		name = strings.TrimSpace(name)
		if name != "" && !slices.Contains(users, name) {
			users = append(users, name)
		}
	}
}
