// The post list's cache file (list-cache-format.ts): numbers as raw arrays, repeated text once.
// What comes back must be exactly what was saved, and a file that does not add up is not used.
import { describe, expect, it } from 'vitest';
import { endianness } from 'node:os';
import { encodeListCache, openListCache, type CachedPost } from '../../../electron/services/site/list-cache-format';
import type { PostSummary } from '../../../shared/ipc/channels/site';

const DIR = '/sites/harbour/content';

function post(path: string, over: Partial<PostSummary> = {}, mtimeMs = 1_733_000_000_123.5, size = 321): CachedPost {
  const base: PostSummary = { path, title: `Title of ${path}`, date: '2025-06-01', dateMs: 1_748_736_000_000, draft: false, tags: [], section: path.includes('/') ? path.split('/')[0] : '', kind: 'single', frontMatterError: null, garbled: false };
  return { mtimeMs, size, summary: { ...base, ...over } };
}

const posts: CachedPost[] = [
  post('blog/day-one/index.md', { kind: 'leaf-bundle', tags: ['boats', 'rain', 'boats'], draft: true }),
  post('blog/_index.md', { kind: 'branch-bundle', date: null, dateMs: null, title: 'The blog' }),
  post('café/ünï.md', { title: 'Caf\u00c3\u00a9 — 日本', garbled: true, tags: ['日本', 'boats'], section: 'café' }),
  post('broken.md', { frontMatterError: 'The front matter could not be read: bad indentation', date: 'next Tuesday', dateMs: null }),
  post('zero.md', { dateMs: 0, date: '1970-01-01' }, 0, 0),
];

function reopen(bytes: Buffer) {
  const opened = openListCache(bytes, DIR);
  if (!opened) return null;
  const rows: Array<[number, CachedPost]> = [];
  const rest = opened.rows((slot, p) => rows.push([slot, p]));
  return { paths: opened.paths, rows, rest };
}

describe('the post list cache file', () => {
  it('gives back every post as saved, each in its slot, with the folder records', () => {
    const folders = { path: [''], mtimeMs: [1], posts: [[4]], subs: [['blog']] };
    const back = reopen(encodeListCache(DIR, posts, folders))!;
    expect(back.paths).toEqual(posts.map((p) => p.summary.path));
    expect(back.rows).toEqual(posts.map((p, i) => [i, p]));
    expect(back.rest).toEqual({ folders });
  });

  it('leaves out only a row whose values are wrong, and the whole file when its parts do not add up', () => {
    const bytes = encodeListCache(DIR, posts, null);
    const headerEnd = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('latin1', 0, headerEnd)) as { restAt: number };
    const jsonAt = headerEnd + 1 + header.restAt;
    const rest = JSON.parse(bytes.toString('latin1', jsonAt)) as { title: unknown[]; date: unknown[]; tags: unknown[] };
    const ascii = (r: unknown) => JSON.stringify(r).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const withRest = (r: unknown) => Buffer.concat([bytes.subarray(0, jsonAt), Buffer.from(ascii(r), 'latin1')]);

    const damagedTitle = structuredClone(rest);
    damagedTitle.title[2] = 42;
    expect(reopen(withRest(damagedTitle))!.rows.map(([slot]) => slot)).toEqual([0, 1, 3, 4]);

    const oneDateLess = structuredClone(rest);
    oneDateLess.date.pop();
    expect(reopen(withRest(oneDateLess))!.rest).toBeNull();

    const tagNotText = structuredClone(rest);
    tagNotText.tags[0] = { not: 'text' };
    expect(reopen(withRest(tagNotText))!.rest).toBeNull();

    expect(reopen(bytes.subarray(0, jsonAt - 3))).toBeNull(); // cut short
    expect(openListCache(bytes, '/sites/other/content')).toBeNull();
    const otherOrder = Buffer.from(bytes.toString('latin1').replace(`"endian":"${endianness()}"`, `"endian":"${endianness() === 'LE' ? 'BE' : 'LE'}"`), 'latin1');
    expect(openListCache(otherOrder, DIR)).toBeNull();
  });

  it('keeps each section and tag once, however many posts share them', () => {
    const many = Array.from({ length: 2000 }, (_, i) => post(`events-${i % 4}/recap-${i}/index.md`, { kind: 'leaf-bundle', tags: ['recap', 'harbour meetup'] }));
    const bytes = encodeListCache(DIR, many, null);
    expect(bytes.toString('latin1').split('harbour meetup').length - 1).toBe(1);
    expect(reopen(bytes)!.rows.map(([, p]) => p)).toEqual(many);
  });
});
