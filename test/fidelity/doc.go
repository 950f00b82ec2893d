// Package fidelity measures how faithfully wikisite renders the mirrored
// wiki pages: its test renders every archived revision of the fixture page
// through the real pipeline (sync/wikitext with normalize's options, then
// Hugo through sync/site with the repository's layouts) and compares the
// visible text, word by word, with MediaWiki's own rendering of the same
// revision, scoring Debian's pandoc on the same texts as a peer.
//
// The package holds that test only; it has no API. It does not test
// markup, styling or links, only the words a reader sees.
package fidelity
