// Generates a Hugo site of N posts shaped like real ones (see /work/shared/docs/content-shapes.md
// for the general picture): mostly leaf bundles (a folder with index.md and two small images),
// some plain .md posts, section folders with a branch bundle (_index.md) each, front matter in
// YAML (most) or TOML, and the whole in a git repository with one commit. Deterministic, so two
// runs measure the same site; kept in a cache folder keyed by size and GENERATOR_VERSION, so a
// rerun of the bench starts at once (a 100,000-post site takes minutes to write and commit).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the generated site changes: cached sites of another version are not reused. */
export const GENERATOR_VERSION = 1;

export const AUTHOR = { name: 'Bench Writer', email: 'bench@lanternfish.example' };

const WORDS = 'driftwood summit lanternfish keynote booth speaker workshop recap cloud tide harbor lantern stream deploy canary rollout metrics panel community sticker coffee demo volunteer meetup venue schedule badge lightning talk hallway track'.split(' ');
/** Posts per section folder (each section has a branch bundle, _index.md). */
const SECTION_SIZE = 500;

// A 1×1 PNG; each image gets its post's number appended after the end chunk (viewers ignore
// it), so every image is a different file, as in a real site, and git stores each.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f6e3a80000000049454e44ae426082', 'hex');

function pick(i: number, n: number): string[] {
  return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13 + Math.floor(i / 31)) % WORDS.length]);
}

/** What shape post i takes: 80% leaf bundles, 20% plain files; every 4th in TOML. */
export function shapeOf(i: number): { bundle: boolean; toml: boolean } {
  return { bundle: i % 5 !== 4, toml: i % 4 === 3 };
}

export function postText(i: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7);
  const date = d.toISOString().slice(0, 19) + 'Z';
  const title = `Recap ${i}: ${pick(i, 3).join(' ')}`;
  const tags = [pick(i, 1)[0], i % 3 ? 'recap' : 'event'];
  const body = Array.from({ length: 5 }, (_, p) => `${pick(i + p, 35).join(' ')}.`).join('\n\n');
  const { bundle, toml } = shapeOf(i);
  const fm = toml
    ? `+++\ntitle = "${title}"\ndate = ${date}\ndraft = ${i % 10 === 0}\ntags = [${tags.map((t) => `"${t}"`).join(', ')}]\n+++\n`
    : `---\ntitle: "${title}"\ndescription: "Notes from session ${i} at the Driftwood Summit"\ndate: ${date}\ndraft: ${i % 10 === 0}\ntags:\n${tags.map((t) => `  - ${t}`).join('\n')}\n---\n`;
  const images = bundle ? `\n{{< figure src="stage.png" alt="The stage" >}}\n\n![The crowd](crowd.png)\n` : '';
  return `${fm}\n## Session ${i}\n\n${body}\n${images}`;
}

/** Where post i lives, relative to content/. */
export function postPath(i: number): string {
  const section = `events-${String(Math.floor(i / SECTION_SIZE)).padStart(3, '0')}`;
  const slug = `recap-${String(i).padStart(6, '0')}`;
  return shapeOf(i).bundle ? `${section}/${slug}/index.md` : `${section}/${slug}.md`;
}

function writeSite(root: string, count: number): void {
  const content = join(root, 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), 'title = "Scale bench"\nbaseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  writeFileSync(join(root, '.gitignore'), 'public/\nresources/\n.hugo_build.lock\n');
  for (let i = 0; i < count; i++) {
    const rel = postPath(i);
    const section = rel.split('/')[0];
    if (i % SECTION_SIZE === 0) {
      mkdirSync(join(content, section), { recursive: true });
      writeFileSync(join(content, section, '_index.md'), `---\ntitle: "Events, part ${i / SECTION_SIZE}"\n---\n\nRecaps ${i} to ${i + SECTION_SIZE - 1}.\n`);
    }
    if (shapeOf(i).bundle) {
      const dir = join(content, rel.replace(/\/index\.md$/, ''));
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.md'), postText(i));
      writeFileSync(join(dir, 'stage.png'), Buffer.concat([PNG, Buffer.from(`stage ${i}`)]));
      writeFileSync(join(dir, 'crowd.png'), Buffer.concat([PNG, Buffer.from(`crowd ${i}`)]));
    } else writeFileSync(join(content, rel), postText(i));
  }
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', `user.name=${AUTHOR.name}`, '-c', `user.email=${AUTHOR.email}`, '-c', 'core.autocrlf=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function cacheRoot(): string {
  return process.env.BENCH_SCALE_CACHE ?? join(tmpdir(), 'postwright-scale-sites');
}

/** The commit the site was generated with (its only root commit). */
export function generatedCommit(root: string): string {
  return git(root, 'rev-list', '--max-parents=0', 'HEAD').trim().split('\n')[0];
}

/**
 * Puts a site back as it was generated: its branch at the generated commit, index and files
 * matching it. Every run then measures the same site (Save version adds commits; a run stopped
 * midway leaves edits).
 */
export function resetToGenerated(root: string, commit = generatedCommit(root)): void {
  git(root, 'reset', '-q', '--hard', commit);
}

/**
 * The site of `count` posts, from the cache or written now (then committed once). A site left
 * with changes or commits by an earlier run (one stopped midway, or from before runs reset it)
 * is put back as generated first.
 */
export function scaleSite(count: number, log: (m: string) => void): { root: string; generatedMs: number | null } {
  const root = join(cacheRoot(), `v${GENERATOR_VERSION}-${count}`);
  if (existsSync(join(root, '.git', 'postwright-bench-complete'))) {
    const start = generatedCommit(root);
    if (git(root, 'rev-parse', 'HEAD').trim() !== start || git(root, 'status', '--porcelain').trim()) {
      log(`scale ${count}: putting back the site as generated (changes or versions left by an earlier run)`);
      resetToGenerated(root, start);
    }
    return { root, generatedMs: null };
  }
  const t0 = performance.now();
  const partial = `${root}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  log(`scale ${count}: writing the site (cached in ${cacheRoot()} for the next run)`);
  writeSite(partial, count);
  git(partial, 'init', '-q', '-b', 'main');
  git(partial, 'add', '-A');
  git(partial, 'commit', '-qm', `A site of ${count} posts`);
  writeFileSync(join(partial, '.git', 'postwright-bench-complete'), '');
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  const generatedMs = performance.now() - t0;
  log(`scale ${count}: written and committed in ${(generatedMs / 1000).toFixed(1)} s`);
  return { root, generatedMs };
}
