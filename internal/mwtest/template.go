package mwtest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// templateVersion changes whenever the way templates are built changes,
// so a stale template on disk is never reused.
const templateVersion = "mwtest-template-1"

// template is an installed, warmed-up wiki that is never served itself:
// Start copies it. Building one (install.php, then a first request that
// fills the localisation cache) costs about a second; a copy costs little.
type template struct {
	dir      string // holds the files to copy
	origin   string // the directory the wiki was installed in, named in LocalSettings.php
	password string // Admin's password, shared by every copy
}

// sharedTemplate is the one piece of package state: an immutable template,
// built on first use, because every test binary starts several wikis.
// Templates live in the temporary directory keyed by what shapes them, so
// test binaries of other packages and later runs reuse them too.
var sharedTemplate = sync.OnceValues(findOrBuildTemplate)

func findOrBuildTemplate() (*template, error) {
	key, err := templateKey()
	if err != nil {
		return nil, err
	}
	root := cacheRoot()
	if err := os.MkdirAll(filepath.Join(root, "opcache"), 0o755); err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	final := filepath.Join(root, key)
	if t, err := readTemplate(final); err == nil {
		return t, nil
	}
	staging, err := os.MkdirTemp(root, key+".building-")
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	if err := buildTemplate(staging); err != nil {
		os.RemoveAll(staging)
		return nil, err
	}
	// Rename is atomic, so nobody sees a half-built template. When another
	// process got there first, its template wins; when what is there is
	// broken, ours serves this process and the broken one stays for a
	// person to look at.
	if err := os.Rename(staging, final); err != nil {
		if t, err := readTemplate(final); err == nil {
			os.RemoveAll(staging)
			return t, nil
		}
		return readTemplate(staging)
	}
	return readTemplate(final)
}

// templateKey names a template by everything that shapes its files.
func templateKey() (string, error) {
	defines, err := os.ReadFile(filepath.Join(Root, "includes", "Defines.php"))
	if err != nil {
		return "", fmt.Errorf("template: read MediaWiki version: %w", err)
	}
	h := sha256.New()
	for _, part := range []string{templateVersion, testSettings, string(defines)} {
		io.WriteString(h, part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// buildTemplate installs a wiki into dir and serves one request, so the
// localisation cache is filled once rather than by every copy.
func buildTemplate(dir string) error {
	password, err := randomPassword()
	if err != nil {
		return err
	}
	w := &Wiki{Dir: dir, Password: password, logPath: filepath.Join(dir, "server.log")}
	if err := w.install(); err != nil {
		return err
	}
	stop, err := w.serve()
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	resp, err := http.Get(w.Index + "?title=Main_Page")
	if err == nil {
		resp.Body.Close()
	}
	stop()
	if err != nil {
		return fmt.Errorf("template: warm up %s: %w", w.Index, err)
	}
	if err := os.Remove(w.logPath); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	// Written last: a template without it is incomplete.
	meta := dir + "\n" + password + "\n"
	return os.WriteFile(filepath.Join(dir, "mwtest-template"), []byte(meta), 0o600)
}

func readTemplate(dir string) (*template, error) {
	b, err := os.ReadFile(filepath.Join(dir, "mwtest-template"))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	origin, password, ok := strings.Cut(strings.TrimSuffix(string(b), "\n"), "\n")
	if !ok || origin == "" || password == "" {
		return nil, fmt.Errorf("template %s: malformed mwtest-template", dir)
	}
	return &template{dir: dir, origin: origin, password: password}, nil
}

// copyTo copies the template's files into dst, pointing LocalSettings.php
// at dst instead of the directory the template was installed in.
func (t *template) copyTo(dst string) error {
	return filepath.WalkDir(t.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(t.dir, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case rel == "mwtest-template":
			return nil
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case rel == "LocalSettings.php":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			s := strings.ReplaceAll(string(b), t.origin, dst)
			return os.WriteFile(to, []byte(s), 0o644)
		case d.Type().IsRegular():
			return copyFile(path, to)
		}
		return fmt.Errorf("template %s: unexpected file %s", t.dir, rel)
	})
}

func copyFile(from, to string) (err error) {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	_, err = io.Copy(out, in)
	return err
}
