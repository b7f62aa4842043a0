// What a hostile remote (anyone who can push to the shared repository) can send through Sync,
// against the real git http-backend on loopback: links that lead out of the site, names that
// climb out of it, a HEAD that names no branch. Nothing may land outside the site folder.
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
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
const runAsync = promisify(execFile);
const gitNet = (dir: string, ...args: string[]) =>
  runAsync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', ...args], { cwd: dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** Site A (Postwright) synced once with a fresh remote; B is a git command-line clone that pushes. */
async function setup(name: string) {
  const a = makeSite({
    'content/blog/harbor/index.md': post('Harbor Talk', 'The keynote opened with a harbor at dawn.'),
    'content/blog/tide/index.md': post('Tide Tables', 'Low tide at noon.'),
  });
  cleanup.push(() => a.remove());
  const url = server.createRepo(name);
  const git = service(a, makeHost({ token: TOKEN, username: server.user }));
  await git.setRemote(url);
  expect((await git.sync()).state).toBe('synced');
  const bDir = tempDir('postwright-clone-');
  await gitNet(tmpdir(), 'clone', '-q', url.replace('http://', `http://${server.user}:${TOKEN}@`), bDir);
  const b = {
    dir: bDir,
    git: (...args: string[]) => gitIn(bDir, ...args),
    write(rel: string, text: string) {
      mkdirSync(dirname(join(bDir, rel)), { recursive: true });
      writeFileSync(join(bDir, rel), text);
    },
    push: () => gitNet(bDir, 'push', '-q'),
  };
  return { a, b, git, url };
}

/** Commits, in B, HEAD's tree plus one raw entry (mode, type, oid, name) under `content/blog`. */
function commitRawEntry(b: { git: (...a: string[]) => string }, line: string, message: string): void {
  const blogTree = b.git('rev-parse', 'HEAD:content/blog').trim();
  const blog = gitStdin(b, b.git('ls-tree', blogTree) + line + '\n', 'mktree', '--missing');
  const content = gitStdin(b, b.git('ls-tree', 'HEAD:content').replace(/^(040000 tree )\w+(\tblog)$/m, `$1${blog}$2`), 'mktree');
  const root = gitStdin(b, b.git('ls-tree', 'HEAD').replace(/^(040000 tree )\w+(\tcontent)$/m, `$1${content}$2`), 'mktree');
  const commit = b.git('commit-tree', root, '-p', 'HEAD', '-m', message).trim();
  b.git('update-ref', 'refs/heads/main', commit);
}

function gitStdin(b: { git: (...a: string[]) => string } & { dir?: string }, input: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: (b as { dir: string }).dir, input, encoding: 'utf8' }).trim();
}

describe('sync never writes through or creates a link that leads out of the site', () => {
  it('a link pushed as content/blog/x, then replaced by x/file.md: both syncs stay inside the site', async () => {
    const { a, b, git } = await setup('symlink-swap');
    const outside = tempDir('postwright-outside-');
    symlinkSync(outside, join(b.dir, 'content/blog/x'));
    b.git('add', '-A');
    b.git('commit', '-qm', 'Link out');
    await b.push();

    expect((await git.sync()).state).toBe('synced');
    const x = join(a.root, 'content/blog/x');
    // Kept as a regular file holding the link's text, as git does where links are off.
    expect(lstatSync(x).isSymbolicLink()).toBe(false);
    expect(readFileSync(x, 'utf8')).toBe(outside);

    b.git('rm', '-q', 'content/blog/x');
    b.write('content/blog/x/file.md', post('Planted', 'Written through the link.'));
    b.git('add', '-A');
    b.git('commit', '-qm', 'File under the link');
    await b.push();

    expect((await git.sync()).state).toBe('synced');
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(x).isDirectory()).toBe(true);
    expect(a.read('content/blog/x/file.md')).toContain('Written through the link.');
    expect(a.git('status', '--porcelain')).toBe('');
    expect(fsckClean(a.root)).toBe(true);
  });

  it('a folder that is a link on this computer is never written through: the sync is refused by name and nothing changes', async () => {
    const { a, b, git } = await setup('linked-folder');
    const outside = tempDir('postwright-outside-');
    symlinkSync(outside, join(a.root, 'content/blog/gallery'));
    const head = a.git('rev-parse', 'HEAD');
    b.write('content/blog/gallery/index.md', post('Gallery', 'Through a local link.'));
    b.git('add', '-A');
    b.git('commit', '-qm', 'Gallery');
    await b.push();

    const err = await git.sync().catch((e) => e);
    expect(err).toMatchObject({ code: 'git', details: { problem: 'linked-folder', link: 'content/blog/gallery' } });
    expect(err.message).toContain('"content/blog/gallery/index.md"');
    expect(readdirSync(outside)).toEqual([]);
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('a tree entry named ".." is refused by name before anything is written', async () => {
    const { a, b, git } = await setup('dotdot');
    const blob = gitStdin(b, post('Escape', 'Outside the site.'), 'hash-object', '-w', '--stdin');
    const inner = gitStdin(b, `100644 blob ${blob}\tescaped.md\n`, 'mktree');
    commitRawEntry(b, `040000 tree ${inner}\t..`, 'Climb out');
    await b.push();
    const head = a.git('rev-parse', 'HEAD');

    const err = await git.sync().catch((e) => e);
    expect(err).toMatchObject({ code: 'git', details: { problem: 'unsafe-path' } });
    expect(err.message).toContain('".."');
    expect(existsSync(join(a.root, 'content/escaped.md'))).toBe(false);
    expect(a.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('a tree entry named ".git" (any case) never reaches the history folder', async () => {
    const { a, b, git } = await setup('dotgit');
    const blob = gitStdin(b, '#!/bin/sh\necho owned\n', 'hash-object', '-w', '--stdin');
    const hooks = gitStdin(b, `100755 blob ${blob}\tpost-commit\n`, 'mktree');
    const dotgit = gitStdin(b, `040000 tree ${hooks}\thooks\n`, 'mktree');
    // Placed at the top of the repository, where ".GIT" is the site's own history folder on case-insensitive disks.
    const root = gitStdin(b, b.git('ls-tree', 'HEAD') + `040000 tree ${dotgit}\t.GIT\n`, 'mktree');
    b.git('update-ref', 'refs/heads/main', b.git('commit-tree', root, '-p', 'HEAD', '-m', 'Hook').trim());
    await b.push();

    await expect(git.sync()).rejects.toMatchObject({ code: 'git', details: { problem: 'unsafe-path' } });
    expect(existsSync(join(a.root, '.GIT'))).toBe(false);
    expect(existsSync(join(a.root, '.git/hooks/post-commit'))).toBe(false);
  });

  it('"Keep mine" never copies a file from outside the site through a link', async () => {
    const { a, b, git } = await setup('keep-mine-link');
    a.write('content/blog/tide/index.md', post('Tide Tables', 'Mine.'));
    await git.saveVersion('blog/tide/index.md');
    b.write('content/blog/tide/index.md', post('Tide Tables', 'Theirs.'));
    b.git('commit', '-qam', 'Theirs');
    await b.push();
    expect((await git.sync()).state).toBe('conflicts');

    const secret = join(tempDir('postwright-outside-'), 'secret.txt');
    writeFileSync(secret, 'the app secret');
    rmSync(join(a.root, 'content/blog/tide/index.md'));
    symlinkSync(secret, join(a.root, 'content/blog/tide/index.md'));
    await git.resolve('blog/tide/index.md', 'ours');
    const saved = a.git('show', 'HEAD:content/blog/tide/index.md');
    expect(saved).not.toContain('the app secret');
    expect(saved).toBe(secret); // the link's own text, as git stores a link
    expect(readFileSync(secret, 'utf8')).toBe('the app secret');
  });
});

/** A loopback server that records the Authorization header of every request it gets. */
async function listen(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: Array<string | undefined> }> {
  const seen: Array<string | undefined> = [];
  const srv = createServer((req, res) => {
    seen.push(req.headers.authorization);
    handler(req, res);
  });
  await new Promise<void>((resolve) => srv.listen(0, host, resolve));
  cleanup.push(() => {
    srv.closeAllConnections();
    srv.close();
  });
  return { url: `http://${host}:${(srv.address() as AddressInfo).port}`, seen };
}

describe('the git token goes only to the configured remote, over https', () => {
  it('a plain http:// address on another computer is refused when set, with the reason', async () => {
    const a = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    cleanup.push(() => a.remove());
    const git = service(a, makeHost({ token: TOKEN }));
    const err = await git.setRemote('http://git.lanternfish.example/site.git').catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid-request', details: { problem: 'insecure-remote' } });
    expect(err.message).toMatch(/http:\/\/.*unprotected.*https:\/\//s);
    expect(a.git('remote')).toBe('');
    await expect(git.setRemote('https://git.lanternfish.example/site.git')).resolves.toEqual({ url: 'https://git.lanternfish.example/site.git' });
  });

  it('a plain http:// remote set with another tool is refused at Sync before anything is sent', async () => {
    const trap = await listen('127.0.0.2', (_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="trap"' });
      res.end();
    });
    const a = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    cleanup.push(() => a.remove());
    a.git('remote', 'add', 'origin', `${trap.url}/site.git`);
    const git = service(a, makeHost({ token: TOKEN }));
    const err = await git.sync().catch((e) => e);
    expect(err).toMatchObject({ code: 'git', details: { problem: 'insecure-remote' } });
    expect(err.message).toContain('https://');
    expect(trap.seen).toEqual([]);
  });

  it('a remote that redirects to another local server does not get the token sent there', async () => {
    const trap = await listen('127.0.0.1', (_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="trap"' });
      res.end();
    });
    const redirector = await listen('127.0.0.1', (req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
        res.end();
        return;
      }
      res.writeHead(302, { Location: `${trap.url}${req.url}` });
      res.end();
    });
    const a = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    cleanup.push(() => a.remove());
    const git = service(a, makeHost({ token: TOKEN, username: 'writer' }));
    await git.setRemote(`${redirector.url}/site.git`);
    const err = await git.sync().catch((e) => e);
    expect(err).toMatchObject({ code: 'git', details: { problem: 'redirect' } });
    expect(trap.seen).toEqual([]);
    expect(redirector.seen.filter(Boolean)).toHaveLength(1); // the configured remote itself did get it
  });
});

describe('versions from the online copy made by other tools', () => {
  it('a pushed version whose author line is split by a newline syncs, merges and shows in history', async () => {
    const { a, b, git } = await setup('odd-author');
    b.write('content/blog/tide/index.md', post('Tide Tables', 'High tide at six.'));
    b.git('add', '-A');
    const tree = b.git('write-tree').trim();
    const parent = b.git('rev-parse', 'HEAD').trim();
    const odd = gitStdin(b, `tree ${tree}\nparent ${parent}\nauthor a\nb <b@x.example> 1741942800 +0000\ncommitter a\nb <b@x.example> 1741942800 +0000\n\nOdd tide\n`, 'hash-object', '-t', 'commit', '-w', '--literally', '--stdin');
    b.git('update-ref', 'refs/heads/main', odd);
    await b.push();
    a.write('content/blog/harbor/index.md', post('Harbor Talk', 'A lighthouse at dusk.'));
    await git.saveVersion('blog/harbor/index.md');

    const r = await git.sync();
    expect(r).toMatchObject({ state: 'synced', received: 1 });
    expect(a.read('content/blog/tide/index.md')).toContain('High tide at six.');
    expect(a.git('log', '-1', '--format=%P').trim().split(' ')).toEqual([expect.any(String), odd]);
    expect((await git.history('blog/tide/index.md'))[0]).toMatchObject({ id: odd, message: 'Odd tide', author: 'a' });
    expect((await git.status())).toMatchObject({ ahead: 0, behind: 0, unsaved: 0 });
  });
});

describe('a remote whose HEAD names a missing or unborn branch', () => {
  /** A remote holding `main` (made elsewhere) whose HEAD names `headRef`, which does not exist. */
  async function remoteWithHead(name: string, headRef: string) {
    const url = server.createRepo(name);
    const other = makeSite({ 'content/blog/remote/index.md': post('From the remote', 'Made elsewhere.') });
    cleanup.push(() => other.remove());
    execFileSync('git', ['push', '-q', server.repoPath(name), 'HEAD:refs/heads/main'], { cwd: other.root });
    execFileSync('git', ['--git-dir', server.repoPath(name), 'symbolic-ref', 'HEAD', headRef]);
    return { url, other };
  }

  for (const [label, headRef] of [['names a missing branch', 'refs/heads/gone'], ['is unborn (a branch not created yet)', 'refs/heads/trunk']] as const) {
    it(`HEAD ${label}: sync uses the configured branch, leaves no dangling ref, and status keeps working`, async () => {
      const { url, other } = await remoteWithHead(`head-${headRef.split('/').pop()}`, headRef);
      const a = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
      cleanup.push(() => a.remove());
      const git = service(a, makeHost({ token: TOKEN, username: server.user }));
      await git.setRemote(url);

      const r = await git.sync();
      expect(r.state).toBe('synced');
      // Every ref names a commit that is here (for-each-ref fails on a dangling one), and the remote's main came in.
      expect(a.git('for-each-ref', '--format=%(refname) %(objectname)')).toContain(`refs/remotes/origin/main ${a.git('rev-parse', 'HEAD').trim()}`);
      expect(a.git('log', '--format=%H', 'HEAD')).toContain(other.git('rev-parse', 'HEAD').trim());
      expect(a.read('content/blog/remote/index.md')).toContain('Made elsewhere.');
      expect(fsckClean(a.root)).toBe(true);
      const st = await git.status();
      expect([st.ahead, st.behind]).toEqual([0, 0]);
      expect(execFileSync('git', ['--git-dir', server.repoPath(`head-${headRef.split('/').pop()}`), 'rev-parse', 'main'], { encoding: 'utf8' })).toBe(a.git('rev-parse', 'HEAD'));
    });
  }

  it('a tracking ref left naming an absent commit (by an older version or another tool) does not break status', async () => {
    const a = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.') });
    cleanup.push(() => a.remove());
    a.git('remote', 'add', 'origin', 'https://git.lanternfish.example/site.git');
    a.git('update-ref', '--no-deref', 'refs/remotes/origin/main', a.git('rev-parse', 'HEAD').trim());
    // Point it at an object that does not exist, as the interrupted fetch did.
    const { writeFileSync: write } = await import('node:fs');
    write(join(a.root, '.git/refs/remotes/origin/main'), 'ec53892f1c45a6282d8719908c30248404c0b8ca\n');
    const st = await service(a).status();
    expect(st).toMatchObject({ repository: true, ahead: 0, behind: 0, remoteUrl: 'https://git.lanternfish.example/site.git' });
  });
});
