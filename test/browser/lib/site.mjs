// Builds the site the browser suite visits: the committed archive plus the
// synthetic hostile page, in a temporary project so the repository's own
// archive/ and content/ are never touched.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const hostileTitle = 'Synthetic hostile page';
export const hostilePath = '/wiki/Synthetic_hostile_page/';
// movedTitle is a synthetic page whose revision between the first two
// meetings moves a list item, so the meeting of 2013-11-05 shows a move.
export const movedTitle = 'Synthetic moved page';
export const movedMeeting = '2013-11-05';
// documentTitle is a synthetic requirements page that a [[params.documents]]
// rule splits into use cases at /use-cases/, with their own compare pages.
export const documentTitle = 'Synthetic requirements';
export const documentRule = `
[[params.documents]]
page = "${documentTitle}"
heading_level = 2
heading_pattern = '^Use case (\\d+): (.*)$'
section = "use-cases"
`;

export async function sh(cmd, args, opts) {
  try {
    return await run(cmd, args, { maxBuffer: 64 << 20, ...opts });
  } catch (err) {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: err });
  }
}

// withHostilePage adds the hostile, the moved and the requirements page to
// params.wiki.pages so that build renders them like any mirrored page, and
// the rule that splits the requirements page.
export function withHostilePage(configText) {
  const re = /^pages\s*=\s*\[(.*)\]\s*$/m;
  if (!re.test(configText)) throw new Error('config.toml: no `pages = [...]` line under [params.wiki]');
  return configText.replace(re, (_, list) => `pages = [${list}, "${hostileTitle}", "${movedTitle}", "${documentTitle}"]`) + documentRule;
}

// buildSite makes a temporary project (config.toml, layouts/, static/, a
// copy of archive/ with the hostile page imported), runs `wikisite build`
// there and returns { dir, public, content }.
// SITE_DIR (a built public/) and CONTENT_DIR skip the build, for iterating on
// layouts; CI never sets them.
export async function buildSite() {
  if (process.env.SITE_DIR) {
    return { dir: null, public: path.resolve(process.env.SITE_DIR), content: path.resolve(process.env.CONTENT_DIR ?? path.join(repo, 'content')) };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wikisite-browser-'));
  const bin = path.join(dir, 'wikisite');
  await sh('go', ['build', '-o', bin, './cmd/wikisite'], { cwd: repo });
  const config = await fs.readFile(path.join(repo, 'config.toml'), 'utf8');
  await fs.writeFile(path.join(dir, 'config.toml'), withHostilePage(config));
  for (const d of ['layouts', 'static', 'archive']) {
    await fs.cp(path.join(repo, d), path.join(dir, d), { recursive: true });
  }
  for (const xml of ['hostile.xml', 'moved.xml', 'documents.xml']) {
    await sh(bin, ['import', '--config', 'config.toml', '--archive', 'archive', path.join(repo, 'test/browser/testdata', xml)], { cwd: dir });
  }
  const pub = path.join(dir, 'public');
  await sh(bin, ['build', '--config', 'config.toml', '--archive', 'archive', '--destination', pub], { cwd: dir });
  const content = await firstDir([path.join(dir, 'content'), path.join(repo, 'content')], 'meetings');
  return { dir, public: pub, content };
}

async function firstDir(candidates, sub) {
  for (const c of candidates) {
    try {
      if ((await fs.stat(path.join(c, sub))).isDirectory()) return c;
    } catch { /* next */ }
  }
  throw new Error(`no content/${sub} in ${candidates.join(' or ')}: did build write content/?`);
}

// meetingSlugs reads the meetings' dates (YYYY-MM-DD) from config.toml.
export async function meetingSlugs() {
  const text = await fs.readFile(path.join(repo, 'config.toml'), 'utf8');
  return [...text.matchAll(/^date\s*=\s*(\d{4}-\d{2}-\d{2})T/gm)].map((m) => m[1]);
}

// meetingFacts reads content/meetings/<slug>.md front matter for the flags
// the layouts render: first (no earlier version) and none (no change).
export async function meetingFacts(content, slug) {
  const text = await fs.readFile(path.join(content, 'meetings', `${slug}.md`), 'utf8');
  const fm = text.split(/^\+\+\+\s*$/m)[1] ?? '';
  const changes = fm.slice(fm.search(/changes/));
  return {
    first: /\bfirst\s*=\s*true\b/.test(changes),
    none: /\bnone\s*=\s*true\b/.test(changes),
  };
}

// personaSlugs lists content/personas/<slug>.md.
export async function personaSlugs(content) {
  const names = await fs.readdir(path.join(content, 'personas'));
  return names.filter((n) => n.endsWith('.md') && n !== '_index.md').map((n) => n.slice(0, -3)).sort();
}

// draftPersona is clearly synthetic persona text, appended to the
// committed latest revision to make a draft that adds a persona.
export const draftPersona = '\n\n=== Persona #3: Test Persona (draft) ===\n\n' +
  '<span style="font-size: 24px; font-weight: bold;">\nTest Persona (draft)\n</span>\n\n' +
  '==== Frustrations ====\n\n* Synthetic frustration written only for the browser test, not from the wiki.\n';

// buildDraftSite makes a temporary project like buildSite (the committed
// archive only) and builds it with --draft: the newest archived revision
// of Server/Personas plus draftPersona. It returns { dir, public }.
export async function buildDraftSite() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wikisite-draft-'));
  const bin = path.join(dir, 'wikisite');
  await sh('go', ['build', '-o', bin, './cmd/wikisite'], { cwd: repo });
  for (const d of ['layouts', 'static', 'archive']) {
    await fs.cp(path.join(repo, d), path.join(dir, d), { recursive: true });
  }
  await fs.copyFile(path.join(repo, 'config.toml'), path.join(dir, 'config.toml'));
  const pageDir = path.join(dir, 'archive', 'Server%2FPersonas');
  const newest = (await fs.readdir(pageDir)).filter((n) => /^\d+\.wiki$/.test(n)).sort((a, b) => parseInt(a) - parseInt(b)).at(-1);
  const latest = await fs.readFile(path.join(pageDir, newest), 'utf8');
  await fs.writeFile(path.join(dir, 'draft.wiki'), latest + draftPersona);
  const pub = path.join(dir, 'public-draft');
  await sh(bin, ['build', '--config', 'config.toml', '--archive', 'archive', '--draft', 'Server/Personas=draft.wiki', '--destination', pub], { cwd: dir });
  return { dir, public: pub };
}
