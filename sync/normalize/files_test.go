package normalize

import (
	"strings"
	"testing"
	"time"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/wikitext"
)

// TestFiles: a page's images point at the file version current at each
// revision's time, the versions are copied into content/files/, and a
// file the wiki lacks is a placeholder. All data is synthetic.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2021, 5, 1, 12, 0, 0, 0, time.UTC)
	text := "Synthetic text. [[File:Synthetic.png|thumb|alt=Synthetic alt]] [[File:Synthetic-missing.png|Gone]]\n"
	mustAddPage(t, dir, "Synthetic files page", t0, 1000, text, text+"Second synthetic revision.\n")
	store := mustOpen(t, dir)
	v1, v2 := []byte("synthetic image, version one"), []byte("synthetic image, version two")
	lock, err := store.Lock()
	if err != nil {
		t.Fatal(err)
	}
	b1, err1 := store.PutBlob("File:Synthetic.png", archive.SHA1(v1), v1)
	b2, err2 := store.PutBlob("File:Synthetic.png", archive.SHA1(v2), v2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	err = store.PutFiles(&archive.Files{Files: []archive.File{
		{Title: "File:Synthetic.png", Versions: []archive.FileVersion{
			{Timestamp: t0.Add(-time.Hour), SHA1: archive.SHA1(v1), Blob: b1},
			{Timestamp: t0.Add(12 * time.Hour), SHA1: archive.SHA1(v2), Blob: b2}, // between the two revisions
		}},
		{Title: "File:Synthetic-missing.png", Missing: true},
	}})
	lock.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir() + "/content"
	// A meeting between the two revisions shows the first as it stood.
	site := mustParseSite(t, "[params.wiki]\npages = [\"Synthetic files page\"]\n\n[[params.meetings]]\ndate = 2021-05-01T18:00:00Z\ntitle = \"Synthetic meeting\"\n")
	mustWrite(t, site, store, out)
	tree := readTree(t, out)
	if tree["files/"+b1] != string(v1) || tree["files/"+b2] != string(v2) {
		t.Errorf("content/files/ holds %q and %q, want both versions", tree["files/"+b1], tree["files/"+b2])
	}
	if idx := tree["files/index.md"]; !strings.Contains(idx, `render = "never"`) || !strings.Contains(idx, "publishResources = true") {
		t.Errorf("files/index.md is not a headless bundle:\n%s", idx)
	}
	var first, second, placeholder bool
	for name, body := range tree {
		first = first || strings.Contains(body, "![Synthetic alt](/files/"+b1+")")
		second = second || strings.Contains(body, "![Synthetic alt](/files/"+b2+")")
		placeholder = placeholder || strings.Contains(body, "Image not available: Synthetic-missing.png (Gone)")
		if strings.Contains(body, "](/files/") && !strings.HasSuffix(name, ".md") {
			t.Errorf("%s links a file but is not a page", name)
		}
	}
	if !first || !second || !placeholder {
		t.Errorf("first revision's image %v, second's %v, placeholder %v; want all three", first, second, placeholder)
	}
	page, ok := tree["wiki/"+sitePath("Synthetic files page")+".md"]
	if !ok || !strings.Contains(page, "/files/"+b2) {
		t.Errorf("the page as it stands shows not the current version:\n%s", page)
	}
}

func TestPhotoOf(t *testing.T) {
	files := map[string]wikitext.File{"File:Synthetic photo.png": {Src: "/files/x.png"}, "File:Gone.png": {}}
	tests := []struct {
		name, image string
		files       map[string]wikitext.File
		want        *photo
	}{
		{"mirrored", "Synthetic_photo.png", files, &photo{Src: "/files/x.png", Alt: "Photo of Synthetic Name"}},
		{"the wiki lacks it", "Gone.png", files, &photo{Alt: "Photo of Synthetic Name"}},
		{"not in the record", "Other.png", files, &photo{Alt: "Photo of Synthetic Name"}},
		{"no image", "", files, nil},
		{"files not mirrored", "Synthetic photo.png", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := photoOf(tt.files, tt.image, "Synthetic Name")
			if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
				t.Errorf("photoOf(%q) = %+v, want %+v", tt.image, got, tt.want)
			}
		})
	}
}
