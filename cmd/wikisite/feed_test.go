package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/cmd/wikisite/config"
	"github.com/wikisite/wikisite/internal/sitecopy"
	"github.com/wikisite/wikisite/sync/archive"
)

// feedCap is how many meetings the meetings feed carries, the newest
// (layouts/_partials/atom-meetings.html).
const feedCap = 20

// TestMeetingsFeedIsCapped builds the committed archive with more
// meetings than the feeds carry and checks both feeds (the home page's and
// /meetings/'s): the newest feedCap meetings, newest first, each entry a
// summary linking its meeting page and never its diffs.
func TestMeetingsFeedIsCapped(t *testing.T) {
	dir := t.TempDir()
	sitecopy.Into(t, repoRoot, dir)
	cfgPath := filepath.Join(dir, "config.toml")
	extra := feedCap + 5
	var add strings.Builder
	start := time.Date(2014, 2, 4, 16, 0, 0, 0, time.UTC)
	for i := range extra {
		fmt.Fprintf(&add, "\n[[params.meetings]]\ndate = %s\ntitle = \"Synthetic test meeting %d\"\n", start.AddDate(0, 0, 7*i).Format(time.RFC3339), i+1)
	}
	f, err := os.OpenFile(cfgPath, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(add.String()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	var want []string // the newest feedCap titles, newest first
	for i := len(cfg.Meetings) - 1; i >= 0 && len(want) < feedCap; i-- {
		want = append(want, cfg.Meetings[i].Title)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"build", "--config", cfgPath, "--archive", filepath.Join(repoRoot, "archive"),
		"--content", filepath.Join(dir, "content"), "--destination", filepath.Join(dir, "public")}
	if code := run(context.Background(), args, &stdout, &stderr); code != exitOK {
		t.Fatalf("wikisite build: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, feed := range []string{"atom.xml", "meetings/atom.xml"} {
		t.Run(feed, func(t *testing.T) {
			var f struct {
				Entries []struct {
					Title string `xml:"title"`
					ID    string `xml:"id"`
					Link  struct {
						Href string `xml:"href,attr"`
					} `xml:"link"`
					Content string `xml:"content"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(mustReadFile(t, filepath.Join(dir, "public", feed))), &f); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range f.Entries {
				got = append(got, e.Title)
				if !strings.Contains(e.Content, `href="`+e.Link.Href+`"`) {
					t.Errorf("%s: the entry does not link its meeting %s:\n%s", e.Title, e.Link.Href, e.Content)
				}
				if strings.Contains(e.Content, "rdiff") || strings.Contains(e.Content, "<ins") || strings.Contains(e.Content, "<del") {
					t.Errorf("%s: the entry carries a diff:\n%s", e.Title, e.Content)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("entries %q\nwant the newest %d, newest first: %q", got, feedCap, want)
			}
		})
	}
}

// TestRevisionFeedIsCapped builds the committed archive after 60 more
// (synthetic) edits of a template and checks the template's revision feed:
// the newest 50 revisions, newest first, however long the history.
func TestRevisionFeedIsCapped(t *testing.T) {
	const title, extra, feedRevisions = "Template:Admon/note", 60, 50
	dir, store := mustSiteWithArchive(t)
	for i := range extra {
		mustAddRevision(t, store, title, fmt.Sprintf("<!-- synthetic edit %d, made up for a test -->", i+1),
			func(last *archive.Revision) archive.Revision {
				return archive.Revision{ID: last.ID + 1000000, Timestamp: last.Timestamp.Add(time.Hour), User: "Synthetic user", Comment: "synthetic edit"}
			})
	}
	p, err := store.Page(title)
	if err != nil {
		t.Fatal(err)
	}
	var want []string // the newest feedRevisions ids, newest first
	for i := len(p.Revisions) - 1; i >= 0 && len(want) < feedRevisions; i-- {
		want = append(want, fmt.Sprintf("#rev-%d", p.Revisions[i].ID))
	}

	public := mustBuildSite(t, dir)
	var feed struct {
		Entries []struct {
			ID string `xml:"id"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(mustReadFile(t, filepath.Join(public, "history", title, "atom.xml"))), &feed); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range feed.Entries {
		_, frag, _ := strings.Cut(e.ID, "#")
		got = append(got, "#"+frag)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the feed of %d revisions carries %d entries %q\nwant the newest %d, newest first: %q", len(p.Revisions), len(got), got, feedRevisions, want)
	}
}
