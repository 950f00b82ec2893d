// Search (Pagefind, indexed by `wikisite build`): a reader finds a persona
// by a word from its frustrations, in the latest version and at a meeting,
// each box searching only its own version; results are axe clean; without
// JavaScript the box is a plain link to the personas index.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSite, personaSlugs } from './lib/site.mjs';
import { serve } from './lib/server.mjs';
import { launch, watch, axe } from './lib/browser.mjs';

let site, server, browser, noScript, needle;

before(async () => {
  site = await buildSite();
  server = await serve(site.public);
  browser = await launch();
  noScript = await launch({ javaScriptEnabled: false });
  needle = await frustrationWord(site.content);
}, { timeout: 15 * 60 * 1000 });

after(async () => {
  await browser?.close();
  await noScript?.close();
  await server?.close();
  if (site?.dir && !process.env.KEEP_SITE) await fs.rm(site.dir, { recursive: true, force: true });
});

// frustrationWord picks, from the real persona text the build converted,
// the longest word of a persona's Frustrations section that no other
// persona's page contains, so that exactly one persona should match. It
// returns { slug, word, meeting }, where meeting is a meeting at which that
// persona's page already had the word.
async function frustrationWord(content) {
  const slugs = await personaSlugs(content);
  const texts = Object.fromEntries(await Promise.all(slugs.map(async (s) => [s, await fs.readFile(path.join(content, 'personas', `${s}.md`), 'utf8')])));
  for (const slug of slugs) {
    const section = texts[slug].match(/^## Frustrations\n([\s\S]*?)(?=^## |$(?![\s\S]))/m)?.[1] ?? '';
    const words = [...new Set(section.match(/\p{L}{6,}/gu) ?? [])]
      .filter((w) => slugs.every((other) => other === slug || !texts[other].toLowerCase().includes(w.toLowerCase())))
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    if (words.length === 0) continue;
    const word = words[0];
    const meetingFiles = (await fs.readdir(path.join(content, 'meetings'))).filter((n) => n.endsWith(`--${slug}.md`)).sort();
    for (const f of meetingFiles) {
      if ((await fs.readFile(path.join(content, 'meetings', f), 'utf8')).includes(word)) {
        return { slug, word, meeting: f.slice(0, f.indexOf('--')) };
      }
    }
  }
  throw new Error('no persona has a Frustrations section with a word of its own, at a meeting too');
}

// search types the word into the page's search box and returns the result
// links' paths once the status says how many matched.
async function search(page, word) {
  const box = page.getByRole('search');
  await box.getByLabel('Words to find').fill(word);
  await box.getByRole('button', { name: 'Search' }).click();
  const status = page.locator('.search-status');
  await status.filter({ hasText: word }).waitFor({ timeout: 10_000 });
  const hrefs = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  return { hrefs, status: await status.textContent() };
}

async function open(p) {
  const page = await browser.context.newPage();
  const seen = await watch(page);
  const res = await page.goto(server.url + p, { waitUntil: 'load' });
  assert.equal(res.status(), 200, `${p}: HTTP ${res.status()}`);
  return { page, seen };
}

function assertClean(p, seen) {
  assert.deepEqual(seen.consoleErrors, [], `${p}: console errors`);
  assert.deepEqual(seen.foreign, [], `${p}: requests that leave 127.0.0.1`);
}

describe('search', () => {
  it('the build wrote one bundle per version', async () => {
    for (const version of ['latest', needle.meeting]) {
      await fs.access(path.join(site.public, 'pagefind', version, 'pagefind.js'));
    }
    await assert.rejects(fs.access(path.join(site.public, 'pagefind', 'latest', 'pagefind-ui.js')), 'the unused Pagefind UI is removed');
  });

  it('finds a persona by a word from its frustrations, now', async () => {
    const p = '/personas/';
    const { page, seen } = await open(p);
    const { hrefs, status } = await search(page, needle.word);
    assert.deepEqual(hrefs, [`/personas/${needle.slug}/`], `searching “${needle.word}” at ${p} (status: ${status})`);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(page), [], `${p} with results (${colorScheme}): serious or critical axe violations`);
    }
    assert.equal(await page.locator('.search-results mark').first().textContent(), needle.word, 'the match is highlighted');
    await page.locator('.search-results a').first().click();
    await page.waitForURL(`**/personas/${needle.slug}/`);
    assertClean(p, seen);
    await page.close();
  });

  it('at a meeting, finds the persona as it stood then', async () => {
    const p = `/meetings/${needle.meeting}/`;
    const { page, seen } = await open(p);
    const { hrefs, status } = await search(page, needle.word);
    assert.deepEqual(hrefs, [`/meetings/${needle.meeting}/personas/${needle.slug}/`], `searching “${needle.word}” at ${p} (status: ${status})`);
    assert.deepEqual(await axe(page), [], `${p} with results: serious or critical axe violations`);
    assertClean(p, seen);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const p = '/personas/';
    const { page, seen } = await open(p);
    const { hrefs, status } = await search(page, 'zzqxjv');
    assert.deepEqual(hrefs, []);
    assert.match(status, /No persona mentions “zzqxjv”/);
    assertClean(p, seen);
    await page.close();
  });

  it('finds no entity of a configured document among the personas', async () => {
    // The suite's site splits a synthetic requirements page into use
    // cases (lib/site.mjs), on the same layout as the personas; their
    // words are on no persona, and the index holds /personas/ only.
    const p = '/personas/';
    const { page, seen } = await open(p);
    const { hrefs, status } = await search(page, 'sprocket');
    assert.deepEqual(hrefs, [], `searching “sprocket” at ${p} (status: ${status})`);
    assertClean(p, seen);
    await page.close();
  });

  it('without JavaScript, a plain link to the personas index', async () => {
    const page = await noScript.context.newPage();
    await page.goto(`${server.url}/meetings/${needle.meeting}/`, { waitUntil: 'load' });
    assert.equal(await page.getByRole('search').count(), 0, 'the search form stays hidden');
    const link = page.locator('.search-fallback a');
    assert.ok(await link.isVisible(), 'the fallback link shows');
    assert.equal(new URL(await link.getAttribute('href'), server.url).pathname, '/personas/');
    await page.close();
  });
});
