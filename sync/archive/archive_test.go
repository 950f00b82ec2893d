package archive

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustStore(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "archive"))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func rev(id int64, when string, text string) (Revision, []byte) {
	ts, err := time.Parse(time.RFC3339, when)
	if err != nil {
		panic(err)
	}
	return Revision{ID: id, Timestamp: ts, User: "Tester", Size: len(text), SHA1: SHA1([]byte(text))}, []byte(text)
}

func mustCommit(tb testing.TB, s *Store, p *Page, texts map[int64][]byte) {
	tb.Helper()
	tx, err := s.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range p.Revisions {
		if text, ok := texts[r.ID]; ok {
			if err := tx.PutText(p.Title, r, text); err != nil {
				tb.Fatal(err)
			}
		}
	}
	tx.PutPage(p)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func TestPathName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Server/Personas", "Server%2FPersonas"},
		{"Server/Personas/FAQ", "Server%2FPersonas%2FFAQ"},
		{"Template:Admon/note", "Template%3AAdmon%2Fnote"},
		{"..", "%2E."},
		{"../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd"},
		{"A b", "A_b"},
		{"Ünïcode", "%C3%9Cn%C3%AFcode"},
		{"tab\there", "tab%09here"},
		{"100%", "100%25"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			got := PathName(tt.title)
			if got != tt.want {
				t.Errorf("PathName(%q) = %q, want %q", tt.title, got, tt.want)
			}
			if strings.ContainsAny(got, "/\\\x00") || got == "." || got == ".." {
				t.Errorf("PathName(%q) = %q escapes its folder", tt.title, got)
			}
		})
	}
}

func TestPathNameLongTitlesStayDistinct(t *testing.T) {
	a := strings.Repeat("é", 200) + "a"
	b := strings.Repeat("é", 200) + "b"
	na, nb := PathName(a), PathName(b)
	if na == nb {
		t.Fatalf("two long titles share the folder %q", na)
	}
	if len(na) > 255 {
		t.Fatalf("folder name is %d bytes, over the file-system limit", len(na))
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"server/Personas", "Server/Personas"},
		{"Server_Personas", "Server Personas"},
		{"  a   b ", "A b"},
		{"template:admon/note", "Template:Admon/note"},
		{"Not a namespace: x", "Not a namespace: x"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCommitAndRead(t *testing.T) {
	s := mustStore(t)
	r1, t1 := rev(10, "2013-11-22T22:00:00Z", "first\n")
	r2, t2 := rev(12, "2013-11-24T11:00:00Z", "second\n")
	mustCommit(t, s, &Page{Title: "Server/Personas", PageID: 1, Revisions: []Revision{r2, r1}}, map[int64][]byte{10: t1, 12: t2})

	p, err := s.Page("Server/Personas")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Revisions) != 2 || p.Revisions[0].ID != 10 || p.Last().ID != 12 {
		t.Fatalf("revisions = %+v, want 10 then 12", p.Revisions)
	}
	got, err := s.Text("Server/Personas", 12)
	if err != nil || string(got) != "second\n" {
		t.Fatalf("Text = %q, %v", got, err)
	}
	if at := p.At(r1.Timestamp.Add(time.Hour)); at == nil || at.ID != 10 {
		t.Fatalf("At(after first) = %+v, want revision 10", at)
	}
	if at := p.At(r1.Timestamp.Add(-time.Hour)); at != nil {
		t.Fatalf("At(before first) = %+v, want nil", at)
	}
	titles, err := s.Titles()
	if err != nil || len(titles) != 1 || titles[0] != "Server/Personas" {
		t.Fatalf("Titles = %v, %v", titles, err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), "Server%2FPersonas", "12.wiki")); err != nil {
		t.Fatalf("text file not at its documented path: %v", err)
	}
}

func TestSHA1MismatchIsRejected(t *testing.T) {
	s := mustStore(t)
	tx, err := s.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	r, _ := rev(1, "2013-11-22T22:00:00Z", "the real text")
	err = tx.PutText("P", r, []byte("a forged text"))
	if err == nil || !strings.Contains(err.Error(), "sha1 mismatch") || !strings.Contains(err.Error(), `"P" revision 1`) {
		t.Fatalf("PutText with a wrong text: %v, want a sha1 mismatch naming page and revision", err)
	}
}

func TestCommitRefusesMetadataWithoutText(t *testing.T) {
	s := mustStore(t)
	r, _ := rev(7, "2013-11-22T22:00:00Z", "x")
	tx, err := s.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx.PutPage(&Page{Title: "P", Revisions: []Revision{r}})
	if err := tx.Commit(); err == nil {
		t.Fatal("Commit wrote metadata naming a revision with no text")
	}
	if titles, _ := s.Titles(); len(titles) != 0 {
		t.Fatalf("a failed commit left pages %v", titles)
	}
}

func TestHiddenRevisionNeedsNoText(t *testing.T) {
	s := mustStore(t)
	r, _ := rev(7, "2013-11-22T22:00:00Z", "x")
	r.TextHidden, r.SHA1 = true, ""
	mustCommit(t, s, &Page{Title: "P", Revisions: []Revision{r}}, nil)
	if _, err := s.Text("P", 7); !errors.Is(err, ErrHidden) {
		t.Fatalf("Text of a hidden revision: %v, want ErrHidden", err)
	}
}

func TestCrashLeftoversAreHarmless(t *testing.T) {
	s := mustStore(t)
	r1, t1 := rev(1, "2013-11-22T22:00:00Z", "one")
	mustCommit(t, s, &Page{Title: "P", Revisions: []Revision{r1}}, map[int64][]byte{1: t1})
	// What a kill -9 can leave: a staging folder, a stray text, a temp file.
	dir := filepath.Join(s.Dir(), "P")
	os.MkdirAll(filepath.Join(s.Dir(), ".staging-123"), 0o755)
	os.WriteFile(filepath.Join(dir, "2.wiki"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, ".tmp-page.toml-1"), []byte("[[revis"), 0o644)

	p, err := s.Page("P")
	if err != nil || len(p.Revisions) != 1 {
		t.Fatalf("after a crash: %+v, %v; want the one committed revision", p, err)
	}
	r2, t2 := rev(2, "2013-11-23T22:00:00Z", "two")
	p.Add(r2)
	mustCommit(t, s, p, map[int64][]byte{2: t2})
	got, _ := s.Text("P", 2)
	if string(got) != "two" {
		t.Fatalf("stray text was not replaced: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(s.Dir(), ".staging-*")); len(left) != 0 {
		t.Fatalf("staging folders left: %v", left)
	}
}

func TestRenameKeepsHistory(t *testing.T) {
	s := mustStore(t)
	r1, t1 := rev(1, "2013-11-22T22:00:00Z", "one")
	mustCommit(t, s, &Page{Title: "Old", PageID: 5, Revisions: []Revision{r1}}, map[int64][]byte{1: t1})
	if err := s.Rename("Old", "New", Move{From: "Old", To: "New"}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Page("New")
	if err != nil || p.PageID != 5 || len(p.Moves) != 1 || p.Moves[0].From != "Old" {
		t.Fatalf("after rename: %+v, %v", p, err)
	}
	if got, err := s.Text("New", 1); err != nil || string(got) != "one" {
		t.Fatalf("text after rename: %q, %v", got, err)
	}
	if _, err := s.Page("Old"); !errors.Is(err, ErrNoPage) {
		t.Fatalf("old title still answers: %v", err)
	}
}

func TestLockIsExclusive(t *testing.T) {
	s := mustStore(t)
	l, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lock(); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: %v, want ErrLocked", err)
	}
	l.Unlock()
	l2, err := s.Lock()
	if err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
	l2.Unlock()
}

func TestPageSetRoundTrip(t *testing.T) {
	s := mustStore(t)
	empty, err := s.PageSet()
	if err != nil || len(empty.Members) != 0 || !empty.Checked.IsZero() {
		t.Fatalf("empty archive: %+v, %v", empty, err)
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	ps := &PageSet{Spec: "category:Synthetic", Checked: at, Since: at, LastChange: 42,
		Members: []Member{
			{Title: "Synthetic B", Via: "category:Synthetic", Joined: at},
			{Title: "Synthetic A", Via: "pages", Joined: at, Left: at.Add(time.Hour)},
		}}
	if err := s.PutPageSet(ps); err != nil {
		t.Fatal(err)
	}
	got, err := s.PageSet()
	if err != nil {
		t.Fatal(err)
	}
	if got.LastChange != 42 || got.Spec != ps.Spec || !got.Since.Equal(at) || len(got.Members) != 2 {
		t.Fatalf("read back %+v", got)
	}
	if got.Members[0].Title != "Synthetic A" || got.Members[0].In() || !got.Members[1].In() {
		t.Errorf("members %+v: want title order, A left, B in", got.Members)
	}
	if cur := got.Current(); len(cur) != 1 || cur[0] != "Synthetic B" {
		t.Errorf("Current = %q", cur)
	}
	titles, err := s.Titles()
	if err != nil || len(titles) != 0 {
		t.Errorf("the set file was taken for a page: %q, %v", titles, err)
	}
}

func TestFilesRecord(t *testing.T) {
	s := mustStore(t)
	data := []byte("synthetic image bytes")
	if _, err := s.PutBlob("File:Synthetic.png", SHA1([]byte("other")), data); err == nil || !strings.Contains(err.Error(), `file "File:Synthetic.png": sha1 mismatch`) {
		t.Errorf("mismatched blob: %v, want a sha1 mismatch naming the file", err)
	}
	blob, err := s.PutBlob("File:Synthetic.PNG", strings.ToUpper(SHA1(data)), data)
	if err != nil || blob != SHA1(data)+".png" {
		t.Fatalf("PutBlob = %q, %v", blob, err)
	}
	if again, err := s.PutBlob("File:Synthetic copy.png", SHA1(data), data); err != nil || again != blob {
		t.Errorf("the same bytes again: %q, %v; want %q", again, err, blob)
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rec := &Files{Files: []File{
		{Title: "File:Synthetic.png", Versions: []FileVersion{{Timestamp: at, SHA1: SHA1(data), Blob: blob, Size: len(data)}}},
		{Title: "File:Gone.png", Missing: true},
	}}
	if err := s.PutFiles(rec); err != nil {
		t.Fatal(err)
	}
	got, err := s.Files()
	if err != nil || len(got.Files) != 2 || got.Lookup("File:Gone.png") == nil || !got.Lookup("File:Gone.png").Missing {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if v := got.Lookup("File:Synthetic.png").At(at); v == nil || v.Blob != blob || !v.Timestamp.Equal(at) {
		t.Errorf("version %+v", v)
	}
	rec.Files[0].Versions = append(rec.Files[0].Versions, FileVersion{Timestamp: at.Add(time.Hour), Blob: SHA1([]byte("never stored")) + ".png"})
	if err := s.PutFiles(rec); err == nil || !strings.Contains(err.Error(), "not stored") {
		t.Errorf("a record naming a blob not stored: %v, want an error", err)
	}
	if titles, _ := s.Titles(); len(titles) != 0 {
		t.Errorf("the files folder was taken for a page: %q", titles)
	}
}
