package normalize

import (
	"strconv"

	"github.com/wikisite/wikisite/sync/archive"
)

// docEntry is a content file as stored in the cache, with the diagnostics
// that computing it reported.
type docEntry struct {
	Data    []byte
	Missing []string
	Extra   []extraDoc // the pages of a long history
}

// historyKey is the key of p's history file: everything the file is made
// of (the settings, which give the URLs; each revision's metadata; the key
// of each diff, which stands for the diff's result) and the page's title.
// It also returns the diffs' keys.
func (b *wikiPages) historyKey(p *archive.Page) (cacheKey, []cacheKey, error) {
	var diffs []cacheKey
	keys := b.conv.keys
	parts := [][]byte{[]byte("history"), keys.setting[:], []byte(b.links.index), []byte(p.Title)}
	var prev *archive.Revision
	for i := range p.Revisions {
		r := &p.Revisions[i]
		var parent int64
		if pr := p.Parent(r); pr != nil {
			parent = pr.ID
		}
		parts = append(parts, []byte(strconv.FormatInt(r.ID, 10)), []byte(strconv.FormatInt(parent, 10)),
			[]byte(r.User), []byte(r.Timestamp.Format("2006-01-02T15:04:05.999999999Z07:00 MST")), []byte(r.Comment),
			[]byte(strconv.FormatBool(r.Minor)), []byte(strconv.FormatBool(r.TextHidden)))
		if r.TextHidden {
			continue
		}
		newText, err := b.text(p.Title, r)
		if err != nil {
			return cacheKey{}, nil, err
		}
		oldText := ""
		if prev != nil {
			if oldText, err = b.text(p.Title, prev); err != nil {
				return cacheKey{}, nil, err
			}
		}
		d := keys.diff(oldText, newText, timeOf(prev), r.Timestamp)
		parts = append(parts, d[:])
		diffs = append(diffs, d)
		prev = r
	}
	return newKey(parts...), diffs, nil
}
