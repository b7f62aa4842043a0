// The post-file rules (which names are posts, leaf bundles, sections) live in one shared module:
// listing, search, git and the post operations read the same rules, so they never disagree
// about a file. Checks the rules and that no other source file defines its own copy.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_RE, LEAF_PATH_RE, LEAF_RE, LEAF_TEXT_NAMES, MD_RE, isBundleText, isLeafBundleText, isMarkdownFile, isSectionText, markdownExt, pageSlug, withoutMarkdownExt } from '../../../shared/post/post-files';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('post-file rules', () => {
  it('tells posts, leaf bundles and sections apart by name', () => {
    expect(['a.md', 'B.MARKDOWN', 'index.fr.md'].every((n) => MD_RE.test(n))).toBe(true);
    expect(MD_RE.test('a.mdx')).toBe(false);
    expect(['index.md', 'index.pt-br.md', 'INDEX.markdown'].every((n) => LEAF_RE.test(n))).toBe(true);
    expect(LEAF_RE.test('_index.md')).toBe(false);
    expect(LEAF_RE.test('reindex.md')).toBe(false);
    expect(BRANCH_RE.test('_index.de.md')).toBe(true);
    expect(BRANCH_RE.test('index.md')).toBe(false);
    expect(LEAF_PATH_RE.test('posts/recap/index.md')).toBe(true);
    expect(LEAF_PATH_RE.test('posts/recap/_index.md')).toBe(false);
  });

  it("name a page by its bundle's folder or its file name (what a rename changes)", () => {
    expect(pageSlug('blog/recap/index.md')).toBe('recap');
    expect(pageSlug('blog/recap/index.fr.md')).toBe('recap');
    expect(pageSlug('blog/_index.md')).toBe('blog');
    expect(pageSlug('blog/recap.markdown')).toBe('recap');
    expect(pageSlug('index.md')).toBe('index');
  });

  it('name the parts of a file name a rename or a copy keeps', () => {
    expect(markdownExt('recap.md')).toBe('.md');
    expect(markdownExt('Recap.MARKDOWN')).toBe('.MARKDOWN');
    expect(markdownExt('recap.fr.md')).toBe('.md');
    expect(markdownExt('photo.jpg')).toBe('');
    expect(withoutMarkdownExt('recap.markdown')).toBe('recap');
    expect(withoutMarkdownExt('notes.txt')).toBe('notes.txt');
    expect(isMarkdownFile('blog/a.md')).toBe(true);
    expect(isMarkdownFile('blog/a.mdx')).toBe(false);
    expect(isLeafBundleText('index.fr.md') && !isLeafBundleText('_index.md')).toBe(true);
    expect(isSectionText('_index.md') && !isSectionText('index.md')).toBe(true);
    expect(isBundleText('_index.md') && isBundleText('index.md') && !isBundleText('recap.md')).toBe(true);
    // What git and search look for on disk to learn that a folder is a post.
    expect(LEAF_TEXT_NAMES.every((n) => LEAF_RE.test(n))).toBe(true);
  });

  it('are used, not re-written inline, in the app, the window and the engine', () => {
    // Regex literals that test a post's name: `\.(md|markdown)$`, `^_?index\.`, `^_index\.`,
    // `\.md$`. (shared/links and shared/checks keep their own: they also read .html pages and
    // language suffixes in links.)
    const INLINE = /\\\.\((md\|markdown)\)|\^_\??index\\\.|\/\\\.md\$\//;
    const copies = ['electron', 'renderer', 'engine']
      .flatMap(sources)
      .filter((f) => INLINE.test(readFileSync(f, 'utf8')));
    expect(copies.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });

  it('are defined once: no other source file keeps its own copy', () => {
    const copies = ['electron', 'shared', 'renderer']
      .flatMap(sources)
      .filter((f) => !f.endsWith(join('shared', 'post', 'post-files.ts')))
      .filter((f) => /\bconst (MD|LEAF|BRANCH|LEAF_PATH)_RE\s*=|^const MARKDOWN = /m.test(readFileSync(f, 'utf8')));
    expect(copies.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});
