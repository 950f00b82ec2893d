package mwtest

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Edit saves text as a new revision of title, made by user (Admin when
// empty; created first when the harness has not made it yet), and returns
// the new revision id. Saving the current text again fails the test: it
// makes no revision.
func (w *Wiki) Edit(tb testing.TB, title, text, summary, user string) int64 {
	tb.Helper()
	user = w.mustUser(tb, user)
	var r struct {
		Edit struct {
			Result   string `json:"result"`
			NewRevID int64  `json:"newrevid"`
			NoChange bool   `json:"nochange"`
		} `json:"edit"`
	}
	w.mustPost(tb, user, url.Values{
		"action": {"edit"}, "title": {title}, "text": {text}, "summary": {summary},
	}, &r)
	if r.Edit.Result != "Success" || r.Edit.NewRevID == 0 {
		tb.Fatalf("mwtest: edit %q as %q: result %q, nochange %v, no new revision",
			title, user, r.Edit.Result, r.Edit.NoChange)
	}
	return r.Edit.NewRevID
}

// Move renames from to to as Admin, leaving a redirect behind and moving
// the talk page too.
func (w *Wiki) Move(tb testing.TB, from, to, reason string) {
	tb.Helper()
	w.mustPost(tb, AdminUser, url.Values{
		"action": {"move"}, "from": {from}, "to": {to}, "reason": {reason}, "movetalk": {"1"},
	}, nil)
}

// Delete deletes title as Admin.
func (w *Wiki) Delete(tb testing.TB, title, reason string) {
	tb.Helper()
	w.mustPost(tb, AdminUser, url.Values{
		"action": {"delete"}, "title": {title}, "reason": {reason},
	}, nil)
}

// HideRevision hides revision revid of title from the public, as Admin with
// revision deletion: its text when text is true, its user when user is true.
func (w *Wiki) HideRevision(tb testing.TB, title string, revid int64, text, user bool) {
	tb.Helper()
	var hide []string
	if text {
		hide = append(hide, "content")
	}
	if user {
		hide = append(hide, "user")
	}
	if len(hide) == 0 {
		tb.Fatalf("mwtest: hide revision %d of %q: nothing to hide", revid, title)
	}
	var r struct {
		RevisionDelete struct {
			Status string `json:"status"`
			Items  []struct {
				Status string `json:"status"`
			} `json:"items"`
		} `json:"revisiondelete"`
	}
	w.mustPost(tb, AdminUser, url.Values{
		"action": {"revisiondelete"}, "type": {"revision"}, "target": {title},
		"ids": {strconv.FormatInt(revid, 10)}, "hide": {strings.Join(hide, "|")},
		"reason": {"mwtest"},
	}, &r)
	rd := r.RevisionDelete
	if rd.Status != "Success" || len(rd.Items) != 1 || rd.Items[0].Status != "Success" {
		tb.Fatalf("mwtest: hide revision %d of %q: status %q, items %+v", revid, title, rd.Status, rd.Items)
	}
}

// mustUser returns the user to act as, creating it on first use so the
// harness knows its password.
func (w *Wiki) mustUser(tb testing.TB, user string) string {
	tb.Helper()
	if user == "" {
		return AdminUser
	}
	w.mu.Lock()
	known := w.users[user]
	w.mu.Unlock()
	if !known {
		w.CreateUser(tb, user)
	}
	return user
}

// Upload stores data as a new version of File:name with maintenance/
// importImages.php, as Admin, dated at (the zero time: now). A name the
// wiki already has gets a new version.
func (w *Wiki) Upload(tb testing.TB, name string, data []byte, at time.Time) {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		tb.Fatalf("mwtest: %v", err)
	}
	args := []string{"--overwrite", "--user", AdminUser, "--comment", "synthetic test upload"}
	if !at.IsZero() {
		args = append(args, "--timestamp", at.UTC().Format("20060102150405"))
	}
	out, err := w.maintenance(nil, "importImages.php", append(args, dir)...)
	if err != nil && strings.Contains(err.Error(), "already exists") {
		// MediaWiki names the archived old version by the current second,
		// so a second overwrite within one second collides: wait it out.
		time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(1100 * time.Millisecond)))
		out, err = w.maintenance(nil, "importImages.php", append(args, dir)...)
	}
	if err != nil {
		tb.Fatalf("mwtest: upload %s: %v", name, err)
	} else if !strings.Contains(out, "Added: 1") && !strings.Contains(out, "Overwritten: 1") {
		tb.Fatalf("mwtest: upload %s: importImages.php says:\n%s", name, out)
	}
}
