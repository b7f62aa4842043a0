import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, makeHost, service, post, fsckClean, type TestSite } from './support';
import { readSettings, writeSettings } from '../../../electron/services/settings/settings-service';

let sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites) s.remove();
  sites = [];
});
const site = (files: Record<string, string>, opts?: { init?: boolean }) => {
  const s = makeSite(files, opts);
  sites.push(s);
  return s;
};

describe('status and save version', () => {
  it('offers to start a repository and starts one with a first version', async () => {
    const s = site({ 'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.') }, { init: false });
    const git = service(s);
    const before = await git.status();
    expect(before.repository).toBe(false);
    const after = await git.initRepository();
    expect(after.repository).toBe(true);
    expect(after.posts['blog/harbor/index.md']).toBe('saved');
    expect(s.git('log', '--format=%an|%s')).toBe('Mara Quill|Start keeping versions of this site\n');
    expect(s.git('status', '--porcelain')).toBe('');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('reports new, changed and saved posts and the unsaved count', async () => {
    const s = site({
      'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.'),
      'content/blog/tide.md': post('Tide Tables', 'Low tide at noon.'),
      'content/blog/lantern/index.md': post('Lantern Demo', 'Light.'),
    });
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Bigger waves.'));
    s.write('content/blog/fresh/index.md', post('Fresh Post', 'New.'));
    const st = await service(s).status();
    expect(st.posts).toEqual({
      'blog/harbor/index.md': 'changed',
      'blog/tide.md': 'saved',
      'blog/lantern/index.md': 'saved',
      'blog/fresh/index.md': 'new',
    });
    expect(st.unsaved).toBe(2);
    expect(st.branch).toBe('main');
    expect(st.problem).toBeNull();
  });

  it('ignores files .gitignore hides inside a bundle', async () => {
    const s = site({ '.gitignore': '.DS_Store\n', 'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.') });
    s.write('content/blog/harbor/.DS_Store', 'junk');
    expect((await service(s).status()).posts['blog/harbor/index.md']).toBe('saved');
  });

  it('saves one post: only its bundle folder (text and images) goes into the commit', async () => {
    const s = site({
      'content/blog/harbor/index.md': post('Harbor Talk', 'Waves.'),
      'content/blog/harbor/old.png': 'old image',
      'content/blog/lantern/index.md': post('Lantern Demo', 'Light.'),
    });
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Bigger waves.'));
    s.write('content/blog/harbor/stage.png', new Uint8Array([137, 80, 78, 71, 0, 1, 2]));
    unlinkSync(join(s.content, 'blog/harbor/old.png'));
    s.write('content/blog/lantern/index.md', post('Lantern Demo', 'Brighter light.'));
    const git = service(s);
    expect(await git.suggestMessage('blog/harbor/index.md')).toBe('Update Harbor Talk');
    const saved = await git.saveVersion('blog/harbor/index.md');
    expect(saved.message).toBe('Update Harbor Talk');
    expect(saved.version).toMatch(/^[0-9a-f]{40}$/);
    expect(s.git('rev-parse', 'HEAD').trim()).toBe(saved.version);
    expect(s.git('show', '--name-status', '--format=%s', 'HEAD').trim().split('\n').filter(Boolean)).toEqual([
      'Update Harbor Talk',
      'M\tcontent/blog/harbor/index.md',
      'D\tcontent/blog/harbor/old.png',
      'A\tcontent/blog/harbor/stage.png',
    ]);
    // The other post is still an unsaved change, exactly as the git command line sees it.
    expect(s.git('status', '--porcelain')).toBe(' M content/blog/lantern/index.md\n');
    const st = await git.status();
    expect(st.posts['blog/harbor/index.md']).toBe('saved');
    expect(st.posts['blog/lantern/index.md']).toBe('changed');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('uses the writer\'s message and saves nothing when nothing changed', async () => {
    const s = site({ 'content/blog/tide.md': post('Tide Tables', 'Low tide.') });
    const git = service(s);
    expect((await git.saveVersion('blog/tide.md')).version).toBeNull();
    s.write('content/blog/tide.md', post('Tide Tables', 'High tide.'));
    const saved = await git.saveVersion('blog/tide.md', '  Fix the tide time  ');
    expect(saved.message).toBe('Fix the tide time');
    expect(s.git('log', '-1', '--format=%s|%an|%ae').trim()).toBe('Fix the tide time|Mara Quill|mara@lanternfish.example');
    expect(s.git('status', '--porcelain')).toBe('');
  });

  it('save all makes one commit per changed post', async () => {
    const s = site({ 'content/a/index.md': post('Alpha', 'a'), 'content/b.md': post('Beta', 'b'), 'content/c.md': post('Gamma', 'c') });
    s.write('content/a/index.md', post('Alpha', 'a2'));
    s.write('content/b.md', post('Beta', 'b2'));
    s.write('content/d/index.md', post('Delta', 'd'));
    const saved = await service(s).saveAll();
    expect(saved.map((x) => x.message).sort()).toEqual(['Update Alpha', 'Update Beta', 'Update Delta']);
    expect(s.git('rev-list', '--count', 'HEAD').trim()).toBe('4');
    expect(s.git('status', '--porcelain')).toBe('');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('asks for the author once when none is set, and refuses paths outside the site', async () => {
    const s = site({ 'content/a.md': post('Alpha', 'a') });
    s.write('content/a.md', post('Alpha', 'b'));
    const host = makeHost({ author: false });
    const git = service(s, host);
    await expect(git.saveVersion('a.md')).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/name and email/) });
    git.setAuthor({ name: 'Ori Vance', email: 'ori@lanternfish.example' });
    await git.saveVersion('a.md');
    expect(s.git('log', '-1', '--format=%an').trim()).toBe('Ori Vance');
    await expect(git.saveVersion('../hugo.toml')).rejects.toMatchObject({ code: 'outside-site' });
    expect(existsSync(join(s.root, '.git/index.lock'))).toBe(false);
    rmSync(join(s.root, 'content/a.md'));
  });
});

describe('one name and email for the writer', () => {
  it('signs versions with the Settings dialog\'s Author fields, without asking again in History', async () => {
    const s = site({ 'content/a.md': post('Alpha', 'a') });
    s.write('content/a.md', post('Alpha', 'b'));
    const host = makeHost({ author: false });
    const git = service(s, host);
    expect((await git.status()).author).toBeNull();
    writeSettings(host.settings, { authorName: 'Ori Vance', authorEmail: 'ori@lanternfish.example' });
    expect((await git.status()).author).toEqual({ name: 'Ori Vance', email: 'ori@lanternfish.example' });
    await git.saveVersion('a.md');
    expect(s.git('log', '-1', '--format=%an <%ae>').trim()).toBe('Ori Vance <ori@lanternfish.example>');
  });

  it('fills the Settings dialog\'s Author fields from the name and email entered in History, and a later change in Settings wins', async () => {
    const s = site({ 'content/a.md': post('Alpha', 'a') });
    const host = makeHost({ author: false });
    const git = service(s, host);
    git.setAuthor({ name: 'Ori Vance', email: 'ori@lanternfish.example' });
    expect(readSettings(host.settings)).toMatchObject({ authorName: 'Ori Vance', authorEmail: 'ori@lanternfish.example' });
    writeSettings(host.settings, { authorName: 'Ori V. Vance' });
    s.write('content/a.md', post('Alpha', 'c'));
    await git.saveVersion('a.md');
    expect(s.git('log', '-1', '--format=%an').trim()).toBe('Ori V. Vance');
  });

  it('keeps an email Settings would refuse for versions only, and an incomplete Settings author does not hide the stored one', async () => {
    const s = site({ 'content/a.md': post('Alpha', 'a') });
    const host = makeHost({ author: false });
    const git = service(s, host);
    git.setAuthor({ name: 'Ori Vance', email: 'ori@harbour' });
    expect(readSettings(host.settings)).toMatchObject({ authorName: '', authorEmail: '' });
    writeSettings(host.settings, { authorName: 'Someone Else' });
    expect((await git.status()).author).toEqual({ name: 'Ori Vance', email: 'ori@harbour' });
  });
});
