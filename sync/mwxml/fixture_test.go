package mwxml

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
)

var update = flag.Bool("update", false, "rewrite golden files")

const fixturePath = "../../testdata/fedora-server-personas.xml"

func mustReadFixture(tb testing.TB) ([]readRevision, SiteInfo) {
	tb.Helper()
	f, err := os.Open(fixturePath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rd := NewReader(f)
	var got []readRevision
	for {
		p, err := rd.Next()
		if err != nil {
			if err == io.EOF {
				break
			}
			tb.Fatal(err)
		}
		for {
			r, err := rd.NextRevision()
			if err != nil {
				if err == io.EOF {
					break
				}
				tb.Fatal(err)
			}
			got = append(got, readRevision{*p, *r})
		}
	}
	return got, rd.SiteInfo()
}

// TestFixture checks the real export against the fixture README's table.
func TestFixture(t *testing.T) {
	got, site := mustReadFixture(t)
	if site.SiteName != "Fedora Project Wiki" || site.Base != "https://fedoraproject.org/wiki/Fedora_Project_Wiki" {
		t.Errorf("siteinfo = %q %q", site.SiteName, site.Base)
	}
	if len(site.Namespaces) != 18 || site.Namespaces[12].Key != 10 || site.Namespaces[12].Name != "Template" || site.Namespaces[2].Name != "" {
		t.Errorf("namespaces = %+v", site.Namespaces)
	}
	want := []struct {
		title string
		id    int64
		when  string
		user  string
		minor bool
	}{
		{"Template:Admon/note", 1, "2013-10-01T00:00:00Z", "FixtureStub", false},
		{"Template:Admon/warning", 2, "2013-10-01T00:00:00Z", "FixtureStub", false},
		{"Server/Personas", 361683, "2013-11-22T22:00:00Z", "UnknownEditor", false},
		{"Server/Personas", 361684, "2013-11-22T22:01:00Z", "UnknownEditor", true},
		{"Server/Personas", 361893, "2013-11-24T11:00:00Z", "UnknownEditor", false},
		{"Server/Personas", 363023, "2013-12-02T17:00:00Z", "UnknownEditor", false},
		{"Server/Personas", 363038, "2013-12-02T19:32:00Z", "UnknownEditor", false},
		{"Server/Personas", 363052, "2013-12-02T21:59:00Z", "UnknownEditor", false},
		{"Server/Personas", 363060, "2013-12-02T23:23:00Z", "UnknownEditor", false},
		{"Server/Personas", 363063, "2013-12-02T23:55:00Z", "UnknownEditor", true},
		{"Server/Personas", 363073, "2013-12-03T01:40:00Z", "Duffy", false},
		{"Server/Personas", 363076, "2013-12-03T01:45:00Z", "UnknownEditor", false},
		{"Server/Personas", 363097, "2013-12-03T02:38:00Z", "UnknownEditor", false},
		{"Server/Personas", 364032, "2013-12-10T16:52:00Z", "Davidstrauss", false},
		{"Server/Personas", 364847, "2013-12-16T11:38:00Z", "UnknownEditor", false},
		{"Server/Personas", 364907, "2013-12-16T21:50:00Z", "UnknownEditor", false},
		{"Server/Personas", 370811, "2014-02-25T16:09:00Z", "Duffy", true},
	}
	if len(got) != len(want) {
		t.Fatalf("read %d revisions, want %d (15 of Server/Personas and 2 templates)", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		t.Run(fmt.Sprint(w.id), func(t *testing.T) {
			when, _ := time.Parse(time.RFC3339, w.when)
			if g.page.Title != w.title || g.rev.ID != w.id || !g.rev.Timestamp.Equal(when) || g.rev.Contributor.Name() != w.user || g.rev.Minor != w.minor {
				t.Errorf("got %q %d %s %q minor=%v, want %+v", g.page.Title, g.rev.ID, g.rev.Timestamp, g.rev.Contributor.Name(), g.rev.Minor, w)
			}
			if len(g.rev.SHA1) != 40 || g.rev.SHA1 != archive.SHA1(g.rev.Text) {
				t.Errorf("sha1 %q, but the text hashes to %s", g.rev.SHA1, archive.SHA1(g.rev.Text))
			}
			if g.rev.Model != "wikitext" || g.rev.Format != "text/x-wiki" {
				t.Errorf("model/format = %q/%q", g.rev.Model, g.rev.Format)
			}
		})
	}
	if c := got[3].rev.Comment; c != "/* Persona #3 */" {
		t.Errorf("comment of 361684 = %q", c)
	}
	if p := got[2].page; p.NS != 0 || p.ID != 1 || got[0].page.NS != 10 {
		t.Errorf("page header = %+v, template ns %d", p, got[0].page.NS)
	}
}

// TestFixtureGolden pins every field read from the fixture; regenerate
// with go test -update after a deliberate change.
func TestFixtureGolden(t *testing.T) {
	got, _ := mustReadFixture(t)
	var b bytes.Buffer
	for _, g := range got {
		r := g.rev
		fmt.Fprintf(&b, "%s ns=%d page=%d rev=%d parent=%d %s user=%q/%d minor=%v comment=%q %s/%s bytes=%d sha1=%s\n",
			g.page.Title, g.page.NS, g.page.ID, r.ID, r.ParentID, r.Timestamp.Format(time.RFC3339),
			r.Contributor.Name(), r.Contributor.ID, r.Minor, r.Comment, r.Model, r.Format, len(r.Text), r.SHA1)
	}
	golden := filepath.Join("testdata", "fixture.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("fixture read differs from %s:\n got:\n%s\nwant:\n%s", golden, b.Bytes(), want)
	}
}
