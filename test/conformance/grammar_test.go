package conformance

import (
	"math/rand/v2"
	"strings"
)

// chooser draws the grammar's choices: a seeded generator for the corpus,
// the fuzzer's bytes for FuzzConformance.
type chooser interface {
	intn(n int) int
}

type seeded struct{ r *rand.Rand }

func (s seeded) intn(n int) int { return s.r.IntN(n) }

// fuzzBytes draws from the fuzzer's input, then zeros: a short input
// still makes a page, and every byte changes a choice.
type fuzzBytes struct {
	b []byte
	i int
}

func (f *fuzzBytes) intn(n int) int {
	if f.i >= len(f.b) {
		return 0
	}
	f.i++
	return int(f.b[f.i-1]) % n
}

// gen writes wikitext from a grammar of constructs. The words are
// synthetic, never persona text.
type gen struct {
	c     chooser
	depth int
}

var vocabulary = strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike oscar papa quebec")

func (g *gen) pick(xs ...string) string { return xs[g.c.intn(len(xs))] }

func (g *gen) word() string { return vocabulary[g.c.intn(len(vocabulary))] }

func (g *gen) words(lo, hi int) string {
	n := lo + g.c.intn(hi-lo+1)
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
	}
	return strings.Join(w, " ")
}

// inline is a run of text with inline constructs, nested up to depth 2.
func (g *gen) inline() string {
	if g.depth > 2 {
		return g.words(1, 3)
	}
	g.depth++
	defer func() { g.depth-- }()
	n := 1 + g.c.intn(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.inlinePiece()
	}
	return strings.Join(parts, " ")
}

func (g *gen) inlinePiece() string {
	switch g.c.intn(12) {
	case 0:
		return "'''" + g.inline() + "'''"
	case 1:
		return "''" + g.inline() + "''"
	case 2:
		return g.link()
	case 3:
		return g.extLink()
	case 4:
		return "{{Greet|name=" + g.word() + "}}"
	case 5:
		return "<code>" + g.words(1, 2) + "</code>"
	case 6:
		return g.pick("&amp;", "&lt;b&gt;", "&mdash;", "&#65;", "&nbsp;"+g.word())
	case 7:
		return "<span style=\"color:red\">" + g.inline() + "</span>"
	default:
		return g.words(1, 4)
	}
}

func (g *gen) link() string {
	target := g.pick("Alpha page", "Help:Bravo", "charlie", "Delta/Echo", "Foxtrot#Golf")
	switch g.c.intn(4) {
	case 0:
		return "[[" + target + "]]"
	case 1:
		return "[[" + target + "|" + g.words(1, 2) + "]]"
	case 2:
		return "[[" + target + "]]" + g.pick("s", "ing")
	default:
		return "[[" + target + "|" + g.inline() + "]]"
	}
}

func (g *gen) extLink() string {
	url := g.pick("https://example.org/", "https://example.org/a?b=c", "http://example.com/x_y")
	switch g.c.intn(3) {
	case 0:
		return "[" + url + " " + g.words(1, 3) + "]"
	case 1:
		return "[" + url + "]"
	default:
		return url + " " + g.word()
	}
}

func (g *gen) paragraphs() string {
	n := 1 + g.c.intn(3)
	p := make([]string, n)
	for i := range p {
		p[i] = g.inline()
	}
	return strings.Join(p, "\n\n")
}

func (g *gen) heading() string {
	eq := strings.Repeat("=", 2+g.c.intn(4))
	return eq + " " + g.words(1, 3) + " " + eq + "\n" + g.inline()
}

func (g *gen) list() string {
	var b strings.Builder
	prefix := ""
	for range 2 + g.c.intn(5) {
		switch g.c.intn(4) {
		case 0:
			if len(prefix) < 3 {
				prefix += g.pick("*", "#")
			}
		case 1:
			if len(prefix) > 1 {
				prefix = prefix[:len(prefix)-1]
			}
		}
		if prefix == "" {
			prefix = g.pick("*", "#")
		}
		b.WriteString(prefix + " " + g.inline() + "\n")
	}
	return b.String()
}

func (g *gen) defList() string {
	var b strings.Builder
	for range 1 + g.c.intn(3) {
		switch g.c.intn(3) {
		case 0:
			b.WriteString("; " + g.words(1, 2) + " : " + g.words(1, 3) + "\n")
		case 1:
			b.WriteString("; " + g.words(1, 2) + "\n: " + g.inline() + "\n")
		default:
			b.WriteString(g.pick(":", "::") + " " + g.inline() + "\n")
		}
	}
	return b.String()
}

func (g *gen) table() string {
	var b strings.Builder
	b.WriteString(g.pick("{|", "{| class=\"wikitable\"", "{| border=\"1\" style=\"width:50%\"") + "\n")
	if g.c.intn(2) == 0 {
		b.WriteString("|+ " + g.words(1, 3) + "\n")
	}
	cols := 1 + g.c.intn(3)
	if g.c.intn(2) == 0 {
		h := make([]string, cols)
		for i := range h {
			h[i] = g.words(1, 2)
		}
		b.WriteString("! " + strings.Join(h, " !! ") + "\n")
	}
	for range 1 + g.c.intn(3) {
		b.WriteString("|-\n")
		if g.c.intn(2) == 0 {
			c := make([]string, cols)
			for i := range c {
				c[i] = g.inline()
			}
			b.WriteString("| " + strings.Join(c, " || ") + "\n")
			continue
		}
		for range cols {
			b.WriteString("| " + g.pick("", "style=\"color:blue\" | ") + g.inline() + "\n")
		}
	}
	b.WriteString("|}")
	return b.String()
}

func (g *gen) template() string {
	switch g.c.intn(6) {
	case 0:
		return "{{Box|" + g.inline() + "}}"
	case 1:
		return "{{Greet}} {{Greet|name=" + g.word() + "}}"
	case 2:
		return "{{Pair|" + g.word() + "|" + g.word() + "}} {{Pair|" + g.word() + "}}"
	case 3:
		return "{{Box|{{Pair|" + g.word() + "|{{Greet|name=" + g.word() + "}}}}}}"
	case 4:
		return "{{Tablebox|" + g.word() + "|" + g.word() + "}}"
	default:
		return "* " + g.word() + "\n{{Listbox|" + g.word() + "}}\n" + g.inline()
	}
}

func (g *gen) parserFunction() string {
	w := g.word()
	switch g.c.intn(6) {
	case 0:
		return "{{#if:" + g.pick("", w, " ") + "|" + g.words(1, 2) + "|" + g.words(1, 2) + "}}"
	case 1:
		return "{{#ifeq:" + w + "|" + g.pick(w, "x", " "+w+" ") + "|same|different}}"
	case 2:
		return "{{#switch:" + g.pick("a", "b", "z") + "|a=" + g.word() + "|b|c=" + g.word() + "|#default=" + g.word() + "}}"
	case 3:
		return "{{lc:" + strings.ToUpper(w) + "}} {{uc:" + w + "}} {{ucfirst:" + w + "}} {{lcfirst:" + strings.ToUpper(w) + "}}"
	case 4:
		return "{{Pair|{{#if:" + w + "|yes}}|{{#switch:" + w + "|" + w + "=hit|miss}}}}"
	default:
		return "{{#ifexist:Template:Box|exists|absent}} {{#ifexist:Nosuch page|exists|absent}}"
	}
}

func (g *gen) magicWord() string {
	return "{{" + g.pick("PAGENAME", "FULLPAGENAME", "BASEPAGENAME", "SUBPAGENAME",
		"ROOTPAGENAME", "TALKPAGENAME", "NAMESPACE", "PAGENAMEE", "FULLPAGENAMEE",
		"TALKPAGENAMEE", "NAMESPACEE", "BASEPAGENAMEE", "REVISIONID", "REVISIONUSER",
		"REVISIONDAY", "REVISIONDAY2", "REVISIONMONTH", "REVISIONYEAR", "REVISIONTIMESTAMP",
		"CURRENTYEAR", "CURRENTMONTH", "CURRENTDAY", "CURRENTDAY2", "CURRENTMONTHNAME", "CURRENTDAYNAME") +
		"}} " + g.word()
}

func (g *gen) verbatim() string {
	switch g.c.intn(4) {
	case 0:
		return "<nowiki>''" + g.word() + "'' [[" + g.word() + "]]</nowiki> " + g.word()
	case 1:
		return "<pre>" + g.words(2, 4) + "\n  '''" + g.word() + "'''</pre>"
	case 2:
		return " " + g.words(2, 4) + "\n " + g.word()
	default:
		return g.word() + "<nowiki/>''" + g.word() + "''"
	}
}

func (g *gen) html() string {
	tag := g.pick("b", "i", "u", "s", "sup", "sub", "small", "big", "code", "strong", "em", "del", "ins")
	switch g.c.intn(4) {
	case 0:
		return "<div>" + g.inline() + "</div>"
	case 1:
		return g.word() + "<br />" + g.word() + "<br>" + g.word()
	case 2:
		return g.word() + "\n----\n" + g.word()
	default:
		return "<" + tag + ">" + g.inline() + "</" + tag + ">"
	}
}

func (g *gen) unbalanced() string {
	switch g.c.intn(6) {
	case 0:
		return "'''" + g.words(1, 3) + "\n\n" + g.word()
	case 1:
		return "''" + g.word() + "'''" + g.word() + "''" + g.word()
	case 2:
		return g.word() + " ]] " + g.word() + " [[ " + g.word()
	case 3:
		return g.word() + " {{ " + g.word() + " }} }}"
	case 4:
		return "<b>" + g.words(1, 3) + "\n\n" + g.word()
	default:
		return "'''''" + g.word() + "''' " + g.word() + "''"
	}
}

func (g *gen) missingTemplate() string {
	return g.word() + " {{" + g.pick("Nosuch", "Admon/info", "nosuch/sub") + g.pick("", "|"+g.word(), "|a=b") + "}} " + g.word()
}

func (g *gen) ref() string {
	w := g.word()
	switch g.c.intn(4) {
	case 0:
		return w + "<ref>" + g.inline() + "</ref> " + g.word() + "\n\n<references />"
	case 1:
		return w + "<ref name=\"n1\">" + g.words(1, 3) + "</ref> " + g.word() + "<ref name=\"n1\" /> " + g.word() + "<ref>" + g.word() + "</ref>\n<references/>"
	case 2:
		return w + "<ref group=\"note\">" + g.words(1, 2) + "</ref> " + g.word() + "<ref>" + g.word() + "</ref>\n== " + g.word() + " ==\n<references group=\"note\"/>\n<references/>"
	default:
		return w + "<ref>" + g.words(1, 3) + "</ref> " + g.word()
	}
}

func (g *gen) file() string {
	name := g.pick("File:Example.png", "Image:Photo one.jpg", "file:diagram.svg")
	opts := g.pick("", "|thumb", "|thumb|"+g.words(1, 3), "|frame|"+g.words(1, 2), "|200px|alt="+g.word(), "|left|100x50px|"+g.word())
	return g.word() + "\n[[" + name + opts + "]]\n" + g.word()
}

func (g *gen) gallery() string {
	return "<gallery>\nFile:A.png|" + g.words(1, 2) + "\nFile:B.jpg\nC.png|" + g.word() + "\n</gallery>\n" + g.word()
}

func (g *gen) moreParserFunctions() string {
	switch g.c.intn(6) {
	case 0:
		return "{{#expr:" + g.pick("1+2", "2*3-1", "(4+4)/2", "7 mod 3", "2^3", "1/0") + "}} " + g.word()
	case 1:
		return "{{#ifexpr:" + g.pick("1 > 2", "3 = 3", "2 < 1 or 1") + "|yes|no}} " + g.word()
	case 2:
		return "{{#time:" + g.pick("Y", "Y-m-d", "j F Y") + "|2021-03-04}} " + g.word()
	case 3:
		return "{{#tag:" + g.pick("b", "code") + "|" + g.words(1, 2) + "}} " + g.word()
	case 4:
		return "{{#titleparts:" + g.pick("A/B/C", "Talk:X/Y/Z") + "|" + g.pick("1", "2", "-1") + "}} " + g.word()
	default:
		return "{{#invoke:" + g.word() + "|main|" + g.word() + "}} " + g.word()
	}
}

func (g *gen) code() string {
	tag := g.pick("syntaxhighlight", "source")
	lang := g.pick("go", "bash", "python")
	return "<" + tag + " lang=\"" + lang + "\">\nx = " + g.word() + "\nprint(x)\n</" + tag + ">\n" + g.word()
}

func (g *gen) interwiki() string {
	switch g.c.intn(3) {
	case 0:
		return "[[wikipedia:" + g.word() + "]] " + g.word()
	case 1:
		return "[[:en:" + g.word() + "|" + g.word() + "]] " + g.word()
	default:
		return g.word() + " [[mediawikiwiki:" + g.word() + "|" + g.word() + "]]"
	}
}

func (g *gen) pageSwitches() string {
	var b strings.Builder
	if g.c.intn(2) == 0 {
		b.WriteString("{{DISPLAYTITLE:" + g.words(1, 2) + "}}\n")
	}
	b.WriteString(g.pick("", "__TOC__\n", "__NOTOC__\n", "__FORCETOC__\n"))
	for range 1 + g.c.intn(5) {
		b.WriteString("== " + g.words(1, 2) + " ==\n" + g.inline() + "\n")
	}
	return b.String()
}

// nesting mixes blocks of every kind, tables inside lists inside templates.
func (g *gen) nesting() string {
	blocks := []func() string{g.paragraphs, g.heading, g.list, g.defList, g.table, g.template, g.parserFunction, g.html}
	n := 2 + g.c.intn(3)
	out := make([]string, n)
	for i := range out {
		out[i] = blocks[g.c.intn(len(blocks))]()
	}
	return strings.Join(out, "\n")
}

// construct is one row of the conformance table.
type construct struct {
	name string
	gen  func(*gen) string
}

var constructs = []construct{
	{"paragraph", (*gen).paragraphs},
	{"heading", (*gen).heading},
	{"list", (*gen).list},
	{"definition list", (*gen).defList},
	{"table", (*gen).table},
	{"template", (*gen).template},
	{"parser function", (*gen).parserFunction},
	{"magic word", (*gen).magicWord},
	{"nowiki/pre", (*gen).verbatim},
	{"html tag", (*gen).html},
	{"unbalanced", (*gen).unbalanced},
	{"missing template", (*gen).missingTemplate},
	{"ref", (*gen).ref},
	{"file", (*gen).file},
	{"gallery", (*gen).gallery},
	{"#expr/#time/#tag…", (*gen).moreParserFunctions},
	{"syntaxhighlight", (*gen).code},
	{"interwiki", (*gen).interwiki},
	{"displaytitle/toc", (*gen).pageSwitches},
	{"nesting", (*gen).nesting},
}

// templates are saved on the wiki and given to the converter alike.
var templates = map[string]string{
	"Template:Box":      "<div class=\"box\">{{{1|empty}}}</div>",
	"Template:Greet":    "Hello {{{name|world}}}!",
	"Template:Pair":     "{{{1}}} and {{{2|nobody}}}",
	"Template:Tablebox": "{| class=\"wikitable\"\n! {{{1}}}\n|-\n| {{{2}}}\n|}",
	"Template:Listbox":  "* {{{1}}} one\n** {{{1}}} two",
}

// generated is case i of the corpus: the same i always gives the same text.
func generated(i int) (construct, string) {
	k := constructs[i%len(constructs)]
	g := &gen{c: seeded{rand.New(rand.NewPCG(uint64(i), 12))}}
	return k, k.gen(g)
}
