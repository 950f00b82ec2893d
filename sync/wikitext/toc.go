package wikitext

// showTOC is MediaWiki's rule for a page's table of contents: __NOTOC__
// hides it, __FORCETOC__ or __TOC__ shows it, and otherwise a page with
// four or more headings has one. The converter only says whether; the
// layout draws it from the Markdown headings.
func showTOC(magic []string, headings int) bool {
	has := func(w string) bool {
		for _, m := range magic {
			if m == w {
				return true
			}
		}
		return false
	}
	switch {
	case has("NOTOC"):
		return false
	case has("FORCETOC"), has("TOC"):
		return true
	}
	return headings >= 4
}
