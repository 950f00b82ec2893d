// Package visible extracts the text a reader sees from an HTML page and
// scores two such texts word by word. test/fidelity and test/conformance
// compare wikisite's rendering with MediaWiki's through it.
//
// It holds test measurement only: no rendering, no I/O. It does not judge
// markup or styling; structure comparison lives with its one user,
// test/conformance.
package visible
