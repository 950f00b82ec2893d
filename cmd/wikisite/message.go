package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/mirror"
)

// commitMessage lists the revisions a sync added: a subject line, then one
// line per revision with page, id, author and edit summary, pages by
// title, oldest first within each page.
func commitMessage(added []mirror.Added) string {
	added = append([]mirror.Added(nil), added...)
	sort.SliceStable(added, func(i, j int) bool {
		a, b := added[i], added[j]
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Revision.Timestamp.Before(b.Revision.Timestamp)
	})
	var lines []string
	for _, a := range added {
		lines = append(lines, "- "+describeRevision(a.Title, a.Revision))
	}
	subject := fmt.Sprintf("Sync %s from the wiki", plural(len(lines), "new revision"))
	return subject + "\n\n" + strings.Join(lines, "\n") + "\n"
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
func writeMessage(path string, added []mirror.Added) error {
	if err := os.WriteFile(path, []byte(commitMessage(added)), 0o644); err != nil {
		return fmt.Errorf("--message: %w", err)
	}
	return nil
}
