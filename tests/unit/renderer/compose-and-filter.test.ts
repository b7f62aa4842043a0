import { describe, expect, it } from 'vitest';
import { composePost, splitPost } from '../../../renderer/app/compose-raw';
import { filterPosts } from '../../../renderer/app/filter-posts';
import { countWords } from '../../../renderer/app/word-count';
import type { PostSummary } from '../../../shared/ipc/channels/site';

describe('splitPost / composePost', () => {
  const samples = [
    '---\ntitle: a\n---\nBody\n',
    '\n\n---  \r\ntitle: a\r\n---\r\n\r\nBody',
    '+++\ntitle = "a"\n+++\n',
    '{\n  "title": "a"\n}\nBody\n',
    'No front matter at all\n',
    '---\ntitle: unclosed\n',
    '',
  ];
  it.each(samples)('puts %j back together unchanged', (raw) => {
    expect(composePost(splitPost(raw))).toBe(raw);
  });
  it('replaces only the part asked for', () => {
    const parts = splitPost('---\ntitle: a\n---\nBody\n');
    expect(composePost({ ...parts, frontMatter: 'title: b\n' })).toBe('---\ntitle: b\n---\nBody\n');
    expect(composePost({ ...parts, body: 'New\n' })).toBe('---\ntitle: a\n---\nNew\n');
  });
});

describe('filterPosts', () => {
  const post = (title: string, tags: string[]): PostSummary => ({
    path: `blog/${title}/index.md`, title, date: null, dateMs: null, draft: false, tags, section: 'blog', kind: 'leaf-bundle', frontMatterError: null,
  });
  const posts = [post('Keynote at Driftwood Summit', ['talks']), post('Café hours', ['venue']), post('Badges', ['logistics', 'summit'])];
  it('matches part of a title or a tag, ignoring case and accents', () => {
    expect(filterPosts(posts, 'cafe').map((p) => p.title)).toEqual(['Café hours']);
    expect(filterPosts(posts, 'SUMMIT').map((p) => p.title)).toEqual(['Keynote at Driftwood Summit', 'Badges']);
    expect(filterPosts(posts, 'summit keynote').map((p) => p.title)).toEqual(['Keynote at Driftwood Summit']);
    expect(filterPosts(posts, '  ')).toHaveLength(3);
  });
});

describe('countWords', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Hello, Driftwood — summit 2024!')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});
