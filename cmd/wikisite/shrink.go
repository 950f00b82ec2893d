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
			lost = append(lost, archive.Canonical(t))
			continue
		}
		if err != nil {
			return err
		}
	}
	if len(lost) == 0 {
		return nil
	}
	what, it := fmt.Sprintf("configured page %q is", lost[0]), "it"
	if len(lost) > 1 {
		what, it = fmt.Sprintf("%d configured pages (%s) are", len(lost), strings.Join(quoteAll(lost), ", ")), "them"
	}
	return withHint(fmt.Errorf("%s in %s but not in archive %s: the build would delete %s from the site",
		what, slashed(p.contentArg), slashed(p.store.Dir()), it),
		"run `wikisite sync`, or pass --archive DIR",
		"pass --allow-shrink to drop "+it+" from the site on purpose")
}
