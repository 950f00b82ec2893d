package wikitext

import (
	"net/url"
	"strings"
)

// interwikiURL is the URL of an interwiki link such as [[wikipedia:Go]],
// from MediaWiki's default interwiki table; ok is false when the target
// has no known prefix. The rest of the title keeps its case (another wiki
// decides about its first letter) and is encoded as wfUrlencode does.
func interwikiURL(target string) (string, bool) {
	prefix, rest, ok := strings.Cut(target, ":")
	if !ok {
		return "", false
	}
	pattern, ok := interwiki[strings.ToLower(strings.TrimSpace(prefix))]
	if !ok {
		return "", false
	}
	title, frag, hasFrag := strings.Cut(strings.TrimSpace(rest), "#")
	u := strings.ReplaceAll(pattern, "$1", urlEncodeTitle(strings.TrimSpace(title)))
	if hasFrag {
		u += "#" + anchorEscape(strings.TrimSpace(frag))
	}
	if _, err := url.Parse(u); err != nil || !safeURL(u) {
		return "", false
	}
	return u, true
}

// interwiki is MediaWiki 1.39's maintenance/interwiki.list, the table a
// new wiki starts with.
var interwiki = map[string]string{
	"acronym":         "https://www.acronymfinder.com/~/search/af.aspx?string=exact&Acronym=$1",
	"advogato":        "http://www.advogato.org/$1",
	"arxiv":           "https://www.arxiv.org/abs/$1",
	"c2find":          "http://c2.com/cgi/wiki?FindPage&value=$1",
	"cache":           "https://www.google.com/search?q=cache:$1",
	"commons":         "https://commons.wikimedia.org/wiki/$1",
	"dictionary":      "http://www.dict.org/bin/Dict?Database=*&Form=Dict1&Strategy=*&Query=$1",
	"doi":             "https://dx.doi.org/$1",
	"drumcorpswiki":   "http://www.drumcorpswiki.com/$1",
	"dwjwiki":         "http://www.suberic.net/cgi-bin/dwj/wiki.cgi?$1",
	"elibre":          "http://enciclopedia.us.es/index.php/$1",
	"emacswiki":       "https://www.emacswiki.org/emacs/$1",
	"foldoc":          "https://foldoc.org/?$1",
	"foxwiki":         "https://fox.wikis.com/wc.dll?Wiki~$1",
	"freebsdman":      "https://www.FreeBSD.org/cgi/man.cgi?apropos=1&query=$1",
	"gentoo-wiki":     "http://gentoo-wiki.com/$1",
	"google":          "https://www.google.com/search?q=$1",
	"googlegroups":    "https://groups.google.com/groups?q=$1",
	"hammondwiki":     "http://www.dairiki.org/HammondWiki/$1",
	"hrwiki":          "http://www.hrwiki.org/wiki/$1",
	"imdb":            "http://www.imdb.com/find?q=$1&tt=on",
	"kmwiki":          "https://kmwiki.wikispaces.com/$1",
	"linuxwiki":       "http://linuxwiki.de/$1",
	"lojban":          "https://mw.lojban.org/papri/$1",
	"lqwiki":          "http://wiki.linuxquestions.org/wiki/$1",
	"meatball":        "http://meatballwiki.org/wiki/$1",
	"mediawikiwiki":   "https://www.mediawiki.org/wiki/$1",
	"memoryalpha":     "http://en.memory-alpha.org/wiki/$1",
	"metawiki":        "http://sunir.org/apps/meta.pl?$1",
	"metawikimedia":   "https://meta.wikimedia.org/wiki/$1",
	"mozillawiki":     "https://wiki.mozilla.org/$1",
	"mw":              "https://www.mediawiki.org/wiki/$1",
	"oeis":            "https://oeis.org/$1",
	"openwiki":        "http://openwiki.com/ow.asp?$1",
	"pmid":            "https://www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract",
	"pythoninfo":      "https://wiki.python.org/moin/$1",
	"rfc":             "https://tools.ietf.org/html/rfc$1",
	"s23wiki":         "http://s23.org/wiki/$1",
	"seattlewireless": "http://seattlewireless.net/$1",
	"senseislibrary":  "https://senseis.xmp.net/?$1",
	"shoutwiki":       "http://www.shoutwiki.com/wiki/$1",
	"squeak":          "http://wiki.squeak.org/squeak/$1",
	"tmbw":            "http://www.tmbw.net/wiki/$1",
	"tmnet":           "http://www.technomanifestos.net/?$1",
	"theopedia":       "https://www.theopedia.com/$1",
	"twiki":           "http://twiki.org/cgi-bin/view/$1",
	"uncyclopedia":    "https://en.uncyclopedia.co/wiki/$1",
	"unreal":          "https://wiki.beyondunreal.com/$1",
	"usemod":          "http://www.usemod.com/cgi-bin/wiki.pl?$1",
	"wiki":            "http://c2.com/cgi/wiki?$1",
	"wikia":           "http://www.wikia.com/wiki/$1",
	"wikibooks":       "https://en.wikibooks.org/wiki/$1",
	"wikidata":        "https://www.wikidata.org/wiki/$1",
	"wikif1":          "http://www.wikif1.org/$1",
	"wikihow":         "https://www.wikihow.com/$1",
	"wikinfo":         "http://wikinfo.co/English/index.php/$1",
	"wikimedia":       "https://foundation.wikimedia.org/wiki/$1",
	"wikinews":        "https://en.wikinews.org/wiki/$1",
	"wikipedia":       "https://en.wikipedia.org/wiki/$1",
	"wikiquote":       "https://en.wikiquote.org/wiki/$1",
	"wikisource":      "https://wikisource.org/wiki/$1",
	"wikispecies":     "https://species.wikimedia.org/wiki/$1",
	"wikiversity":     "https://en.wikiversity.org/wiki/$1",
	"wikivoyage":      "https://en.wikivoyage.org/wiki/$1",
	"wikt":            "https://en.wiktionary.org/wiki/$1",
	"wiktionary":      "https://en.wiktionary.org/wiki/$1",
}
