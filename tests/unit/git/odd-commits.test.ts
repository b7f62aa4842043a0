// Versions someone else made with other tools can be odd: an author line split by a newline,
// no email, no date. Status, history and Save version show what they can and keep working;
// and Postwright itself never writes such a version (names and emails with control characters
// are refused, in the contract and again right before any commit).
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { GitAuthor } from '../../../shared/ipc/channels/git';
import { Settings } from '../../../shared/ipc/channels/settings';
import { makeSite, makeHost, service, post, AUTHOR, type TestSite } from './support';
import { writeCommit } from '../../../electron/services/git/commits';
import { findRepo } from '../../../electron/services/git/repo';
import { AUTHOR_KEY } from '../../../electron/services/git/git-service';
import { makeTestApp } from '../reliability/test-app';

let sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites) s.remove();
  sites = [];
});

/** Commits the work tree with a raw, malformed author header, as `git hash-object --literally` allows. */
function oddCommit(s: TestSite, authorLines: string, message: string): string {
  s.git('add', '-A');
  const tree = s.git('write-tree').trim();
  const parent = s.git('rev-parse', 'HEAD').trim();
  const body = `tree ${tree}\nparent ${parent}\nauthor ${authorLines}\ncommitter ${authorLines}\n\n${message}\n`;
  const oid = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: s.root, input: body, encoding: 'utf8' }).trim();
  s.git('update-ref', 'refs/heads/main', oid);
  return oid;
}

describe('odd versions made by other tools', () => {
  it('an author line split by a newline: status, history and Save version keep working', async () => {
    const s = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    sites.push(s);
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Two.'));
    const odd = oddCommit(s, 'a\nb <b@lanternfish.example> 1741942800 +0000', 'Odd author');
    const git = service(s);

    const st = await git.status();
    expect(st.posts['blog/harbor/index.md']).toBe('saved');
    const versions = await git.history('blog/harbor/index.md');
    expect(versions.map((v) => v.message)).toEqual(['Odd author', 'Initial site']);
    expect(versions[0]).toMatchObject({ id: odd, author: 'a' });

    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Three.'));
    const saved = await git.saveVersion('blog/harbor/index.md');
    expect(saved.version).toBe(s.git('rev-parse', 'HEAD').trim());
    expect(s.git('log', '-1', '--format=%P').trim()).toBe(odd);
    expect((await git.history('blog/harbor/index.md')).map((v) => v.message)).toEqual(['Update Harbor Talk', 'Odd author', 'Initial site']);
  });
});

describe('names and emails for versions are one line of plain text', () => {
  const bad = ['a\nb', 'a\r\nb', 'a\u0000b', 'tab\there', 'a\u2028b', 'a\u0085b', 'Mara <x@y.z>'];

  it('the contract refuses control characters and angle brackets in both fields', () => {
    for (const v of bad) {
      expect(GitAuthor.safeParse({ name: v, email: AUTHOR.email }).success, JSON.stringify(v)).toBe(false);
      expect(GitAuthor.safeParse({ name: AUTHOR.name, email: `${v}@x.example` }).success, JSON.stringify(v)).toBe(false);
      expect(Settings.shape.authorName.safeParse(v).success, JSON.stringify(v)).toBe(false);
    }
    expect(GitAuthor.safeParse(AUTHOR).success).toBe(true);
    expect(GitAuthor.safeParse({ name: 'Zoë Ångström-Łukasz 山田', email: 'zoe@example.org' }).success).toBe(true);
  });

  it('setGitAuthor with a newline is refused in plain words and stores nothing', async () => {
    const t = await makeTestApp({ 'content/b.md': post('B', 'x') });
    try {
      const env = await t.dispatch('setGitAuthor', { name: 'a\nb', email: 'b@lanternfish.example' });
      expect(env).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const settings = await t.dispatch('setSettings', { partial: { authorName: 'a\nb' } });
      expect(settings).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(t.app.host.settings.get(AUTHOR_KEY)).toBeUndefined();
    } finally {
      await t.dispose();
    }
  });

  it('no version is written with such a name, even when one reaches the commit code', async () => {
    const s = makeSite({ 'content/b.md': post('B', 'x') });
    sites.push(s);
    const repo = (await findRepo(s.root, s.content))!;
    const head = s.git('rev-parse', 'HEAD');
    const tree = s.git('rev-parse', 'HEAD^{tree}').trim();
    await expect(writeCommit(repo, tree, [head.trim()], { name: 'a\nb', email: 'b@x.example' }, 'Split')).rejects.toMatchObject({
      code: 'invalid-request',
      details: { problem: 'bad-author' },
    });
    // A name stored before this rule (an older settings file) is not used: Postwright asks again.
    const host = makeHost({ author: false });
    host.settings.set(AUTHOR_KEY, { name: 'a\nb', email: 'b@lanternfish.example' });
    s.write('content/b.md', post('B', 'y'));
    await expect(service(s, host).saveVersion('b.md')).rejects.toMatchObject({ details: { problem: 'no-author' } });
    expect(s.git('rev-parse', 'HEAD')).toBe(head);
    expect(s.git('cat-file', '-p', 'HEAD')).not.toContain('a\nb');
  });
});
