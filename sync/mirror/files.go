package mirror

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mw"
)

// fileLink finds the file a "[[File:Name.png|…]]" or "[[Image:…]]" link
// shows. "[[:File:…]]" (a link to the file's page) shows none. Like
// templateNames it is a scan that finds titles to ask about, not a parser;
// <gallery> lists are not read yet.
var fileLink = regexp.MustCompile(`\[\[[ \t]*(?i:file|image)[ \t]*:[ \t]*([^|\]\n\[{}<>]+)`)

// fileNames lists, sorted, the file titles ("File:Name.png") a text shows.
func fileNames(text []byte) []string {
	seen := map[string]bool{}
	for _, m := range fileLink.FindAllSubmatch(text, -1) {
		if name := strings.TrimSpace(string(m[1])); len(name) <= 255 {
			if title := archive.Canonical("File:" + name); title != "File:" {
				seen[title] = true
			}
		}
	}
	return sortedKeys(seen)
}

// usedFiles lists, sorted, the files the archived texts of pages show.
func (a *archived) usedFiles(pages []string) []string {
	names := map[string]bool{}
	for _, t := range pages {
		p := a.lookup(t, t)
		if p == nil {
			continue
		}
		for _, r := range p.Revisions {
			text, err := a.store.Text(p.Title, r.ID)
			if err != nil {
				continue // hidden: it shows nothing we can use
			}
			for _, n := range fileNames(text) {
				names[n] = true
			}
		}
	}
	return sortedKeys(names)
}

// syncFiles mirrors the files the pages show: every version the wiki has,
// checked against its sha1 and stored by it. With all, it asks about every
// file (a full sync); otherwise only about files not recorded yet and the
// ones in refresh (upload or deletion log entries). One request per 50
// files, plus one per version not yet stored.
func (s *syncer) syncFiles(pages []string, all bool, refresh []string) error {
	rec, err := s.store.Files()
	if err != nil {
		return err
	}
	var ask []string
	for _, t := range s.arch.usedFiles(pages) {
		if all || rec.Lookup(t) == nil || containsTitle(refresh, t) {
			ask = append(ask, t)
		}
	}
	if len(ask) == 0 {
		return nil
	}
	files, err := s.wiki.Files(s.ctx, ask)
	if err != nil {
		return fmt.Errorf("ask the wiki about the files the pages show: %w", err)
	}
	for _, t := range ask {
		f, ok := files[t]
		if !ok {
			f = mw.File{Title: t, Missing: true}
		}
		if err := s.file(rec, f); err != nil {
			return err
		}
	}
	return s.store.PutFiles(rec)
}

// file brings one file's record up to date, downloading the versions the
// archive lacks. A download that fails or does not match its sha1 leaves
// that version out, with a warning: the site shows the versions it has, or
// a placeholder.
func (s *syncer) file(rec *archive.Files, f mw.File) error {
	have := rec.Lookup(f.Title)
	if have == nil {
		rec.Files = append(rec.Files, archive.File{Title: f.Title})
		have = &rec.Files[len(rec.Files)-1]
	}
	have.Missing = f.Missing
	if f.Missing {
		s.sum.MissingFiles = append(s.sum.MissingFiles, f.Title)
		s.log.Info("file is missing on the wiki; the site shows a placeholder", "file", f.Title, "archived versions", len(have.Versions))
		return nil
	}
	stored := map[string]bool{}
	for _, v := range have.Versions {
		stored[strings.ToLower(v.SHA1)+v.Timestamp.String()] = true
	}
	for _, v := range f.Versions {
		if stored[strings.ToLower(v.SHA1)+v.Timestamp.String()] {
			continue
		}
		data, err := s.wiki.Download(s.ctx, v.URL)
		if errors.Is(err, s.ctx.Err()) && s.ctx.Err() != nil {
			return err
		}
		if err != nil {
			s.warn("file %q version of %s: %v: left out", f.Title, v.Timestamp.Format("2006-01-02 15:04"), err)
			continue
		}
		blob, err := s.store.PutBlob(f.Title, v.SHA1, data)
		if err != nil {
			s.warn("%v: left out", err)
			continue
		}
		have.Versions = append(have.Versions, archive.FileVersion{Timestamp: v.Timestamp, SHA1: strings.ToLower(v.SHA1), Blob: blob,
			Size: v.Size, Width: v.Width, Height: v.Height, Mime: v.Mime})
		s.sum.Files++
	}
	sort.SliceStable(have.Versions, func(i, j int) bool { return have.Versions[i].Timestamp.Before(have.Versions[j].Timestamp) })
	return nil
}

func containsTitle(titles []string, t string) bool {
	for _, x := range titles {
		if archive.Canonical(x) == t {
			return true
		}
	}
	return false
}
