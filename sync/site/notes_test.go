package site

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notesReport is the shape layouts/home.notes.html writes.
const notesReport = `<html><body><article class="conversion-notes">
<header class="page-header"><h1>Conversion notes</h1></header>
<section><h2><a href="/personas/a/">A</a></h2><p>Revision 3 · <a href="https://wiki.example/A">on the wiki</a></p>
<ul><li>line 4: template &#34;Admon/info&#34; is not in the archive; shown as a link to <b>Template:Admon/info</b></li><li>line 9: tag &lt;script&gt; is not allowed</li></ul></section>
<section><h2><a href="/personas/b/">B</a></h2><ul><li>only B</li></ul></section>
</article></body></html>`

func TestPreviewShowsAPagesNotes(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "conversion-notes.html"), notesReport)
	for _, p := range []string{"personas/a", "personas/c"} {
		mustWrite(t, filepath.Join(root, p, "index.html"), "<html><body><p>page</p></body></html>")
	}
	srv := httptest.NewServer(previewHandler(root, newReloader()))
	defer srv.Close()
	for _, tc := range []struct {
		path      string
		want      []string
		wantNotes bool
	}{
		{"/personas/a/", []string{
			`<li>line 4: template &#34;Admon/info&#34; is not in the archive; shown as a link to Template:Admon/info</li>`,
			`<li>line 9: tag &lt;script&gt; is not allowed</li>`,
			`<a href="/conversion-notes.html">`,
		}, true},
		{"/personas/c/", nil, false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			page := mustGet(t, srv.URL+tc.path)
			if got := strings.Contains(page, `id="__wikisite_notes"`); got != tc.wantNotes {
				t.Fatalf("notes overlay shown = %v, want %v:\n%s", got, tc.wantNotes, page)
			}
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q:\n%s", w, page)
				}
			}
			if strings.Contains(page, "only B") || strings.Contains(page, "tag <script>") {
				t.Errorf("page shows another page's notes or unescaped text:\n%s", page)
			}
			if !strings.Contains(page, reloadScript+"</body>") {
				t.Errorf("reload script not before </body>:\n%s", page)
			}
		})
	}
	// The built file itself is untouched: the overlay is the preview's.
	b, err := os.ReadFile(filepath.Join(root, "personas/a/index.html"))
	if err != nil || strings.Contains(string(b), "__wikisite_notes") {
		t.Errorf("built page changed on disk (err %v): %s", err, b)
	}
}
