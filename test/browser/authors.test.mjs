// Browser tests of the authors views (layouts/authors/, sync/authorship):
// every sentence names an author and a revision, as a tooltip, as text
// shown on focus and in print, and to screen readers; the legend explains
// every tint; the profile has a line per field; axe is clean in light and
// dark. Screenshots go to artifacts/ (UPDATE_SCREENSHOTS=1 also refreshes
// docs/screenshots/authors-*.png).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { repo } from './lib/site.mjs';
import { axe } from './lib/browser.mjs';
import { useSite, assertClean, artifacts } from './lib/harness.mjs';

const h = useSite();
const open = (...args) => h.open(...args);

const credit = /^.+, \d{1,2} [A-Z][a-z]{2} \d{4}, revision \d+$/;

// mustAttributeEverything checks that every piece of text in the view's
// text section sits in a span whose title and hidden text name an author,
// a date and a revision, and that the legend has a swatch for every tint.
async function mustAttributeEverything(page, p) {
  const r = await page.evaluate(() => {
    const text = document.querySelector('section.auth-text');
    const loose = [];
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Headings of the view and field labels are the page's structure, not text anyone wrote.
      if (n.textContent.trim() === '' || n.parentElement.closest('h2#text, .auth-label')) continue;
      if (!n.parentElement.closest('.auth')) loose.push(n.textContent.trim());
    }
    const spans = [...text.querySelectorAll('.auth')].map((s) => ({
      title: s.getAttribute('title'),
      hidden: s.querySelector('.auth-credit')?.textContent.trim(),
      tabindex: s.getAttribute('tabindex'),
      tint: [...s.classList].find((c) => /^auth-p\d$/.test(c)),
    }));
    const swatches = [...document.querySelectorAll('.auth-legend .auth-swatch')]
      .map((s) => [...s.classList].find((c) => /^auth-p\d$/.test(c)));
    return { loose, spans, swatches };
  });
  assert.deepEqual(r.loose, [], `${p}: text outside any attributed span`);
  assert.ok(r.spans.length > 0, `${p}: no attributed spans`);
  for (const s of r.spans) {
    assert.match(s.title, credit, `${p}: span title`);
    assert.equal(s.hidden, `[${s.title}]`, `${p}: a span's text credit differs from its title`);
    assert.equal(s.tabindex, '0', `${p}: span not focusable`);
    assert.ok(r.swatches.includes(s.tint), `${p}: tint ${s.tint} missing from the legend`);
  }
}

describe('authors views', () => {
  it('every persona now and at every meeting, and the whole page, attribute every sentence; axe clean', async () => {
    assert.ok(h.personas.length > 0, 'no personas');
    const paths = [...h.personas.map((s) => `/personas/${s}/authors/`), '/wiki/Server/Personas/authors/'];
    for (const m of h.meetings) {
      const { page } = await open(`/meetings/${m}/`);
      if ((await page.locator('footer a[href$="/authors/"]').count()) > 0) paths.push(`/meetings/${m}/authors/`);
      await page.close();
    }
    assert.ok(paths.some((p) => p.startsWith('/meetings/')), 'no meeting links its authors view');
    for (const p of paths) {
      for (const colorScheme of ['light', 'dark']) {
        const { page, seen } = await open(p, { colorScheme });
        await mustAttributeEverything(page, p);
        assert.deepEqual(await axe(page), [], `${p} (${colorScheme}): serious or critical axe violations`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${p}: scrolls sideways by ${overflow}px`);
        assertClean(p, seen);
        await page.close();
      }
    }
  });

  it('focus and print show the credit as text; hover has it as a title', async () => {
    // The persona with the most attributed spans makes the telling screenshot.
    let p, most = -1;
    for (const slug of h.personas) {
      const { page } = await open(`/personas/${slug}/authors/`);
      const n = await page.locator('section.auth-text .auth').count();
      if (n > most) [p, most] = [`/personas/${slug}/authors/`, n];
      await page.close();
    }
    const { page } = await open(p);
    // A span of the first field: focusing it scrolls the text into view.
    const span = page.locator('section.auth-text .auth-field .auth, section.auth-text .auth').first();
    const hidden = span.locator('.auth-credit');
    assert.ok((await hidden.boundingBox()).width <= 1, `${p}: the credit shows before focus`);
    await page.keyboard.press('Tab'); // skip link
    let focused = false;
    for (let i = 0; i < 200 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await span.evaluate((el) => el === document.activeElement);
    }
    assert.ok(focused, `${p}: Tab never reaches the first attributed span`);
    assert.ok((await hidden.boundingBox()).width > 20, `${p}: the credit is not shown on focus`);
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({ path: path.join(repo, 'docs/screenshots/authors-1280.png'), fullPage: false });
    }
    await page.screenshot({ path: path.join(artifacts, 'authors-focus-1280.png'), fullPage: false });
    await page.close();

    const printed = await open(p, { media: 'print' });
    const shown = await printed.page.locator('section.auth-text .auth-credit').first().boundingBox();
    assert.ok(shown.width > 20, `${p}: credits hidden in print`);
    await printed.page.close();

    const narrow = await open(p, { width: 375 });
    await narrow.page.screenshot({ path: path.join(artifacts, 'authors-375.png'), fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS) {
      await narrow.page.locator('section.auth-text').screenshot({ path: path.join(repo, 'docs/screenshots/authors-375.png') });
    }
    await narrow.page.close();
  });

  it('the profile names who wrote each field; the footer credits the persona\'s own authors', async () => {
    let withFields = 0;
    for (const slug of h.personas) {
      const p = `/personas/${slug}/authors/`;
      const { page } = await open(p);
      const lines = await page.locator('.auth-fields li').allInnerTexts();
      const fields = await page.locator('.auth-field').count();
      assert.equal(lines.length, fields, `${p}: ${fields} fields in the text, ${lines.length} profile lines`);
      if (fields > 0) withFields++;
      for (const l of lines) assert.match(l, /^[^:]+: .+, \d{1,2} [A-Z][a-z]{2} \d{4}, revision \d+ \(“.*”\)$/, p);
      const authors = await page.locator('.auth-authors li').allInnerTexts();
      const footer = await page.locator('footer p.credits').innerText();
      for (const a of authors.slice(0, 4)) assert.ok(footer.includes(a.split(':')[0]), `${p}: footer misses ${a}`);
      await page.close();
      const persona = await open(`/personas/${slug}/`);
      assert.equal(await persona.page.locator('footer p.credits a[href$="/authors/"]').getAttribute('href'), p);
      await persona.page.close();
    }
    assert.ok(withFields > 0, 'no persona has a profile to credit');
  });
});
