import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSite, service, post, fsckClean, type TestSite } from './support';

let sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites) s.remove();
  sites = [];
});

function changedSite(): TestSite {
  const s = makeSite({ 'content/a/index.md': post('Alpha', 'one'), 'content/b.md': post('Beta', 'b') });
  sites.push(s);
  s.write('content/a/index.md', post('Alpha', 'two'));
  return s;
}

describe('errors in plain words, repository never broken', () => {
  it('a locked index', async () => {
    const s = changedSite();
    writeFileSync(join(s.root, '.git/index.lock'), '');
    const head = s.git('rev-parse', 'HEAD');
    const git = service(s);
    await expect(git.saveVersion('a/index.md')).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/index\.lock/) });
    expect((await git.status()).problem?.code).toBe('locked');
    expect(s.git('rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(s.root, '.git/index.lock'))).toBe(true); // not ours to remove
  });

  it('a merge left unfinished by another tool', async () => {
    const s = makeSite({ 'content/b.md': post('Beta', 'base') });
    sites.push(s);
    s.git('checkout', '-qb', 'other');
    s.write('content/b.md', post('Beta', 'other'));
    s.git('commit', '-qam', 'other');
    s.git('checkout', '-q', 'main');
    s.write('content/b.md', post('Beta', 'main'));
    s.git('commit', '-qam', 'main');
    expect(() => s.git('merge', 'other')).toThrow();
    const git = service(s);
    await expect(git.saveVersion('b.md')).rejects.toMatchObject({ message: expect.stringMatching(/merge --abort/) });
    expect((await git.status()).problem?.code).toBe('mid-merge');
    s.git('merge', '--abort');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('a rebase left unfinished by another tool', async () => {
    const s = makeSite({ 'content/b.md': post('Beta', 'base') });
    sites.push(s);
    s.git('checkout', '-qb', 'other');
    s.write('content/b.md', post('Beta', 'other'));
    s.git('commit', '-qam', 'other');
    s.git('checkout', '-q', 'main');
    s.write('content/b.md', post('Beta', 'main'));
    s.git('commit', '-qam', 'main');
    expect(() => s.git('rebase', 'other')).toThrow();
    const git = service(s);
    await expect(git.saveVersion('b.md')).rejects.toMatchObject({ message: expect.stringMatching(/rebase --abort/) });
    expect((await git.status()).problem?.code).toBe('mid-rebase');
    s.git('rebase', '--abort');
    expect(fsckClean(s.root)).toBe(true);
  });

  it('a detached HEAD', async () => {
    const s = changedSite();
    s.git('checkout', '-q', '--detach');
    const git = service(s);
    await expect(git.saveVersion('a/index.md')).rejects.toMatchObject({ message: expect.stringMatching(/detached HEAD/) });
    expect((await git.status()).problem?.code).toBe('detached');
    expect(fsckClean(s.root)).toBe(true);
  });
});
