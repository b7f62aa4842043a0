// Rename, delete and put back save their versions in main, in one call each, deciding from the
// status read BEFORE the file moves (read after it, a watcher may already call the new address
// a new post and skip the version: the race of b2d0d50). Real folders, real git, the real
// post operations and git service behind the same handler table both transports use.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServices } from '../../../electron/services/app-services';
import { frontmatterHandlers } from '../../../electron/handlers/frontmatter';
import { MoveVersions, type MoveGit, type PostMover } from '../../../electron/services/git/move-versions';
import type { HostContext } from '../../../electron/services/context';
import { AUTHOR_KEY } from '../../../electron/services/git/git-service';
import { PostOperations } from '../../../electron/services/archetypes/post-operations';
import { SiteFields } from '../../../electron/services/frontmatter/site-fields';
import { AUTHOR, makeSite, post, service, type TestSite } from './support';

const sites: TestSite[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.remove();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HARBOR = 'blog/harbor/index.md';

function site(files: Record<string, string>, opts?: { init?: boolean }): TestSite {
  const s = makeSite(files, opts);
  sites.push(s);
  return s;
}

async function opened(s: TestSite, author = true): Promise<{ app: AppServices; host: HostContext }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-data-'));
  dirs.push(dataDir);
  const settings = new Map<string, unknown>(author ? [[AUTHOR_KEY, AUTHOR]] : []);
  const host: HostContext = {
    dataDir,
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: { persistent: false, get: async () => null, set: async () => {} },
    desktop: null,
    emit: () => {},
  };
  const app = new AppServices(host);
  await app.openSite(s.root);
  return { app, host };
}

async function handlers(s: TestSite, author = true) {
  return frontmatterHandlers((await opened(s, author)).app);
}

/** The real file operations of the open site, for a MoveVersions with a stand-in git side. */
async function operations(s: TestSite): Promise<PostMover> {
  const { app, host } = await opened(s);
  const info = app.currentSite()!;
  return new PostOperations(info, host, new SiteFields(info));
}

const subjects = (s: TestSite, n: number) => s.git('log', `-${n}`, '--format=%an|%s');

describe('moves saved as versions in main', () => {
  it('a rename is two versions in one call: the post at its new address, gone from the old one', async () => {
    const s = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.'), 'content/blog/harbor/stage.png': 'png' });
    const h = await handlers(s);
    const moved = await h.renamePost({ path: HARBOR, slug: 'harbor-2026' });
    expect(moved).toEqual({ path: 'blog/harbor-2026/index.md', version: { kind: 'saved' } });
    expect(subjects(s, 2)).toBe(`${AUTHOR.name}|Rename ${HARBOR} to blog/harbor-2026/index.md\n`.repeat(2));
    expect(s.git('ls-tree', '-r', '--name-only', 'HEAD', 'content/blog')).toBe('content/blog/harbor-2026/index.md\ncontent/blog/harbor-2026/stage.png\n');
    expect(s.git('status', '--porcelain')).toBe('');
  });

  it('a deletion is a version, and putting the post back is one too', async () => {
    const s = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.') });
    const original = s.read(`content/${HARBOR}`);
    const h = await handlers(s);
    const del = await h.deletePost({ path: HARBOR, title: 'Harbor Talk' });
    expect(del.version).toEqual({ kind: 'saved' });
    expect(subjects(s, 1)).toBe(`${AUTHOR.name}|Delete Harbor Talk\n`);
    expect(s.git('ls-tree', '-r', '--name-only', 'HEAD', 'content/blog')).toBe('');
    const back = await h.undoDelete({ undoToken: del.undoToken });
    expect(back).toEqual({ path: HARBOR, version: { kind: 'saved' } });
    expect(subjects(s, 1)).toBe(`${AUTHOR.name}|Put back Harbor Talk\n`);
    expect(s.read(`content/${HARBOR}`)).toBe(original);
    expect(s.git('status', '--porcelain')).toBe('');
  });

  it('a post never saved in a version moves without one; its put-back is none either', async () => {
    const s = site({ 'content/blog/tide.md': post('Tide', 'Low.') });
    s.write(`content/${HARBOR}`, post('Harbor Talk', 'Waves.'));
    const h = await handlers(s);
    const head = s.git('rev-parse', 'HEAD');
    const moved = await h.renamePost({ path: HARBOR, slug: 'harbor-2026' });
    expect(moved.version).toEqual({ kind: 'none' });
    const del = await h.deletePost({ path: moved.path, title: 'Harbor Talk' });
    expect(del.version).toEqual({ kind: 'none' });
    expect((await h.undoDelete({ undoToken: del.undoToken })).version).toEqual({ kind: 'none' });
    expect(s.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('no versions kept, or no name yet: the move happens and no version is made', async () => {
    const plain = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.') }, { init: false });
    expect((await (await handlers(plain)).deletePost({ path: HARBOR })).version).toEqual({ kind: 'none' });
    expect(existsSync(join(plain.content, 'blog/harbor'))).toBe(false);
    const nameless = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.') });
    const head = nameless.git('rev-parse', 'HEAD');
    expect((await (await handlers(nameless, false)).renamePost({ path: HARBOR, slug: 'h2' })).version).toEqual({ kind: 'none' });
    expect(nameless.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('decides from the status read before the move, even when a status read after it calls the post new', async () => {
    // The race of b2d0d50: once the file has moved, a status (as a file watcher would report
    // it) says the new address is a new post. The service must not look at that one.
    const s = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.') });
    const real = service(s);
    let moved = false;
    const git: MoveGit = {
      status: async (paths) => {
        const st = await real.status(paths);
        return moved ? { ...st, posts: Object.fromEntries(Object.keys(st.posts).map((p) => [p, 'new' as const])) } : st;
      },
      saveVersion: (p, m) => real.saveVersion(p, m),
    };
    const ops = await operations(s);
    const files: PostMover = {
      renamePost: async (p, slug) => {
        const r = await ops.renamePost(p, slug);
        moved = true;
        return r;
      },
      deletePost: (p) => ops.deletePost(p),
      undoDelete: (t) => ops.undoDelete(t),
    };
    const moves = new MoveVersions(async () => files, async () => git);
    expect(await moves.rename(HARBOR, 'harbor-2026')).toEqual({ path: 'blog/harbor-2026/index.md', version: { kind: 'saved' } });
    expect(s.git('ls-tree', '-r', '--name-only', 'HEAD', 'content/blog')).toBe('content/blog/harbor-2026/index.md\n');
  });

  it('a version that cannot be saved is reported in plain words, and the move still happened', async () => {
    const s = site({ [`content/${HARBOR}`]: post('Harbor Talk', 'Waves.') });
    const real = service(s);
    const git: MoveGit = {
      status: (paths) => real.status(paths),
      saveVersion: async () => {
        throw Object.assign(new Error('disk'), { code: 'ENOSPC' });
      },
    };
    const ops = await operations(s);
    const moves = new MoveVersions(async () => ops, async () => git);
    const del = await moves.delete(HARBOR, 'Harbor Talk');
    expect(del.version).toEqual({ kind: 'failed', message: expect.stringMatching(/disk is full/) });
    expect(existsSync(join(s.content, 'blog/harbor'))).toBe(false);
  });
});
