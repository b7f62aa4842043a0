// `postwright check <site> [--json]`: per-post problems, exit 1 on any error.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { run } from '../../../electron/cli/commands/check';
import { main } from '../../../electron/cli/main';

const GOOD =
  '---\ntitle: "Driftwood Summit day one"\ndescription: "Keynotes, workshops and a very busy Lanternfish Labs booth at the summit."\ndate: 2025-10-02\ntags: [recap]\n---\n\nAll good.\n';

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  try {
    return { code: await fn(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('postwright check', () => {
  let site: TempSite | null = null;
  afterEach(() => site?.remove());

  it('exits 0 when there are only warnings, and says so', async () => {
    site = makeTempSite({ 'content/blog/a.md': GOOD, 'content/blog/b.md': GOOD.replace('tags: [recap]\n', '') });
    const r = await capture(() => run([site!.root]));
    expect(r.code).toBe(0);
    expect(r.out).toContain('blog/b.md');
    expect(r.out).toMatch(/warning\s+The post has no tags/);
    expect(r.out).not.toContain('blog/a.md');
    expect(r.out).toContain('2 posts checked: 0 errors, 1 warning.');
  });

  it('exits 1 on errors, including garbled characters, with lines', async () => {
    site = makeTempSite({ 'content/blog/a.md': GOOD.replace('All good.', 'We‚Äôre back.\n\n![](missing.png)') });
    const before = readFileSync(join(site.root, 'content/blog/a.md'));
    const r = await capture(() => run([site!.root]));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+line 8: 1 garbled character/);
    expect(r.out).toMatch(/error\s+line 10: The image "missing.png" cannot be found/);
    // Checking never changes a file.
    expect(readFileSync(join(site.root, 'content/blog/a.md'))).toEqual(before);
  });

  it('--json gives the same findings as data', async () => {
    site = makeTempSite({ 'content/blog/a.md': GOOD.replace('title: "Driftwood Summit day one"\n', '') });
    const r = await capture(() => run([site!.root, '--json']));
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out);
    expect(data).toMatchObject({ checked: 1, errors: 1, warnings: 0, posts: [{ path: 'blog/a.md', problems: [{ rule: 'title', severity: 'error' }] }] });
  });

  it('is dispatched by the CLI and explains bad input', async () => {
    const r = await capture(() => main(['check', '/nonexistent/site-folder']));
    expect(r.code).toBe(1);
    expect(r.err).toContain('could not be found');
    expect((await capture(() => run([]))).code).toBe(2);
  });
});
