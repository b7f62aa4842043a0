import { afterAll, beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { startGitHttpServer, type GitHttpServer } from './http-server';
import { makeSite, makeHost, service, post, fsckClean, gitIn } from './support';

let server: GitHttpServer;
beforeAll(async () => {
  server = await startGitHttpServer();
});
afterAll(async () => {
  await server.close();
});
const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const TOKEN = 'lanternfish-token';

/** A loopback port nothing listens on: opened by us, then closed. */
async function closedPort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
// Commands that talk to the in-process server must not block the event loop that serves them.
const runAsync = promisify(execFile);
const gitNet = (dir: string, ...args: string[]) =>
  runAsync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', ...args], { cwd: dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
const PARAGRAPH = 'The keynote opened with a harbor at dawn.';

/** Site A (Postwright) connected to a fresh remote, pushed once; B is a git CLI clone. */
async function setup(name: string) {
  const a = makeSite({
    'content/blog/harbor/index.md': post('Harbor Talk', `${PARAGRAPH}\n\nSecond paragraph stays.`),
    'content/blog/tide/index.md': post('Tide Tables', 'Low tide at noon.'),
  });
  cleanup.push(() => a.remove());
  const url = server.createRepo(name);
  const host = makeHost({ token: TOKEN, username: server.user });
  const git = service(a, host);
  await git.setRemote(url);
  const first = await git.sync();
  expect(first.state).toBe('synced');
  const bDir = mkdtempSync(join(tmpdir(), 'postwright-clone-'));
  cleanup.push(() => rmSync(bDir, { recursive: true, force: true }));
  const authed = url.replace('http://', `http://${server.user}:${TOKEN}@`);
  await gitNet(tmpdir(), 'clone', '-q', authed, bDir);
  const b = {
    dir: bDir,
    git: (...args: string[]) => gitIn(bDir, ...args),
    write: (rel: string, text: string) => writeFileSync(join(bDir, rel), text),
    push: () => gitNet(bDir, 'push', '-q'),
    pull: () => gitNet(bDir, 'pull', '-q', '--no-rebase'),
  };
  return { a, b, git, host, url };
}

describe('sync with a real git server on loopback', () => {
  it('pushes to an empty remote, then receives a colleague\'s version (fast-forward)', async () => {
    const { a, b, git, host } = await setup('ff');
    expect(execFileSync('git', ['--git-dir', server.repoPath('ff'), 'log', '--format=%s', 'main'], { encoding: 'utf8' })).toBe('Initial site\n');
    b.write('content/blog/tide/index.md', post('Tide Tables', 'High tide at six.'));
    b.git('commit', '-qam', 'Tide update');
    await b.push();
    const st = await git.status();
    expect(st.behind).toBe(0); // not fetched yet
    const r = await git.sync();
    expect(r).toMatchObject({ state: 'synced', received: 1, sent: 0 });
    expect(a.read('content/blog/tide/index.md')).toContain('High tide at six.');
    expect(a.git('status', '--porcelain')).toBe('');
    expect(a.git('log', '-1', '--format=%s').trim()).toBe('Tide update');
    expect(host.events.some((e) => e.event === 'progress' && (e.payload as { task: string }).task === 'sync')).toBe(true);
    expect(fsckClean(a.root)).toBe(true);
  });

  it('merges diverged histories without conflicts and keeps a backup ref', async () => {
    const { a, b, git, url } = await setup('diverged');
    a.write('content/blog/harbor/index.md', post('Harbor Talk', `${PARAGRAPH}\n\nSecond paragraph stays.\n\nA third from Mara.`));
    await git.saveVersion('blog/harbor/index.md');
    const before = a.git('rev-parse', 'HEAD').trim();
    b.write('content/blog/tide/index.md', post('Tide Tables', 'High tide at six.'));
    b.git('commit', '-qam', 'Tide update');
    await b.push();
    expect((await git.status()).ahead).toBe(1);
    const r = await git.sync();
    expect(r.state).toBe('synced');
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(a.read('content/blog/tide/index.md')).toContain('High tide at six.');
    expect(a.read('content/blog/harbor/index.md')).toContain('A third from Mara.');
    expect(a.git('rev-parse', r.backupRef!).trim()).toBe(before);
    expect(a.git('log', '-1', '--format=%p').trim().split(' ')).toHaveLength(2);
    expect(execFileSync('git', ['--git-dir', server.repoPath('diverged'), 'rev-parse', 'main'], { encoding: 'utf8' })).toBe(a.git('rev-parse', 'HEAD'));
    expect(a.git('status', '--porcelain')).toBe('');
    expect(fsckClean(a.root)).toBe(true);
    const st = await git.status();
    expect([st.ahead, st.behind, st.unsaved]).toEqual([0, 0, 0]);
    expect(url).toContain('127.0.0.1');
  });

  it('a conflict keeps both texts until the writer chooses, then commits and pushes the merge', async () => {
    const { a, b, git } = await setup('conflict');
    a.write('content/blog/harbor/index.md', post('Harbor Talk', 'The keynote opened with a lighthouse at dusk.\n\nSecond paragraph stays.'));
    await git.saveVersion('blog/harbor/index.md');
    const mine = a.read('content/blog/harbor/index.md');
    b.write('content/blog/harbor/index.md', post('Harbor Talk', 'The keynote opened with a storm at noon.\n\nSecond paragraph stays.'));
    b.git('commit', '-qam', 'Storm version');
    await b.push();

    const r = await git.sync();
    expect(r).toMatchObject({ state: 'conflicts', conflicts: 1 });
    expect(a.read('content/blog/harbor/index.md')).toBe(mine); // nothing on disk changed
    expect(a.git('status', '--porcelain')).toBe('');
    expect(fsckClean(a.root)).toBe(true);
    const [c] = await git.conflicts();
    expect(c).toMatchObject({ path: 'blog/harbor/index.md', post: 'blog/harbor/index.md', binary: false, resolved: false });
    expect(c.ours).toContain('lighthouse at dusk');
    expect(c.theirs).toContain('storm at noon');
    expect(c.base).toContain('harbor at dawn');
    expect((await git.status()).conflicts).toBe(1);
    await expect(git.saveVersion('blog/harbor/index.md')).rejects.toMatchObject({ code: 'conflict' });

    const merged = post('Harbor Talk', 'The keynote opened with a lighthouse in a storm.\n\nSecond paragraph stays.');
    const res = await git.resolve('blog/harbor/index.md', 'merged', merged);
    expect(res.remaining).toBe(0);
    expect(a.read('content/blog/harbor/index.md')).toBe(merged);
    expect(a.git('log', '-1', '--format=%p').trim().split(' ')).toHaveLength(2);
    expect(a.git('status', '--porcelain')).toBe('');
    const pushed = await git.sync();
    expect(pushed.state).toBe('synced');
    await b.pull();
    expect(readFileSync(join(b.dir, 'content/blog/harbor/index.md'), 'utf8')).toBe(merged);
    expect(fsckClean(a.root)).toBe(true);
    expect(fsckClean(b.dir)).toBe(true);
  });

  it('"Take theirs" writes their text; cancel leaves the files alone', async () => {
    const { a, b, git } = await setup('theirs');
    a.write('content/blog/tide/index.md', post('Tide Tables', 'Mine.'));
    await git.saveVersion('blog/tide/index.md');
    b.write('content/blog/tide/index.md', post('Tide Tables', 'Theirs.'));
    b.git('commit', '-qam', 'Theirs');
    await b.push();
    expect((await git.sync()).state).toBe('conflicts');
    expect(await git.cancelMerge()).toBe(true);
    expect(a.read('content/blog/tide/index.md')).toContain('Mine.');
    expect((await git.sync()).state).toBe('conflicts');
    await git.resolve('blog/tide/index.md', 'theirs');
    expect(a.read('content/blog/tide/index.md')).toContain('Theirs.');
    expect((await git.sync()).state).toBe('synced');
  });

  it('refuses to bring versions over unsaved edits, and changes nothing', async () => {
    const { a, b, git } = await setup('unsaved');
    b.write('content/blog/tide/index.md', post('Tide Tables', 'Theirs.'));
    b.git('commit', '-qam', 'Theirs');
    await b.push();
    a.write('content/blog/tide/index.md', post('Tide Tables', 'Unsaved mine.'));
    const head = a.git('rev-parse', 'HEAD');
    await expect(git.sync()).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Save a version of "blog\/tide\/index.md"/) });
    expect(a.read('content/blog/tide/index.md')).toContain('Unsaved mine.');
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('wrong or missing token: plain auth errors', async () => {
    const { a, url } = await setup('auth');
    const wrong = service(a, makeHost({ token: 'not-the-token', username: server.user }));
    await expect(wrong.sync()).rejects.toMatchObject({ code: 'auth', message: expect.stringMatching(/^The token was refused: .*refused the access token/) });
    expect((await wrong.status()).sync).toMatchObject({ state: 'error', nextRetryAt: null });
    const none = service(a, makeHost());
    await expect(none.sync()).rejects.toMatchObject({ code: 'auth', message: expect.stringMatching(/needs a personal access token/) });
    expect(url).toBeTruthy();
    expect(fsckClean(a.root)).toBe(true);
  });

  it('a repository the server does not have: "No such repository", not retried', async () => {
    const a = makeSite({ 'content/a.md': post('Alpha', 'a') });
    cleanup.push(() => a.remove());
    const git = service(a, makeHost({ token: TOKEN, username: server.user }), [150]);
    cleanup.push(() => git.shutdown());
    await git.setRemote(`${server.url}/no-such-site.git`); // the real server, right token, no such repository
    const head = a.git('rev-parse', 'HEAD');
    await expect(git.sync()).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^No such repository: .*no-such-site\.git/) });
    expect((await git.status()).sync).toMatchObject({ state: 'error', nextRetryAt: null });
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('an address where nothing listens: "That address does not answer", not "offline", not retried', async () => {
    const a = makeSite({ 'content/a.md': post('Alpha', 'a') });
    cleanup.push(() => a.remove());
    const git = service(a, makeHost({ token: TOKEN, username: server.user }), [150]);
    cleanup.push(() => git.shutdown());
    // A port that was just open and is now closed: the machine answers "nothing listens here".
    const closed = await closedPort();
    await git.setRemote(`http://127.0.0.1:${closed}/site.git`);
    const head = a.git('rev-parse', 'HEAD');
    await expect(git.sync()).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/^That address does not answer: nothing at 127\.0\.0\.1:\d+/) });
    const st = await git.status();
    expect(st.sync).toMatchObject({ state: 'error', nextRetryAt: null });
    expect(st.sync.message).not.toMatch(/No connection|when online/);
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('a push the server refuses: plain message, local versions kept', async () => {
    const { a, git } = await setup('hook');
    const hook = join(server.repoPath('hook'), 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "Lanternfish policy: no pushes today" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    a.write('content/blog/tide/index.md', post('Tide Tables', 'Mine.'));
    await git.saveVersion('blog/tide/index.md');
    const head = a.git('rev-parse', 'HEAD');
    await expect(git.sync()).rejects.toMatchObject({ message: expect.stringMatching(/refused your versions/) });
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
    expect(fsckClean(a.root)).toBe(true);
  });

  it('offline (no server name can be looked up): "No connection", nothing changed, retried later', async () => {
    const a = makeSite({ 'content/a.md': post('Alpha', 'a') });
    cleanup.push(() => a.remove());
    const git = service(a, makeHost({ token: TOKEN, username: server.user }), [150]);
    cleanup.push(() => git.shutdown());
    // What being offline looks like to the app, without needing a network: the server's name
    // cannot be looked up (.invalid never resolves, RFC 2606).
    await git.setRemote('https://postwright-offline.invalid/nowhere.git');
    const head = a.git('rev-parse', 'HEAD');
    const r = await git.sync();
    expect(r.state).toBe('offline');
    expect(r.message).toMatch(/^No connection\. Postwright will sync by itself when you are online/);
    expect(r.message).toMatch(/check the sync address: postwright-offline\.invalid was not found/);
    const st = await git.status();
    expect(st.sync.state).toBe('offline');
    expect(st.sync.nextRetryAt).toBeGreaterThan(Date.now() - 1000);
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
    // "Back online": point at the real server; the scheduled retry syncs by itself.
    await git.setRemote(server.createRepo('later'));
    // The retry is due 150 ms after the failure: wait for the status it leaves, not for a time.
    await vi.waitFor(async () => expect((await git.status()).sync.state).toBe('synced'), { timeout: 10_000, interval: 50 });
    expect(execFileSync('git', ['--git-dir', server.repoPath('later'), 'rev-parse', 'main'], { encoding: 'utf8' })).toBe(head);
  });

  it('no remote: says what to do', async () => {
    const a = makeSite({ 'content/a.md': post('Alpha', 'a') });
    cleanup.push(() => a.remove());
    await expect(service(a).sync()).rejects.toMatchObject({ code: 'git', message: expect.stringMatching(/not connected to an online copy/) });
    expect(existsSync(join(a.root, '.git/index.lock'))).toBe(false);
  });
});
