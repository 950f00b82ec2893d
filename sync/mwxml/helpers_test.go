package mwxml

import (
	"crypto/sha1"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// base36 is the dump's form of a text's sha1, for synthetic dumps.
func base36(text string) string {
	sum := sha1.Sum([]byte(text))
	return new(big.Int).SetBytes(sum[:]).Text(36)
}

// synthRevision is one revision of a synthetic dump: the text is made up
// for tests and says so.
func synthRevision(id int64, text string) string {
	return fmt.Sprintf(`<revision><id>%d</id><timestamp>2001-01-0%dT00:00:00Z</timestamp>
<contributor><username>Synthetic</username><id>1</id></contributor>
<text xml:space="preserve" bytes="%d">%s</text><sha1>%s</sha1></revision>`,
		id, 1+id%9, len(text), xmlEscape(text), base36(text))
}

func synthPage(title string, revs ...string) string {
	return rawPage(xmlEscape(title), revs...)
}

// rawPage is synthPage with a title already in XML form.
func rawPage(titleXML string, revs ...string) string {
	return fmt.Sprintf("<page><title>%s</title><ns>0</ns><id>7</id>\n%s\n</page>\n", titleXML, strings.Join(revs, "\n"))
}

func synthDump(schema string, pages ...string) string {
	return fmt.Sprintf(`<mediawiki xmlns="http://www.mediawiki.org/xml/export-%s/" version="%s">
<siteinfo><sitename>Synthetic Wiki</sitename><base>http://wiki.invalid/wiki/Main_Page</base></siteinfo>
%s</mediawiki>
`, schema, schema, strings.Join(pages, ""))
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// readAll collects every revision of a dump.
type readRevision struct {
	page Page
	rev  Revision
}

func readAll(tb testing.TB, dump string) ([]readRevision, error) {
	tb.Helper()
	var got []readRevision
	err := Read(strings.NewReader(dump), func(p *Page, r *Revision) error {
		got = append(got, readRevision{*p, *r})
		return nil
	})
	return got, err
}
