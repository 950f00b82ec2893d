// Package conformance holds the differential conformance test of the
// wikitext converter: a corpus of wikitext — generated from a grammar of
// the constructs sync/wikitext knows (and the ones it is still missing),
// the fixture page's archived revisions and clearly synthetic pages — is
// rendered by the real MediaWiki 1.39 (internal/mwtest, action=parse of a
// saved revision, with the same templates saved on the wiki) and by
// wikisite (sync/wikitext, then Hugo through sync/site with the
// repository's layouts), and the two are compared on visible words and on
// structure: headings, list nesting, table cells, link targets, emphasis.
// Debian's pandoc is scored on the same corpus as a peer.
//
// The test prints a conformance table by construct, asserts a floor on a
// fixed sample, and keeps every mismatch of that sample as a txtar case in
// testdata/mismatch (rewritten by -update). `-cases N` runs N generated cases
// instead of the sample. FuzzConformance feeds fuzzed grammar choices to
// the same oracle.
//
// The package holds that test only; it has no API.
package conformance
