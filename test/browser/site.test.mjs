// Browser tests of the built site: every page readable, accessible (axe,
// light and dark), offline, free of console errors; the meeting version
// switcher and diffs right; the hostile page inert. Screenshots go to
// artifacts/ (UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots/).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSite, meetingSlugs, meetingFacts, personaSlugs, hostilePath, repo } from './lib/site.mjs';
import { serve } from './lib/server.mjs';
import { launch, watch, axe } from './lib/browser.mjs';

const artifacts = path.join(repo, 'test/browser/artifacts');
let site, server, browser, meetings, personas;

before(async () => {
  site = await buildSite();
  server = await serve(site.public);
  browser = await launch();
  meetings = await meetingSlugs();
  personas = await personaSlugs(site.content);
  await fs.mkdir(artifacts, { recursive: true });
}, { timeout: 15 * 60 * 1000 });

after(async () => {
  await browser?.close();
  await server?.close();
  if (site?.dir && !process.env.KEEP_SITE) await fs.rm(site.dir, { recursive: true, force: true });
});

// open loads a site path in a new watched page and checks that it loaded.
async function open(p, { colorScheme = 'light', width = 1280 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  const seen = await watch(page);
  const res = await page.goto(server.url + p, { waitUntil: 'load' });
  assert.equal(res.status(), 200, `${p}: HTTP ${res.status()}`);
  return { page, seen };
}

function assertClean(p, seen) {
  assert.deepEqual(seen.consoleErrors, [], `${p}: console errors`);
  assert.deepEqual(seen.foreign, [], `${p}: requests that leave 127.0.0.1`);
  assert.deepEqual(seen.dialogs, [], `${p}: script dialogs`);
}

const shotName = (p, suffix) => (p.replace(/^\/|\/$/g, '').replace(/[^A-Za-z0-9-]+/g, '_') || 'home') + suffix + '.png';

// visit runs the per-page checks: clean in both schemes, no serious axe
// violation, no horizontal scroll at 360 px, screenshots at 1280 and 375.
async function visit(p) {
  for (const colorScheme of ['light', 'dark']) {
    const { page, seen } = await open(p, { colorScheme });
    assert.ok(await page.locator('footer a[rel="license"][href="https://creativecommons.org/licenses/by-sa/3.0/"]').count() === 1, `${p}: footer licence link`);
    assert.deepEqual(await axe(page), [], `${p} (${colorScheme}): serious or critical axe violations`);
    if (colorScheme === 'light') {
      await page.screenshot({ path: path.join(artifacts, shotName(p, '-1280')), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: path.join(artifacts, shotName(p, '-375')), fullPage: true });
      await page.setViewportSize({ width: 360, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${p}: scrolls sideways by ${overflow}px at 360px`);
    }
    assertClean(p, seen);
    await page.close();
  }
}

describe('pages', () => {
  it('home', async () => visit('/'));
  it('history of Server/Personas', async () => visit('/history/Server/Personas/'));
  it('meetings list', async () => visit('/meetings/'));
  it('every persona', async () => {
    assert.ok(personas.length > 0, 'no personas in content/personas');
    for (const slug of personas) await visit(`/personas/${slug}/`);
  });
  it('every meeting', async () => {
    assert.ok(meetings.length > 0, 'no meetings in config.toml');
    for (const slug of meetings) await visit(`/meetings/${slug}/`);
  });
  it('404', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(server.url + '/no/such/page/');
    assert.equal(res.status(), 404);
    assert.match(await page.locator('h1').innerText(), /not found/i);
    await page.close();
  });
});

describe('meetings', () => {
  it('version switcher leads to the right meeting', async () => {
    for (const slug of meetings) {
      const { page, seen } = await open(`/meetings/${slug}/`);
      const links = page.locator('nav.versions a');
      const n = await links.count();
      assert.equal(n, meetings.length + 1, `/meetings/${slug}/: switcher has ${n} links, want every meeting and Latest`);
      assert.equal(await page.locator('nav.versions a[aria-current="page"]').getAttribute('href'), `/meetings/${slug}/`);
      for (let i = 0; i < n; i++) {
        const link = page.locator('nav.versions a').nth(i);
        const href = await link.getAttribute('href');
        const title = await link.getAttribute('title');
        const label = (await link.innerText()).trim();
        await Promise.all([page.waitForURL(server.url + href), link.click()]);
        assert.equal(new URL(page.url()).pathname, href);
        if (href === '/') {
          assert.equal(label, 'Latest');
        } else {
          assert.equal(href, `/meetings/${meetings[i]}/`, 'switcher is in meeting order');
          assert.equal((await page.locator('main h1').first().innerText()).trim(), title, `${href}: heading is not the meeting's title`);
          assert.equal(await page.locator('nav.versions a[aria-current="page"]').getAttribute('href'), href);
        }
        await page.goto(`${server.url}/meetings/${slug}/`);
      }
      assertClean(slug, seen);
      await page.close();
    }
  });

  it('diff markers where personas changed and none where nothing did', async () => {
    let changedSeen = 0;
    for (const slug of meetings) {
      const facts = await meetingFacts(site.content, slug);
      const { page } = await open(`/meetings/${slug}/`);
      const changes = page.locator('section.changes');
      const marks = await changes.locator('ins, del').count();
      const text = await changes.innerText();
      if (facts.first) {
        assert.match(text, /First meeting: there is no earlier version to compare with/, slug);
        assert.equal(marks, 0, `${slug}: diff markers on the first meeting`);
      } else if (facts.none) {
        assert.match(text, /No changes since /, slug);
        assert.equal(marks, 0, `${slug}: diff markers though nothing changed`);
      } else {
        const events = await changes.locator('.persona-events li').count();
        assert.ok(marks + events > 0, `${slug}: changes.none is false but no ins/del and no persona event shown`);
        changedSeen++;
      }
      await page.close();
    }
    assert.ok(changedSeen > 0, 'no meeting shows a change');
  });

  // Facts of the real data (shared fixtures README), not read from content/.
  it('2014-01-07 shows no change since 2013-12-17', async () => {
    const { page } = await open('/meetings/2014-01-07/');
    const changes = page.locator('section.changes');
    assert.match(await changes.innerText(), /No changes since .*December 17 2013/);
    assert.equal(await changes.locator('ins, del').count(), 0);
    await page.close();
  });

  it('Sandra Summers\' age goes 35 → 36 at exactly one meeting', async () => {
    const found = [];
    for (const slug of meetings) {
      const { page } = await open(`/meetings/${slug}/`);
      const rows = await page.evaluate(() => [...document.querySelectorAll('table.field-changes tbody tr')]
        .map((tr) => [...tr.cells].map((c) => c.textContent.replace(/^(added|removed): /, '').trim())));
      for (const [persona, field, before, after] of rows) {
        if (persona === 'Sandra Summers' && field === 'Age' && before === '35' && after === '36') found.push(slug);
      }
      if (found.at(-1) === slug && process.env.UPDATE_SCREENSHOTS) {
        await page.screenshot({ path: path.join(repo, 'docs/screenshots/meeting-diff.png'), fullPage: false });
      }
      await page.close();
    }
    assert.equal(found.length, 1, `Age 35 → 36 shown at ${found.join(', ') || 'no meeting'}`);
  });
});

describe('hostile page', () => {
  it('runs no script', async () => {
    const { page, seen } = await open(hostilePath);
    await page.mouse.move(10, 10);
    await page.locator('main').hover().catch(() => {});
    for (const text of ['hover me', 'bold', 'x', 'y', 'internal', 'raw anchor']) {
      const el = page.locator('main').getByText(text, { exact: true }).first();
      if (await el.count()) await el.click({ timeout: 2000 }).catch(() => {});
    }
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, hostilePath, 'navigated away');
    assert.deepEqual(seen.dialogs, [], 'a dialog opened');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned was set');
    assert.equal(await page.locator('script').count(), 0, 'a <script> element from content');
    assert.equal(await page.locator('iframe, object, embed, svg[onload]').count(), 0, 'an embedding element from content');
    assert.equal(await page.locator('[href^="javascript:" i], [src^="javascript:" i], [data^="javascript:" i]').count(), 0, 'a javascript: URL');
    const handlers = await page.evaluate(() => [...document.querySelectorAll('*')]
      .flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)));
    assert.deepEqual(handlers, [], 'event handler or javascript: attributes');
    assert.match(await page.locator('main').innerText(), /Synthetic hostile page/);
    assert.deepEqual(seen.foreign, [], 'requests that leave 127.0.0.1');
    await page.close();
  });
});
