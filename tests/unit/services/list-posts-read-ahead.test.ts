// The first listing of a large site reads its posts' heads on helper threads
// (parallel-head-read.ts). Here the helpers read every file they are given (helperOnly), on a
// small site of every kind of post, and the list must be the one a single thread makes.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { PostLister } from '../../../electron/services/site/list-posts';
import { openSiteFolder } from '../../../electron/services/site/open-site';
import { HeadReader } from '../../../electron/services/site/parallel-head-read';

let site: TempSite | undefined;
afterEach(() => site?.remove());

const long = (n: number) => 'A long paragraph about the harbour, the boats and the rain. '.repeat(n);

/** Posts of every shape the list reads, and 600 plain ones: several chunks of 128, and more than the 500 files a listing reads before it first looks for a cancel. */
function files(): Record<string, string> {
  const out: Record<string, string> = {
    'content/blog/_index.md': '---\ntitle: Blog\n---\n',
    'content/blog/bundle/index.md': '---\ntitle: "Bundle: day one"\ndate: 2025-05-01\ntags: [a, b]\n---\nBody\n',
    'content/blog/bundle/resource.md': '---\ntitle: not a post\n---\n',
    'content/about.md': '+++\ntitle = "About"\ndate = 2024-01-01\n+++\n',
    'content/news.md': '{\n  "title": "News",\n  "date": "2025-12-21"\n}\nText\n',
    'content/café/ünï.md': '\ufeff---\ntitle: Café\n---\n',
    'content/broken.md': '---\ntitle: [unclosed\n---\n',
    'content/binary.md': `---\ntitle: Bin\n---\n${long(10)}\0`,
    // Front matter past the 16 KB head: the file is read whole, on this thread.
    'content/huge-front-matter.md': `---\ntitle: Huge\nnotes: "${long(400)}"\ndate: 2025-02-02\n---\nBody\n`,
  };
  // Heads of 16 KB each: a chunk's memory holds some 60 of them, the rest are left to this thread.
  for (let i = 0; i < 600; i++) out[`content/events/e${i}.md`] = `---\ntitle: Event ${i}\ndate: 2025-03-${String((i % 28) + 1).padStart(2, '0')}\n---\n${i % 4 === 1 ? long(300) : 'Short.'}\n`;
  return out;
}

describe('PostLister: heads read ahead on helper threads', () => {
  it('lists exactly what one thread lists, every kind of post and long heads included', async () => {
    site = makeTempSite(files());
    const { contentDir } = await openSiteFolder(site.root);
    const oneThread = new PostLister(contentDir, null, {}, { minFiles: Number.MAX_SAFE_INTEGER });
    const expected = await oneThread.list();
    expect(expected.length).toBe(608);
    const ahead = new PostLister(contentDir, null, {}, { minFiles: 1, helperOnly: true, helpers: 2 });
    try {
      expect(await ahead.list()).toEqual(expected);
      expect(ahead.filesRead).toBe(608);
      expect(ahead.headChunksReadAhead).toBe(Math.ceil(608 / 128));
      expect(oneThread.headChunksReadAhead).toBe(0);
      expect(expected.find((p) => p.path === 'binary.md')?.frontMatterError).toMatch(/binary data/);
      expect(expected.find((p) => p.path === 'huge-front-matter.md')).toMatchObject({ title: 'Huge', date: '2025-02-02' });
      // A second listing knows every post: nothing is read, no helper is needed.
      expect(await ahead.list()).toEqual(expected);
      expect(ahead.filesRead).toBe(0);
      expect(ahead.headChunksReadAhead).toBe(Math.ceil(608 / 128));
    } finally {
      ahead.close();
    }
  });

  it('a listing given up half way leaves the helpers free for the next one', async () => {
    site = makeTempSite(files());
    const { contentDir } = await openSiteFolder(site.root);
    const lister = new PostLister(contentDir, null, {}, { minFiles: 1, helperOnly: true });
    try {
      const stop = new AbortController();
      const first = lister.list(stop.signal);
      stop.abort();
      await expect(first).rejects.toThrow();
      const again = await lister.list();
      expect(again.length).toBe(608);
      expect(lister.headChunksReadAhead).toBeGreaterThan(0);
    } finally {
      lister.close();
    }
  });

  it('a file gone before its helper came to it is not listed', async () => {
    site = makeTempSite(files());
    const { contentDir } = await openSiteFolder(site.root);
    const reader = new HeadReader({ minFiles: 1, helperOnly: true });
    try {
      rmSync(join(contentDir, 'events/e7.md'));
      const run = reader.start(`${contentDir}${sep}`, ['events/e6.md', 'events/e7.md', 'about.md'], 16 * 1024)!;
      const [e6, e7, about] = [run.take(0), run.take(1), run.take(2)];
      run.end();
      expect(e7).toBe('gone');
      expect(typeof e6 === 'object' && e6?.bytes.toString()).toMatch(/^---\ntitle: Event 6/);
      expect(typeof about === 'object' && about?.size).toBe(Buffer.byteLength(files()['content/about.md']));
    } finally {
      reader.close();
    }
  });
});
