// The promise, checked with the real `hugo`: the sample site builds to the same HTML before and
// after `postwright roundtrip --write`; after a title edit (through the front-matter form's own
// setField) only that title's occurrences differ; after a headless edit of one paragraph only
// that post's page differs; a post with reference-style links (now editable link text) builds the
// same after open+save, and after an edit of one link's words only those words differ. Nothing
// is normalised: the sample site's build has no timestamps.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as roundtrip } from '../../../electron/cli/commands/roundtrip';
import { setField } from '../../../shared/frontmatter/edit';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { engine, replaceText } from './helpers';

const sampleSite = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'content');
const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hasHugo = hugo.status === 0;
if (!hasHugo) console.log('hugo-build.test: skipped, `hugo` is not installed on this machine.');

const work = mkdtempSync(join(tmpdir(), 'postwright-hugo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(site: string, name: string): Map<string, string> {
  const out = join(work, name);
  execFileSync('hugo', ['--source', site, '--destination', out, '--quiet'], { stdio: 'pipe' });
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(relative(out, full), readFileSync(full, 'latin1'));
    }
  };
  walk(out);
  return files;
}

function changedFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

describe.skipIf(!hasHugo)('the sample site built by hugo', () => {
  const site = join(work, 'site');
  cpSync(sampleSite, site, { recursive: true });
  const posts = join(site, 'content');
  let before: Map<string, string>;

  it('builds the same HTML after `roundtrip --write`', async () => {
    before = build(site, 'before');
    expect(before.size).toBeGreaterThan(10);
    const code = await quietly(() => roundtrip([posts, '--write']));
    expect(code).toBe(0);
    expect(changedFiles(before, build(site, 'after-roundtrip'))).toEqual([]);
  }, 120_000);

  it('after a title edit, only that title’s occurrences differ', () => {
    const file = join(posts, 'blog', 'booth-notes', 'index.md');
    const text = readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    expect(split.format).toBe('yaml');
    const fm = text.slice(split.fmStart, split.fmEnd);
    const edited = setField('yaml', fm, ['title'], 'Notes from the stand');
    writeFileSync(file, text.slice(0, split.fmStart) + edited + text.slice(split.fmEnd));
    const after = build(site, 'after-title');
    const changed = changedFiles(before, after);
    expect(changed).toContain('blog/booth-notes/index.html');
    for (const name of changed) {
      expect(after.get(name)).toContain('Notes from the stand');
      expect(after.get(name)!.replaceAll('Notes from the stand', 'Notes from the booth')).toBe(before.get(name));
    }
    writeFileSync(file, text);
  }, 120_000);

  it('after a headless edit of one paragraph, only that post’s page differs', async () => {
    const file = join(posts, 'blog', 'driftwood-summit-2025-recap', 'index.md');
    const text = readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    const opened = (await engine()).open(text.slice(split.bodyOffset));
    expect(opened.parsed.unsafeReason).toBeNull();
    const saved = opened.save(replaceText(opened.parsed.doc, 'See you at Driftwood', 'See you all at Driftwood'));
    writeFileSync(file, text.slice(0, split.bodyOffset) + saved);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('See you at Driftwood', 'See you all at Driftwood'));
    const after = build(site, 'after-paragraph');
    const page = 'blog/driftwood-summit-2025-recap/index.html';
    expect(changedFiles(before, after)).toEqual([page]);
    expect(after.get(page)!.replace('See you all at Driftwood', 'See you at Driftwood')).toBe(before.get(page));
  }, 120_000);

  it('a post with reference links builds the same after open+save; after an edit of a link’s words only they differ', async () => {
    const dir = join(posts, 'blog', 'reference-links');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'index.md');
    const text = [
      '---',
      'title: "Reference links"',
      'date: 2025-10-01',
      '---',
      '',
      'See the [harbour programme][prog], the [Port Alder][] page and [Tides].',
      '',
      '- [**Ferry times**][] and [the *map*][map].',
      '',
      '[prog]: https://example.org/programme "Programme"',
      '[port alder]: /port-alder/',
      '[tides]: https://example.org/tides',
      '[**ferry times**]: https://example.org/ferry',
      '[map]: <https://example.org/map>',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const page = 'blog/reference-links/index.html';
    const first = build(site, 'refs-before');
    expect(first.get(page)).toContain('href="https://example.org/programme"');
    const split = splitFrontMatter(text);
    const opened = (await engine()).open(text.slice(split.bodyOffset));
    expect(opened.parsed.unsafeReason).toBeNull();
    writeFileSync(file, text.slice(0, split.bodyOffset) + opened.save());
    expect(changedFiles(first, build(site, 'refs-after-save'))).toEqual([]);
    let doc = replaceText(opened.parsed.doc, 'harbour programme', 'harbour schedule');
    doc = replaceText(doc, 'Port Alder', 'Port Alder harbour');
    writeFileSync(file, text.slice(0, split.bodyOffset) + opened.save(doc));
    expect(readFileSync(file, 'utf8')).toBe(text.replace('[harbour programme][prog]', '[harbour schedule][prog]').replace('[Port Alder][]', '[Port Alder harbour][Port Alder]'));
    const after = build(site, 'refs-after-edit');
    const changed = changedFiles(first, after);
    expect(changed).toContain(page);
    for (const name of changed) {
      expect(after.get(name)!.replaceAll('harbour schedule', 'harbour programme').replaceAll('Port Alder harbour', 'Port Alder')).toBe(first.get(name));
    }
  }, 120_000);
});
