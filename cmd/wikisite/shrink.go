package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/normalize"
)

// checkShrink refuses a build that would drop configured pages the content
// folder holds today but the archive does not. The usual cause is a
// mistyped --archive or --config, and the build would delete committed
// pages and publish a site without them; --allow-shrink says it is meant.
func (p *project) checkShrink() error {
	if p.allowShrink {
		return nil
	}
	var lost []string
	for _, t := range p.cfg.Wiki.Pages {
		if _, err := os.Stat(filepath.Join(p.content, normalize.PageFile(t))); err != nil {
			continue
		}
		_, err := p.store.Page(t)
		if errors.Is(err, archive.ErrNoPage) {
			lost = append(lost, fmt.Sprintf("%q", archive.Canonical(t)))
			continue
		}
		if err != nil {
			return err
		}
	}
	if len(lost) == 0 {
		return nil
	}
	what := "configured page " + lost[0] + " is"
	if len(lost) > 1 {
		what = fmt.Sprintf("%d configured pages (%s) are", len(lost), strings.Join(lost, ", "))
	}
	return withHint(fmt.Errorf("%s in %s but not in archive %s: the build would delete them from the site",
		what, slashed(p.contentArg), slashed(p.store.Dir())),
		"run `wikisite sync`, or pass --archive DIR",
		"pass --allow-shrink to drop them from the site on purpose")
}
