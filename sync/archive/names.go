package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/wikisite/wikisite/sync/pagename"
)

// maxNameBytes keeps folder names well under the 255-byte limit of common
// file systems even after percent-encoding, which can triple a title.
const maxNameBytes = 150

// Canonical returns a title in the form the wiki reports it (see
// sync/pagename, which the converter shares).
func Canonical(title string) string { return pagename.Canonical(title) }

// PathName turns a title into a single folder name that cannot escape the
// archive and that no other title maps to: spaces become "_" (the wiki treats
// them alike), letters, digits, "_" and "-" stay, "." stays except first,
// and every other byte is percent-encoded, so "/", "..", control characters
// and non-ASCII letters are all written as %XX. Names too long for a file
// system are cut and given a hash of the whole title, keeping them distinct.
// The exact title is also stored in page.toml and checked on every read, so
// even a case-insensitive file system cannot mix two pages up silently.
func PathName(title string) string {
	var b strings.Builder
	for i := 0; i < len(title); i++ {
		c := title[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		case c == '.' && i > 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	name := b.String()
	if len(name) > maxNameBytes {
		sum := sha256.Sum256([]byte(title))
		cut := name[:maxNameBytes-20]
		// Never cut inside a %XX escape.
		if i := strings.LastIndexByte(cut, '%'); i >= len(cut)-2 {
			cut = cut[:i]
		}
		name = cut + "~" + hex.EncodeToString(sum[:8])
	}
	return name
}
