package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
)

// revisionSet remembers which revisions the archive held before a sync, so
// that the sync's commit message can list exactly the new ones.
type revisionSet map[string]map[int64]bool

func archivedRevisions(store *archive.Store) (revisionSet, error) {
	titles, err := store.Titles()
	if err != nil {
		return nil, err
	}
	set := revisionSet{}
	for _, title := range titles {
		p, err := store.Page(title)
		if err != nil {
			return nil, err
		}
		ids := map[int64]bool{}
		for _, r := range p.Revisions {
			ids[r.ID] = true
		}
		set[title] = ids
	}
	return set, nil
}

// commitMessage lists the revisions the archive holds beyond before: a
// subject line, then one line per revision with page, id, author and edit
// summary, oldest first within each page.
func commitMessage(store *archive.Store, before revisionSet) (string, error) {
	titles, err := store.Titles()
	if err != nil {
		return "", err
	}
	var lines []string
	for _, title := range titles {
		p, err := store.Page(title)
		if err != nil {
			return "", err
		}
		for _, r := range p.Revisions {
			if before[title][r.ID] {
				continue
			}
			lines = append(lines, "- "+describeRevision(title, r))
		}
	}
	subject := fmt.Sprintf("Sync %s from the wiki", plural(len(lines), "new revision"))
	return subject + "\n\n" + strings.Join(lines, "\n") + "\n", nil
}

func describeRevision(title string, r archive.Revision) string {
	user := r.User
	if r.UserHidden || user == "" {
		user = "(hidden user)"
	}
	line := fmt.Sprintf("%s r%d by %s, %s", title, r.ID, user, r.Timestamp.UTC().Format("2006-01-02 15:04 UTC"))
	switch {
	case r.CommentHidden:
		line += ": (summary hidden)"
	case r.Comment != "":
		line += ": " + strings.Join(strings.Fields(r.Comment), " ")
	}
	return line
}

// writeMessage writes the commit message file for --message.
func writeMessage(path string, store *archive.Store, before revisionSet) error {
	msg, err := commitMessage(store, before)
	if err != nil {
		return fmt.Errorf("--message: %w", err)
	}
	if err := os.WriteFile(path, []byte(msg), 0o644); err != nil {
		return fmt.Errorf("--message: %w", err)
	}
	return nil
}
