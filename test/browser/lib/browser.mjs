// Launches Debian's chromium through playwright-core (never a downloaded
// browser) with a fresh profile, and watches each page for console errors,
// script dialogs and requests that leave 127.0.0.1.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// launch starts chromium with a throwaway --user-data-dir; javaScriptEnabled
// false shows the site as a reader without script sees it.
export async function launch({ javaScriptEnabled = true } = {}) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: install Debian's chromium (scripts/install-test-deps.sh)`);
  }
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'wikisite-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic'],
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await fsp.rm(profile, { recursive: true, force: true });
    },
  };
}

// watch records what a page does that the suite forbids. Requests to other
// hosts are aborted (so nothing leaves the machine) and recorded.
export async function watch(page) {
  const seen = { consoleErrors: [], dialogs: [], foreign: [], navigations: [] };
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => seen.consoleErrors.push(String(e)));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) seen.navigations.push(f.url()); });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    seen.foreign.push(route.request().url());
    return route.abort();
  });
  return seen;
}

// axe runs axe-core on the page and returns serious and critical violations
// as readable lines.
export async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}
