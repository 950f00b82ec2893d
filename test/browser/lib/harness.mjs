// harness is the setup a browser test file shares: one built site served
// on loopback, one browser, and open/assertClean for its pages. Call
// useSite() at the top of a test file; it registers before/after hooks.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildSite, meetingSlugs, personaSlugs, repo } from './site.mjs';
import { serve } from './server.mjs';
import { launch, watch } from './browser.mjs';

export const artifacts = path.join(repo, 'test/browser/artifacts');

// useSite builds (with build, buildSite by default) and serves the site
// once for the file; the returned object fills in before the first test
// runs.
export function useSite({ build = buildSite } = {}) {
  const h = {};
  before(async () => {
    h.site = await build();
    h.server = await serve(h.site.public);
    h.browser = await launch();
    h.meetings = await meetingSlugs();
    h.personas = h.site.content ? await personaSlugs(h.site.content) : [];
    await fs.mkdir(artifacts, { recursive: true });
  }, { timeout: 15 * 60 * 1000 });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
    if (h.site?.dir && !process.env.KEEP_SITE) await fs.rm(h.site.dir, { recursive: true, force: true });
  });
  // open loads a site path in a new watched page and checks that it loaded.
  h.open = async (p, { colorScheme = 'light', width = 1280, media = 'screen' } = {}) => {
    const page = await h.browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme, media });
    const seen = await watch(page);
    const res = await page.goto(h.server.url + p, { waitUntil: 'load' });
    assert.equal(res.status(), 200, `${p}: HTTP ${res.status()}`);
    return { page, seen };
  };
  return h;
}

export function assertClean(p, seen) {
  assert.deepEqual(seen.consoleErrors, [], `${p}: console errors`);
  assert.deepEqual(seen.foreign, [], `${p}: requests that leave 127.0.0.1`);
  assert.deepEqual(seen.dialogs, [], `${p}: script dialogs`);
}
