package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/site"
)

// pagefindHint tells how to install the search indexer.
const pagefindHint = "run `npm ci` in the folder that holds config.toml: it installs Pagefind from package.json, with no download at build time"

// pagefind resolves --pagefind to the binary that indexes the site for
// search, or "" for a build without search. Without the flag it uses the
// one `npm ci` installed next to the configuration, or one on PATH; when
// there is none, a build for a person warns and goes on without search,
// while under CI=true (the test suite, GitHub Actions) it fails, so that a
// published site or a test run never lacks search by accident.
func (f *buildFlags) pagefind(p *project, stderr io.Writer, ci bool) (string, error) {
	switch f.pagefindPath {
	case "off":
		return "", nil
	case "":
	default:
		info, err := os.Stat(f.pagefindPath)
		if err != nil || info.IsDir() {
			return "", withHint(fmt.Errorf("--pagefind %s: not a file", f.pagefindPath), pagefindHint, "or pass --pagefind off to build without search")
		}
		return filepath.Abs(f.pagefindPath)
	}
	bin, err := site.FindPagefind(filepath.Dir(f.configPath))
	switch {
	case err == nil:
		return bin, nil
	case !errors.Is(err, site.ErrNoPagefind):
		return "", err
	case ci:
		return "", withHint(fmt.Errorf("search: %w; CI=true requires search in the site", err), pagefindHint, "or pass --pagefind off to build without search")
	}
	p.warn(stderr, fmt.Sprintf("building without search: %v; to add it, %s", err, pagefindHint))
	return "", nil
}

// searchIndexes is one search bundle per version of the personas: now
// (/personas/) and at each meeting (/meetings/<date>/personas/), the URLs
// sync/normalize gives persona pages. The layouts' search boxes load
// pagefind/<version>/, "latest" or the meeting's date.
func searchIndexes(cfg *config.Config) []site.SearchIndex {
	indexes := []site.SearchIndex{{Name: "latest", Pages: "personas"}}
	for _, m := range cfg.Meetings {
		indexes = append(indexes, site.SearchIndex{Name: m.Slug(), Pages: "meetings/" + m.Slug() + "/personas"})
	}
	return indexes
}
