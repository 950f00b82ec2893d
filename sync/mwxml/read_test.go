package mwxml

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// A synthetic schema-0.11 dump with what the fixture lacks: a redirect, an
// upload, an anonymous edit, hidden text, user and comment, a <origin> and
// a multi-slot <content>, and a page without revisions.
const dump011 = `<?xml version="1.0" encoding="utf-8"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Synthetic Wiki</sitename>
    <base>http://wiki.invalid/wiki/Main_Page</base>
    <namespaces><namespace key="0" case="first-letter" /><namespace key="10" case="first-letter">Template</namespace></namespaces>
  </siteinfo>
  <page>
    <title>Synthetic redirect</title>
    <ns>0</ns>
    <id>11</id>
    <redirect title="Synthetic target" />
    <restrictions>edit=sysop</restrictions>
    <revision>
      <id>101</id>
      <timestamp>2020-02-03T04:05:06Z</timestamp>
      <contributor><ip>192.0.2.7</ip></contributor>
      <comment>synthetic comment</comment>
      <origin>101</origin>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="30" sha1="ignored" xml:space="preserve">#REDIRECT [[Synthetic target]]</text>
      <sha1>` + "j41ut2e0mu94v67zagro8kssv1rxjhp" + `</sha1>
      <content><role>extra</role><text>another slot</text></content>
    </revision>
    <revision>
      <id>102</id>
      <parentid>101</parentid>
      <timestamp>2020-02-04T04:05:06Z</timestamp>
      <contributor deleted="deleted" />
      <minor />
      <comment deleted="deleted" />
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="12" deleted="deleted" />
      <sha1 />
    </revision>
    <upload><timestamp>2020-02-04T04:05:06Z</timestamp><filename>x.png</filename></upload>
  </page>
  <page>
    <title>Synthetic empty page</title>
    <ns>0</ns>
    <id>12</id>
  </page>
  <page>
    <title>Template:Synthetic</title>
    <ns>10</ns>
    <id>13</id>
    <revision>
      <id>103</id>
      <timestamp>2020-02-05T00:00:00Z</timestamp>
      <contributor><username>Synthetic user</username><id>5</id></contributor>
      <text xml:space="preserve">  synthetic &amp; text
with &lt;b&gt; markup, tabs	and ünïcödé  </text>
      <sha1></sha1>
    </revision>
  </page>
</mediawiki>
`

func TestSchema011(t *testing.T) {
	rd := NewReader(strings.NewReader(dump011))
	var pages []Page
	var revs []Revision
	for {
		p, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, *p)
		for {
			r, err := rd.NextRevision()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			revs = append(revs, *r)
		}
	}
	if site := rd.SiteInfo(); site.SiteName != "Synthetic Wiki" || len(site.Namespaces) != 2 || site.Namespaces[1] != (Namespace{10, "first-letter", "Template"}) {
		t.Errorf("siteinfo = %+v", site)
	}
	if len(pages) != 3 || pages[0] != (Page{"Synthetic redirect", 0, 11, "Synthetic target"}) || pages[1].Title != "Synthetic empty page" || pages[2].NS != 10 {
		t.Fatalf("pages = %+v", pages)
	}
	if len(revs) != 3 {
		t.Fatalf("read %d revisions, want 3", len(revs))
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"anonymous edit", revs[0].Contributor == Contributor{IP: "192.0.2.7"} && revs[0].Contributor.Name() == "192.0.2.7"},
		{"redirect text", string(revs[0].Text) == "#REDIRECT [[Synthetic target]]" && revs[0].SHA1 == "a39e8141af4d6e8ad67a65e3c95641bc48446fed"},
		{"comment", revs[0].Comment == "synthetic comment" && !revs[0].CommentDeleted},
		{"hidden text", revs[1].TextDeleted && revs[1].Text == nil && revs[1].SHA1 == ""},
		{"hidden user and comment", revs[1].Contributor.Deleted && revs[1].CommentDeleted && revs[1].Minor && revs[1].ParentID == 101},
		{"text kept byte for byte", string(revs[2].Text) == "  synthetic & text\nwith <b> markup, tabs\tand ünïcödé  "},
		{"no sha1 in the dump", revs[2].SHA1 == ""},
		{"user", revs[2].Contributor == Contributor{Username: "Synthetic user", ID: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ok {
				t.Errorf("revisions: %+v", revs)
			}
		})
	}
}

func TestNextSkipsUnreadRevisions(t *testing.T) {
	dump := synthDump("0.10",
		synthPage("Synthetic A", synthRevision(1, "synthetic one"), synthRevision(2, "synthetic two")),
		synthPage("Synthetic B", synthRevision(3, "synthetic three")))
	rd := NewReader(strings.NewReader(dump))
	var titles []string
	for {
		p, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, p.Title)
	}
	if strings.Join(titles, ",") != "Synthetic A,Synthetic B" {
		t.Fatalf("titles = %q", titles)
	}
	if _, err := rd.NextRevision(); err != io.EOF {
		t.Fatalf("NextRevision after the end = %v, want io.EOF", err)
	}
}

func TestCallbackErrorStopsRead(t *testing.T) {
	stop := errors.New("stop here")
	calls := 0
	err := Read(strings.NewReader(synthDump("0.10", synthPage("Synthetic", synthRevision(1, "a"), synthRevision(2, "b")))),
		func(*Page, *Revision) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("Read = %v after %d calls, want the callback's error after 1", err, calls)
	}
}
