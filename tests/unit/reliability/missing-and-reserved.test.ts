// A post that does not exist, and names Windows cannot hold, through the real handler table:
// every call about a missing post answers `not-found` in plain words (never "internal" with a
// stack in the log) and creates nothing; sections, slugs and image names Windows keeps for
// devices (con, prn, aux, nul, com1–9, lpt1–9, any case, any extension) or ending in a dot or a
// space are refused or made safe, on every system.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from './test-app';
import { snapshot, changes } from './snapshot';
import { isWindowsReservedName, unportableReason, portableStem } from '../../../shared/paths/portable-name';
import { slugify } from '../../../shared/frontmatter/slug';
import { sanitizeImageName } from '../../../shared/images/file-names';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const RESERVED = ['con', 'PRN', 'Aux', 'nul', 'com1', 'COM9', 'lpt1', 'Lpt9'];

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ 'content/blog/a/index.md': '---\ntitle: A\n---\nHi\n', 'content/b.md': '---\ntitle: B\n---\nHo\n' });
});
afterAll(() => t.dispose());

function expectPlain(message: string): void {
  expect(message.length).toBeGreaterThan(5);
  expect(message).not.toMatch(/\n\s+at |ENOENT|ERR_|TypeError|undefined/);
}

describe('Windows-reserved names', () => {
  it('knows them with any case and any extension, and trailing dots and spaces', () => {
    for (const n of [...RESERVED, 'con.md', 'NUL.tar.gz', 'aux.png', 'com1.', 'lpt3 ', 'Con .txt']) expect(isWindowsReservedName(n), n).toBe(true);
    for (const n of ['console', 'conference', 'com10', 'lpt', 'nully.png', 'blog', 'com-1']) expect(isWindowsReservedName(n), n).toBe(false);
    expect(unportableReason('blog.')).toMatch(/ends with a dot or a space/);
    expect(unportableReason('blog ')).toMatch(/ends with a dot or a space/);
    expect(unportableReason('CON.md')).toMatch(/Windows keeps/);
    expect(unportableReason('blog')).toBeNull();
    expect(portableStem('nul')).toBe('nul-1');
  });

  it('makes slugs and image names safe', () => {
    for (const n of RESERVED) {
      expect(isWindowsReservedName(slugify(n)), n).toBe(false);
      expect(isWindowsReservedName(sanitizeImageName(`${n}.png`, 'png')), n).toBe(false);
      expect(isWindowsReservedName(sanitizeImageName(`${n}.tar.png`, 'png')), n).toBe(false);
    }
    expect(slugify('Con')).toBe('con-post');
    expect(sanitizeImageName('con.png', 'png')).toBe('con-image.png');
    expect(sanitizeImageName('CON.JPG', 'jpg')).toBe('con-image.jpg');
  });

  it('refuses a section Windows cannot hold and creates nothing', async () => {
    const before = snapshot(t.site.root);
    for (const section of ['CON.md', 'con', 'nul.blog', 'Com1', 'lpt9.x', 'blog.', 'aux', 'b.md']) {
      const env = await t.dispatch('newPost', { title: 'Hello', section });
      expect(env.ok, section).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('invalid-request');
        expectPlain(env.error.message);
      }
    }
    expect(changes(before, snapshot(t.site.root))).toEqual([]);
    expect(readdirSync(join(t.site.root, 'content')).sort()).toEqual(['b.md', 'blog']);
  });

  it('gives a new post titled with a reserved word a safe folder', async () => {
    const env = await t.dispatch('newPost', { title: 'Con', section: 'blog' });
    expect(env).toMatchObject({ ok: true, value: { path: 'blog/con-post/index.md' } });
    const renamed = await t.dispatch('renamePost', { path: 'blog/con-post/index.md', slug: 'LPT1' });
    expect(renamed).toMatchObject({ ok: true, value: { path: 'blog/lpt1-post/index.md' } });
  });

  it('imports con.png under a safe name', async () => {
    const env = await t.dispatch('importImages', { postPath: 'blog/a/index.md', files: [{ name: 'con.png', dataBase64: PNG.toString('base64') }, { name: 'AUX.PNG', dataBase64: PNG.toString('base64') }] });
    expect(env.ok).toBe(true);
    for (const f of readdirSync(join(t.site.root, 'content/blog/a'))) expect(isWindowsReservedName(f), f).toBe(false);
  });
});

describe('a post that does not exist', () => {
  const MISSING = ['blog/lpt1/index.md', 'blog/nowhere/index.md', 'gone.md'];

  it('answers not-found in plain words on every channel about one post, and creates nothing', async () => {
    const before = snapshot(t.site.root);
    const errorsBefore = t.internalErrors.length;
    for (const path of MISSING) {
      const calls: Array<[string, unknown]> = [
        ['readPost', { path }],
        ['savePost', { path, raw: 'x', bom: false, expectedHash: 'abc' }],
        ['checkPost', { path }],
        ['checkPost', { path, raw: '---\ntitle: X\n---\n' }],
        ['duplicatePost', { path }],
        ['renamePost', { path, slug: 'elsewhere' }],
        ['deletePost', { path }],
        ['listGallery', { postPath: path }],
        ['importImages', { postPath: path, files: [{ name: 'con.png', dataBase64: PNG.toString('base64') }] }],
        ['renameImage', { postPath: path, sitePath: 'content/blog/a/x.png', newName: 'y' }],
      ];
      for (const [ch, req] of calls) {
        const env = await t.dispatch(ch, req);
        expect(env.ok, `${ch} ${path}`).toBe(false);
        if (env.ok) continue;
        // savePost keeps its own code: the editor offers to save the writer's text again.
        expect(env.error.code, `${ch} ${path}: ${env.error.message}`).toBe(ch === 'savePost' ? 'changed-on-disk' : 'not-found');
        expectPlain(env.error.message);
      }
    }
    expect(t.internalErrors.slice(errorsBefore)).toEqual([]);
    expect(changes(before, snapshot(t.site.root))).toEqual([]);
    expect(existsSync(join(t.site.root, 'content/blog/lpt1'))).toBe(false);
    expect(existsSync(join(t.site.root, 'static/images/gone'))).toBe(false);
  });
});
