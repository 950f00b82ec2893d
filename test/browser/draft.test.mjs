// A draft (`wikisite build --draft`): the committed latest revision of
// Server/Personas with a synthetic persona appended. In real Chromium the
// banner says "Draft (not on the wiki)" on every page and links the
// draft's changes against the wiki's latest revision and the last meeting,
// which show the new persona as inserted; every page is axe clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildDraftSite } from './lib/site.mjs';
import { axe } from './lib/browser.mjs';
import { useSite, assertClean } from './lib/harness.mjs';

// The draft's content is in a temporary folder the build removes: the
// tests read the built pages only.
const h = useSite({ build: buildDraftSite });
const open = (...args) => h.open(...args);

async function assertAxeClean(page, what) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axe(page), [], `${what} (${colorScheme}): serious or critical axe violations`);
  }
}

describe('draft', () => {
  it('every page carries the banner', async () => {
    for (const p of ['/', '/personas/', '/personas/test-persona-draft/', '/meetings/', '/history/Server/Personas/']) {
      const { page, seen } = await open(p);
      const banner = page.getByRole('note').filter({ hasText: 'Draft (not on the wiki)' });
      assert.ok(await banner.isVisible(), `${p}: the draft banner shows`);
      await assertAxeClean(page, p);
      assertClean(p, seen);
      await page.close();
    }
  });

  it('shows the persona the draft adds', async () => {
    const { page, seen } = await open('/personas/test-persona-draft/');
    assert.match(await page.locator('main').textContent(), /Synthetic frustration written only for the browser test/);
    assertClean('/personas/test-persona-draft/', seen);
    await page.close();
  });

  it('links the changes since the last meeting, as a rendered diff', async () => {
    const { page, seen } = await open('/');
    await page.getByRole('note').getByRole('link', { name: 'changes since the last meeting' }).click();
    await page.waitForURL('**/compare/*/latest/');
    const inserted = page.locator('main ins', { hasText: 'Test Persona (draft)' });
    assert.ok(await inserted.count() > 0, 'the new persona is marked as inserted');
    assert.ok(await inserted.first().isVisible(), 'and visible');
    await assertAxeClean(page, page.url());
    assertClean('/ → compare', seen);
    await page.close();
  });

  it('links the changes against the wiki\'s latest revision', async () => {
    const { page, seen } = await open('/');
    await page.getByRole('note').getByRole('link', { name: 'changes against the wiki’s latest revision' }).click();
    await page.waitForURL('**/history/Server/Personas/#rev-*');
    const id = new URL(page.url()).hash.slice(1);
    const entry = page.locator(`article#${id}`);
    assert.match(await entry.locator('.revision-meta').textContent(), /by draft,[\s\S]*Draft \(not on the wiki\)/);
    assert.equal(await entry.locator('h2 a').count(), 0, 'the draft revision is not linked to the wiki');
    assert.ok(await entry.locator('ins', { hasText: 'Test Persona (draft)' }).count() > 0, 'its diff inserts the persona');
    await assertAxeClean(page, page.url());
    assertClean('/ → history', seen);
    await page.close();
  });
});
