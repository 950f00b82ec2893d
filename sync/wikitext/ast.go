package wikitext

// The AST the parsers build and the renderers walk. Block and inline nodes
// are small structs; renderers switch on their types.

type block interface{}

type paragraph struct{ inl []*inline }

type heading struct {
	level int
	inl   []*inline
}

// list is a bulleted ('*'), numbered ('#') or definition (';') list.
type list struct {
	kind  byte
	items []*listItem
}

// listItem is an li, or a dt (';') or dd (':') in a definition list.
type listItem struct {
	kind     byte
	inl      []*inline
	children []block
}

type table struct {
	caption []*inline
	rows    []*tableRow
	nested  bool // a cell holds another table
}

type tableRow struct{ cells []*tableCell }

type tableCell struct {
	header           bool
	rowspan, colspan int
	blocks           []block
}

// preBlock is preformatted text: literal (from <pre>) or with inline markup
// (from lines starting with a space).
type preBlock struct {
	text string
	inl  []*inline
	lang string // <syntaxhighlight lang=…>, for Hugo's highlighter (Chroma)
}

type rule struct{}

type shortcodeBlock struct{ tk *token }

type inlineKind int

const (
	inText inlineKind = iota
	inStrong
	inEm
	inCode
	inDel
	inIns
	inSup
	inSub
	inSpan
	inLink
	inBreak
	inPlaceholder
	inMath  // <math>: TeX source shown as code
	inBlock // a block inside inline content: a paragraph break in paragraphs
	inImage // a mirrored file shown: url is its src, text its alt text
)

type inline struct {
	kind     inlineKind
	text     string
	url      string // inLink, inImage
	external bool   // inLink: gets rel=nofollow in HTML
	children []*inline
	blk      block // inBlock; nil for a bare paragraph break
}

func textNodes(s string) []*inline { return []*inline{{kind: inText, text: s}} }

// nodeSlab hands out inline nodes from chunks: a large page has millions
// of text nodes, and one allocation each dominated conversion time.
type nodeSlab struct{ free []inline }

func (s *nodeSlab) node(n inline) *inline {
	if len(s.free) == 0 {
		s.free = make([]inline, 256)
	}
	p := &s.free[0]
	*p = n
	s.free = s.free[1:]
	return p
}
