package mirror

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// fileNS is MediaWiki's File namespace.
const fileNS = 6

// changesWindow is how old the set's record may be for the wiki's recent
// changes to be trusted to list everything since: MediaWiki keeps them 90
// days by default ($wgRCMaxAge), and a wiki may keep fewer. Past it, the
// set is resolved afresh, which is always right, only dearer.
const changesWindow = 30 * 24 * time.Hour

// verdict is what the wiki's recent changes say about the set.
type verdict struct {
	// full means the set must be resolved afresh; reason says why.
	full   bool
	reason string
	// edited are the archived set pages and templates with new edits,
	// sorted: with full false, fetching their new revisions is the sync.
	edited []string
	// files are file titles with an upload or deletion since: their
	// versions are asked for again.
	files []string
	// since and last are the newest change seen, the next checkpoint.
	since time.Time
	last  int64
	// seen counts the changes listed after the checkpoint; complete says
	// the check listed every change, so since and last are the newest.
	seen     int
	complete bool
	// asked means the check asked about category membership too.
	asked bool
}

// costly reports whether the check took more than one request: then the
// checkpoint should move on, so the next check is one request again.
func (v verdict) costly() bool { return v.asked || v.seen >= mw.MaxChanges }

// stale reports why the set's record cannot answer for the wiki, or "".
func stale(ps *archive.PageSet, r rules, now time.Time) string {
	switch {
	case ps.Checked.IsZero():
		return "no page set recorded yet"
	case ps.Spec != r.spec():
		return "the configured page set changed"
	case now.Sub(ps.Checked) > changesWindow:
		return fmt.Sprintf("the set was last resolved %s ago, longer than the wiki is trusted to keep recent changes", now.Sub(ps.Checked).Round(time.Hour))
	}
	return ""
}

// tracked are the titles whose edits the set cares about: its pages now
// and every archived template.
func tracked(ps *archive.PageSet, arch *archived) map[string]bool {
	out := map[string]bool{}
	for _, t := range ps.Current() {
		out[t] = true
	}
	for t, p := range arch.pages {
		if isTemplate(p) {
			out[t] = true
		}
	}
	return out
}

// check reads the wiki's recent changes after the set's checkpoint: one
// request when fewer than 500 changes were made, however large the set.
// It asks for no more replies after the first change that needs the set
// resolved afresh (a move, a deletion, a page that may have joined).
func check(ctx context.Context, wiki Wiki, ps *archive.PageSet, r rules, arch *archived) (verdict, error) {
	v := verdict{since: ps.Since, last: ps.LastChange}
	watch := tracked(ps, arch)
	cats := map[string]bool{}
	for _, c := range ps.Categories {
		cats[c] = true
	}
	edited := map[string]bool{}
	byCategory := map[string]bool{}
	for _, m := range ps.Members {
		if m.In() && strings.HasPrefix(m.Via, "category:") {
			byCategory[m.Title] = true
		}
	}
	// candidates may have joined by a category; leavers may have left one.
	var candidates, leavers []string
	complete, err := wiki.Changes(ctx, ps.Since, func(c mw.Change) bool {
		if c.ID <= ps.LastChange {
			return true // seen by the last sync: rcstart includes its second
		}
		v.seen++
		v.since, v.last = c.Timestamp, max(v.last, c.ID)
		title := archive.Canonical(c.Title)
		switch {
		case v.full:
			// decided; the rest of the reply only moves the checkpoint
		case c.Type == "log" && c.Namespace == fileNS:
			if !slices.Contains(v.files, title) {
				v.files = append(v.files, title)
			}
		case c.Type == "log":
			if watch[title] || watch[archive.Canonical(c.Target)] || r.matches(c.Namespace, title) {
				v.full, v.reason = true, fmt.Sprintf("%s log entry for %q", c.LogType, title)
			}
		case c.Type == "categorize":
			if cats[title] {
				v.full, v.reason = true, fmt.Sprintf("membership of %q changed", title)
			}
		case watch[title]:
			if p := arch.pages[title]; p == nil || p.Missing {
				v.full, v.reason = true, fmt.Sprintf("%q is not archived as a live page", title)
			}
			edited[title] = true
			if byCategory[title] {
				leavers = append(leavers, title)
			}
		case r.matches(c.Namespace, title):
			v.full, v.reason = true, fmt.Sprintf("%q may have joined the set", title)
		case len(cats) > 0:
			candidates = append(candidates, title)
		}
		return !v.full
	})
	v.complete = complete
	if err != nil || v.full {
		return v, err
	}
	if err := v.membership(ctx, wiki, candidates, leavers, ps.Categories); err != nil {
		return v, err
	}
	if !v.full {
		v.edited = sortedKeys(edited)
	}
	return v, nil
}

// membership asks, MaxTitles pages per request, whether an edited page
// outside the set is now in one of the set's categories, or an edited
// page in the set by a category is no longer in any.
func (v *verdict) membership(ctx context.Context, wiki Wiki, candidates, leavers, cats []string) error {
	if len(candidates)+len(leavers) == 0 || v.full {
		return nil
	}
	ask := uniqueSorted(slices.Sorted(slices.Values(append(candidates, leavers...))))
	v.asked = true
	in, err := wiki.InCategories(ctx, ask, cats)
	if err != nil {
		return fmt.Errorf("ask whether edited pages joined or left the set's categories: %w", err)
	}
	member := map[string]bool{}
	for _, t := range in {
		member[archive.Canonical(t)] = true
	}
	for _, t := range candidates {
		if member[t] {
			v.full, v.reason = true, fmt.Sprintf("%q joined a category of the set", t)
			return nil
		}
	}
	for _, t := range leavers {
		if !member[t] {
			v.full, v.reason = true, fmt.Sprintf("%q left the set's categories", t)
			return nil
		}
	}
	return nil
}

func uniqueSorted(sorted []string) []string {
	out := sorted[:0:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}
