// Package normalize writes the site's content/ folder from the archive.
//
// content/ is derived entirely from the archive and config.toml: Write
// builds the whole tree in a temporary folder beside it and swaps it in,
// so a failure never leaves a half-written content/, and the same archive
// and configuration always give byte-identical files. The files follow
// docs/content-schema.md, the contract with layouts/: Markdown bodies from
// sync/wikitext, TOML front matter written by a TOML encoder, persona pages
// from sync/personas and diffs from sync/worddiff.
//
// The package reads the archive only; it does not talk to the wiki, does
// not render HTML and does not run Hugo.
package normalize
