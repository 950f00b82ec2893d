package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/pagename"
	"github.com/wikisite/wikisite/sync/personadiff"
	"github.com/wikisite/wikisite/sync/personas"
)

const diffSynopsis = "diff [--config FILE] [--archive DIR] [--from V] [--to V] [--draft TITLE=FILE] [--persona SLUG] [--format text|markdown|json] [--color auto|always|never] [--exit-code]\n\n" +
	"Shows what changed in the personas page between two versions: personas\n" +
	"added, removed or renamed, the fields that changed, and the word diff of\n" +
	"each changed section (of the wikitext). A version V is a meeting's date\n" +
	"(YYYY-MM-DD, as in config.toml), \"latest\", a revision id (123 or r123), or\n" +
	"\"draft\": the file of --draft TITLE=FILE taken as the page's next revision\n" +
	"(never written to the archive). The default is from the last meeting to\n" +
	"latest, or to the draft when there is one. It reads only the archive.\n\n" +
	"--format json writes the schema of sync/personadiff.Report: page, from and to\n" +
	"({name, revision, timestamp, draft}), changed, personas ([{slug, old_slug, name,\n" +
	"old_name, change, fields: [{key, label, old, new}], sections: [{title,\n" +
	"change, diff: [{op, text}]}]}]) and text (sections outside the personas);\n" +
	"change is added, removed, renamed or changed; op is equal, insert or delete.\n\n" +
	"Exit codes: 0 done (with --exit-code: no changes); 3 with --exit-code: the\n" +
	"versions differ (like `git diff --exit-code`'s 1, which wikisite keeps for\n" +
	"errors); 1 error; 2 bad usage."

// diffFlags are diff's flags.
type diffFlags struct {
	common
	from, to, persona, format, color string
	exitCode                         bool
	drafts                           draftFlag
}

func runDiff(_ context.Context, args []string, stdout, stderr io.Writer) error {
	var f diffFlags
	fs := newFlagSet("diff", diffSynopsis, stderr, &f.common, false)
	fs.StringVar(&f.from, "from", "", "`version` to compare from (default: the last meeting)")
	fs.StringVar(&f.to, "to", "", "`version` to compare to (default: latest, or draft with --draft)")
	fs.Var(&f.drafts, "draft", "`TITLE=FILE`: the file's wikitext as the page's next revision, version \"draft\"")
	fs.StringVar(&f.persona, "persona", "", "only the persona with this `slug` (e.g. sandra-summers)")
	fs.StringVar(&f.format, "format", "text", "output `format`: text, markdown or json")
	fs.StringVar(&f.color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&f.exitCode, "exit-code", false, "exit 3 when the versions differ, 0 when they do not")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage{msg: fmt.Sprintf("diff: takes no arguments, got %q (use --from and --to)", fs.Arg(0))}
	}
	write, err := f.writer(stdout)
	if err != nil {
		return err
	}
	cfg, store, err := f.load(stderr)
	if err != nil {
		return err
	}
	page, err := personasPage(cfg, store)
	if err != nil {
		return err
	}
	drafts, err := readDrafts(cfg, f.drafts)
	if err != nil {
		return err
	}
	var draftText *string
	for _, d := range drafts {
		if pagename.Canonical(d.title) != pagename.Canonical(page.Title) {
			return withHint(fmt.Errorf("--draft %s=%s: diff compares the personas page, %q", d.title, d.file, page.Title), "pass --draft "+page.Title+"=FILE")
		}
		draftText = &d.text
	}
	if f.to == "" {
		f.to = "latest"
		if draftText != nil {
			f.to = "draft"
		}
	}
	if f.from == "" {
		if len(cfg.Meetings) == 0 {
			return withHint(fmt.Errorf("diff: no meetings in %s to compare from", f.configPath), "pass --from with a revision id, or add [[params.meetings]] to config.toml")
		}
		f.from = cfg.Meetings[len(cfg.Meetings)-1].Slug()
	}
	from, oldText, err := resolveVersion(cfg, store, page, draftText, f.from, "--from")
	if err != nil {
		return err
	}
	to, newText, err := resolveVersion(cfg, store, page, draftText, f.to, "--to")
	if err != nil {
		return err
	}
	d := personadiff.Compare(oldText, newText)
	if f.persona != "" {
		if d, err = onlyPersona(d, f.persona, oldText, newText); err != nil {
			return err
		}
	}
	r := personadiff.Report{Page: page.Title, From: from, To: to, Changed: !d.Empty(), Diff: d}
	if err := write(r); err != nil {
		return fmt.Errorf("diff: write: %w", err)
	}
	if f.exitCode && r.Changed {
		return errDiffers{}
	}
	return nil
}

// writer picks the output format's writer.
func (f *diffFlags) writer(stdout io.Writer) (func(personadiff.Report) error, error) {
	color := false
	switch f.color {
	case "always":
		color = true
	case "never":
	case "auto":
		color = isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	default:
		return nil, errUsage{msg: fmt.Sprintf("--color: %q is not auto, always or never", f.color)}
	}
	switch f.format {
	case "text":
		return func(r personadiff.Report) error {
			return personadiff.WriteText(stdout, r, personadiff.Style{Color: color})
		}, nil
	case "markdown", "md":
		return func(r personadiff.Report) error { return personadiff.WriteMarkdown(stdout, r) }, nil
	case "json":
		return func(r personadiff.Report) error { return personadiff.WriteJSON(stdout, r) }, nil
	}
	return nil, errUsage{msg: fmt.Sprintf("--format: %q is not text, markdown or json", f.format)}
}

// personasPage is the page the personas come from: the first configured
// page whose newest text has persona headings, else the first archived one.
func personasPage(cfg *config.Config, store *archive.Store) (*archive.Page, error) {
	var first *archive.Page
	for _, title := range cfg.Wiki.Pages {
		p, err := store.Page(title)
		if err != nil || p.Last() == nil {
			continue
		}
		if first == nil {
			first = p
		}
		if rev := lastVisible(p, time.Time{}); rev != nil {
			text, err := store.Text(p.Title, rev.ID)
			if err != nil {
				return nil, err
			}
			if _, ok := personas.Split(string(text)); ok {
				return p, nil
			}
		}
	}
	if first == nil {
		return nil, withHint(fmt.Errorf("diff: the archive has none of the configured pages (%s)", strings.Join(cfg.Wiki.Pages, ", ")), "run `wikisite sync` (or `wikisite import FILE.xml`) first")
	}
	return first, nil
}

// lastVisible is the newest revision with readable text at or before t
// (any time when t is zero), or nil.
func lastVisible(p *archive.Page, t time.Time) *archive.Revision {
	for i := len(p.Revisions) - 1; i >= 0; i-- {
		r := &p.Revisions[i]
		if r.TextHidden || (!t.IsZero() && r.Timestamp.After(t)) {
			continue
		}
		return r
	}
	return nil
}

// resolveVersion turns a --from or --to value into a version of page and
// its text; a meeting before the page's first revision has empty text.
func resolveVersion(cfg *config.Config, store *archive.Store, page *archive.Page, draftText *string, spec, flag string) (personadiff.Version, string, error) {
	var rev *archive.Revision
	v := personadiff.Version{Name: spec}
	switch {
	case spec == "latest":
		rev = lastVisible(page, time.Time{})
	case spec == "draft" && draftText == nil:
		return v, "", errUsage{msg: flag + " draft: there is no draft; pass --draft " + page.Title + "=FILE"}
	case spec == "draft":
		v.Draft = true
		return v, *draftText, nil
	case isRevisionID(spec):
		id, _ := strconv.ParseInt(strings.TrimPrefix(spec, "r"), 10, 64)
		for i := range page.Revisions {
			if page.Revisions[i].ID == id {
				rev = &page.Revisions[i]
			}
		}
		if rev == nil {
			return v, "", withHint(fmt.Errorf("%s %s: page %q has no revision %d in the archive", flag, spec, page.Title, id), "run `wikisite sync` if it is new on the wiki, or pick one from the site's history page")
		}
		if rev.TextHidden {
			return v, "", fmt.Errorf("%s %s: the text of revision %d of %q is hidden on the wiki", flag, spec, id, page.Title)
		}
		v.Name = fmt.Sprintf("r%d", id)
	default:
		m, err := meeting(cfg, spec, flag)
		if err != nil {
			return v, "", err
		}
		rev = lastVisible(page, m.Date)
	}
	if rev == nil {
		return v, "", nil
	}
	text, err := store.Text(page.Title, rev.ID)
	if err != nil {
		return v, "", err
	}
	v.Revision, v.Timestamp = rev.ID, rev.Timestamp
	return v, string(text), nil
}

func isRevisionID(s string) bool {
	s = strings.TrimPrefix(s, "r")
	_, err := strconv.ParseUint(s, 10, 63)
	return err == nil && s != ""
}

// meeting finds the configured meeting on date spec.
func meeting(cfg *config.Config, spec, flag string) (config.Meeting, error) {
	var dates []string
	for _, m := range cfg.Meetings {
		if m.Slug() == spec {
			return m, nil
		}
		dates = append(dates, m.Slug())
	}
	if _, err := time.Parse("2006-01-02", spec); err != nil {
		return config.Meeting{}, errUsage{msg: fmt.Sprintf("%s: %q is not a meeting date (YYYY-MM-DD), \"latest\" or a revision id", flag, spec)}
	}
	return config.Meeting{}, withHint(fmt.Errorf("%s %s: no meeting on that date in config.toml", flag, spec), "meetings: "+strings.Join(dates, ", "))
}

// onlyPersona keeps the one persona named by slug (its new slug, or its old
// one if it was renamed or removed) and drops the text around the personas.
func onlyPersona(d personadiff.Diff, slug, oldText, newText string) (personadiff.Diff, error) {
	for _, p := range d.Personas {
		if p.Slug == slug || p.OldSlug == slug {
			return personadiff.Diff{Personas: []personadiff.Persona{p}}, nil
		}
	}
	var known []string
	for _, text := range []string{newText, oldText} {
		doc, _ := personas.Split(text)
		for _, p := range doc.Personas {
			if p.Slug == slug {
				return personadiff.Diff{}, nil // there, unchanged
			}
			known = append(known, p.Slug)
		}
	}
	slices.Sort(known)
	return personadiff.Diff{}, withHint(fmt.Errorf("--persona %s: no such persona in either version", slug), "personas: "+strings.Join(slices.Compact(known), ", "))
}
