package conformance

import (
	"maps"
	"testing"
)

// fuzzConforming are the constructs that the sample shows exact in every
// case; on them a fuzzed page must match MediaWiki too, so a failure is a
// mismatch the sample missed (go test keeps it in testdata/fuzz). Magic
// words are left out: action=parse of unsaved text has no revision.
var fuzzConforming = map[string]bool{
	"heading": true, "definition list": true, "parser function": true, "nowiki/pre": true,
	"html tag": true, "missing template": true, "ref": true, "file": true, "gallery": true,
	"#expr/#time/#tag…": true, "syntaxhighlight": true, "interwiki": true,
}

// FuzzConformance feeds pages that the grammar makes from fuzzed choices
// to MediaWiki and to wikisite (through Hugo), and fails when a construct
// that conforms on the sample renders differently. (Safety — no script,
// no event attribute — is fuzzed where it is cheap, in sync/wikitext.)
func FuzzConformance(f *testing.F) {
	f.Add([]byte{1, 0, 1, 2})  // a heading
	f.Add([]byte{12, 3, 5, 1}) // a ref
	f.Add([]byte{15, 2, 9, 4}) // #time
	w := mustWiki(f)
	tpl := mapTemplates{}
	maps.Copy(tpl, templates)
	f.Fuzz(func(t *testing.T, choices []byte) {
		if len(choices) == 0 {
			return
		}
		k := constructs[int(choices[0])%len(constructs)]
		if !fuzzConforming[k.name] {
			return
		}
		g := &gen{c: &fuzzBytes{b: choices[1:]}}
		c := &tcase{id: "fuzz", construct: k.name, kind: "generated", title: "Help:Fuzz/Bravo/Charlie", text: k.gen(g)}
		c.wikiHTML = w.ParseText(t, c.title, c.text)
		mustSite(t, []*tcase{c}, tpl)
		c.peerHTML = "<p></p>"
		mustCompare(t, c)
		if !c.exact() {
			t.Fatalf("%s differs from MediaWiki on\n%s\n%s", k.name, c.text, describe(c))
		}
	})
}
