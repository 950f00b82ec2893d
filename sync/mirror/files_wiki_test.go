package mirror

// Files against a real MediaWiki: synthetic PNGs uploaded with
// importImages.php, mirrored with every version, checked by sha1 and
// stored by it; a file the wiki lacks, a new version and a deletion.

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/wikisite/wikisite/internal/mwtest"
	"github.com/wikisite/wikisite/sync/archive"
)

// mustPNG makes a small synthetic PNG of one colour.
func mustPNG(tb testing.TB, c color.RGBA) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 6, 4))
	for x := range 6 {
		for y := range 4 {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func mustFile(tb testing.TB, s *archive.Store, title string) archive.File {
	tb.Helper()
	rec, err := s.Files()
	if err != nil {
		tb.Fatal(err)
	}
	f := rec.Lookup(title)
	if f == nil {
		tb.Fatalf("files record %+v lacks %q", rec.Files, title)
	}
	return *f
}

func mustBlob(tb testing.TB, s *archive.Store, v archive.FileVersion, want []byte) {
	tb.Helper()
	got, err := os.ReadFile(s.BlobPath(v.Blob))
	if err != nil || !bytes.Equal(got, want) || v.SHA1 != archive.SHA1(want) {
		tb.Errorf("blob %s: %d bytes (%v), sha1 %s; want the %d uploaded bytes, sha1 %s", v.Blob, len(got), err, v.SHA1, len(want), archive.SHA1(want))
	}
}

func TestWikiFiles(t *testing.T) {
	const (
		page    = "Synthetic files page"
		file    = "File:Synthetic-persona.png"
		missing = "File:Synthetic-never-uploaded.png"
	)
	w := mwtest.Start(t)
	v1, v2, v3 := mustPNG(t, color.RGBA{200, 0, 0, 255}), mustPNG(t, color.RGBA{0, 200, 0, 255}), mustPNG(t, color.RGBA{0, 0, 200, 255})
	t1 := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	w.Upload(t, "Synthetic-persona.png", v1, t1)
	w.Edit(t, page, "Synthetic text. [[File:Synthetic-persona.png|thumb|alt=A synthetic test image|Caption]] [[File:Synthetic-never-uploaded.png]] [[:File:Not-shown.png]]", "synthetic", "")
	t2 := t1.AddDate(1, 0, 0)
	w.Upload(t, "Synthetic-persona.png", v2, t2)
	c := mustClient(t, w.API, 30*time.Second)
	s := mustStore(t)
	opts := Options{Pages: []string{page}}
	mustSyncFiles := func(tb testing.TB) Summary {
		tb.Helper()
		sum, err := Sync(context.Background(), c, s, opts)
		if err != nil {
			tb.Fatal(err)
		}
		return sum
	}

	t.Run("every version, sha1 checked", func(t *testing.T) {
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncFiles(t) })
		// newest change + Latest + the page's revisions + one imageinfo
		// for both files + two downloads.
		if n != 6 || sum.Files != 2 || len(sum.Warnings) != 0 {
			t.Errorf("server saw %d requests, %d file versions stored, warnings %q; want 6, 2, none", n, sum.Files, sum.Warnings)
		}
		if !slices.Equal(sum.MissingFiles, []string{missing}) {
			t.Errorf("missing files %q, want %q", sum.MissingFiles, missing)
		}
		f := mustFile(t, s, file)
		if len(f.Versions) != 2 || f.Missing {
			t.Fatalf("file record %+v, want 2 versions", f)
		}
		mustBlob(t, s, f.Versions[0], v1)
		mustBlob(t, s, f.Versions[1], v2)
		if !f.Versions[0].Timestamp.Equal(t1) || f.Versions[0].Width != 6 || f.Versions[0].Mime != "image/png" {
			t.Errorf("first version %+v, want uploaded at %s, 6 wide, image/png", f.Versions[0], t1)
		}
		if at := f.At(t1.Add(time.Hour)); at == nil || at.SHA1 != archive.SHA1(v1) {
			t.Errorf("version current an hour after the first upload: %+v, want the first", at)
		}
		p, _ := s.Page(page)
		if at := f.At(p.Last().Timestamp); at == nil || at.SHA1 != archive.SHA1(v2) {
			t.Errorf("version current at the page's revision: %+v, want the second upload", at)
		}
		if m := mustFile(t, s, missing); !m.Missing || len(m.Versions) != 0 {
			t.Errorf("never-uploaded file recorded as %+v", m)
		}
		if rec, _ := s.Files(); rec.Lookup("File:Not-shown.png") != nil {
			t.Errorf("a link to a file's page was taken for an image")
		}
	})

	t.Run("no-op costs one request", func(t *testing.T) {
		if n := requests(t, w, func() { mustSyncFiles(t) }); n != 1 {
			t.Errorf("server saw %d requests, want 1", n)
		}
	})

	t.Run("a new version", func(t *testing.T) {
		w.Upload(t, "Synthetic-persona.png", v3, time.Time{})
		var sum Summary
		n := requests(t, w, func() { sum = mustSyncFiles(t) })
		// the recent changes (an upload) + imageinfo + one download.
		if n != 3 || sum.Files != 1 {
			t.Errorf("server saw %d requests, %d versions stored; want 3 and 1", n, sum.Files)
		}
		f := mustFile(t, s, file)
		if len(f.Versions) != 3 {
			t.Fatalf("file record %+v, want 3 versions", f)
		}
		mustBlob(t, s, f.Versions[2], v3)
	})

	t.Run("a deleted file keeps its versions", func(t *testing.T) {
		w.Delete(t, file, "synthetic delete")
		n := requests(t, w, func() { mustSyncFiles(t) })
		f := mustFile(t, s, file)
		if n != 2 || !f.Missing || len(f.Versions) != 3 {
			t.Errorf("%d requests, record %+v; want 2 requests, missing with 3 versions kept", n, f)
		}
		for _, v := range f.Versions {
			if _, err := os.Stat(s.BlobPath(v.Blob)); err != nil {
				t.Errorf("blob of a deleted file: %v", err)
			}
		}
	})
}
