package bench

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// WriteDump writes pages, and the template they call, as a MediaWiki XML
// export (schema 0.10) that importDump.php loads. importDump.php renumbers
// the revisions and computes the sha1s itself, so none are written.
func WriteDump(w io.Writer, pages []Page) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">`)
	tpl := Page{Title: TemplateTitle, Revisions: []Revision{{
		Time: Start.Add(-24 * time.Hour), User: "Synthetic user 0",
		Comment: "Synthetic template", Text: templateText,
	}}}
	revID := 0
	for i, p := range append([]Page{tpl}, pages...) {
		ns := 0
		if strings.HasPrefix(p.Title, "Template:") {
			ns = 10
		}
		fmt.Fprintf(bw, "  <page>\n    <title>%s</title>\n    <ns>%d</ns>\n    <id>%d</id>\n", escape(p.Title), ns, i+1)
		for _, r := range p.Revisions {
			revID++
			fmt.Fprintf(bw, "    <revision>\n      <id>%d</id>\n      <timestamp>%s</timestamp>\n", revID, r.Time.UTC().Format("2006-01-02T15:04:05Z"))
			fmt.Fprintf(bw, "      <contributor><username>%s</username></contributor>\n", escape(r.User))
			fmt.Fprintf(bw, "      <comment>%s</comment>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n", escape(r.Comment))
			fmt.Fprintf(bw, "      <text xml:space=\"preserve\" bytes=\"%d\">%s</text>\n    </revision>\n", len(r.Text), escape(r.Text))
		}
		fmt.Fprintln(bw, "  </page>")
	}
	fmt.Fprintln(bw, "</mediawiki>")
	return bw.Flush()
}

// WriteDumpFile writes the export to path.
func WriteDumpFile(path string, pages []Page) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	if err := WriteDump(f, pages); err != nil {
		f.Close()
		return fmt.Errorf("write dump %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write dump %s: %w", path, err)
	}
	return nil
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}
