// Package normalize writes the site's content/ folder from the archive.
//
// content/ is derived entirely from the archive and the Site options: Write
// builds the whole tree beside the old one and swaps it in (sync/content),
// so a failure never leaves a half-written content/, and the same archive
// and options always give byte-identical files. The files follow
// docs/content-schema.md, the contract with layouts/: Markdown bodies from
// sync/wikitext, persona pages from sync/personas, questions from
// sync/faq and diffs from sync/worddiff.
//
// Write wires small parts, each with one job, in this order:
//
//   - corpus (corpus.go): the archive's metadata and texts, read once;
//   - converter (convert.go, templates.go, cache.go, cachekeys.go): the
//     conversion cache. It resolves the pages a text may transclude as
//     data up front, runs the pure converter, and keeps results in memory
//     and in Options.CacheDir;
//   - differ (textdiff.go, prefetch.go, diff.go): diffs between revisions,
//     cached like conversions, a history's computed as a parallel map;
//   - wikiPages (wikipages.go, historykey.go): wiki/ and history/, every
//     archived page as it stands and every revision with its diff;
//   - versions (stages.go, personas.go, changes.go, sections.go): the
//     document at each meeting and now, personas matched across them;
//   - readerPages (personapages.go, meetings.go, faqpage.go): the home
//     page, personas, meetings and FAQ that readers come for;
//   - documents (documents.go): Site.Documents, further configured pages
//     split into entities by a personas.Rule, each with its own versions,
//     credits and entity pages, as the personas page has;
//   - wikiLinks (urls.go): links back to the wiki.
//
// Meetings are the site's versions, written as plain pages under
// meetings/ (one per meeting, plus its personas as they stood), not with
// Hugo's versions dimension (Site.Version, .Rotate "version", Hugo ≥ 0.153).
// That dimension builds the whole site once per version from the same
// content tree; the meetings differ in which pages exist (a persona can be
// added or removed), every version needs its diff against the previous one,
// which is computed here from the archive anyway, and versions would
// multiply every page, history included, by the number of meetings. Plain
// pages keep one build, URLs of the form /meetings/YYYY-MM-DD/, and a
// version switcher that is an ordinary list of links.
//
// Most of a build is the history pages' diffs, the same every time. With
// Options.CacheDir, Write keeps conversions, diffs and whole history files
// in a pack file keyed by hashes of everything they depend on (texts,
// template revisions in effect, settings, code version), so a build after
// one new revision computes that revision's diff and little else. The
// cache never changes the output: a damaged entry is a miss.
//
// Changed sections and compare pages carry, besides the diff of the
// converted Markdown (for editors), a rendered diff from sync/docdiff: the
// document itself with its changes marked. Compare pages cover any two
// versions (meetings and the latest), for the whole document and each
// persona, and are written only where the two versions differ. With M
// meetings (V = M+1 versions) and P personas that is at most
// (P+1)·M(M+1)/2 pages; past 25 versions only the newest 25 are paired
// all with all and older ones with their neighbour and the latest, so at
// most (P+1)·(300+2M) (compare.go). The fixture's 7 meetings and 2
// personas give 62 of the 84 possible.
//
// The package reads the archive only; it does not read config.toml (the
// command passes Site), does not talk to the wiki, does not render HTML
// itself (sync/docdiff renders the diffs) and does not run Hugo.
package normalize
