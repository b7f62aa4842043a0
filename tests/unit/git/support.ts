// Shared helpers for the git tests: a temp Hugo site, an in-memory host (settings, secrets,
// events) and the system git used as an oracle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import { IsoGitService, AUTHOR_KEY, TOKEN_KEY, USERNAME_KEY } from '../../../electron/services/git/git-service';

export const AUTHOR = { name: 'Mara Quill', email: 'mara@lanternfish.example' };

export function post(title: string, body: string, extra = ''): string {
  return `---\ntitle: "${title}"\ndate: 2025-03-14T09:00:00\n${extra}tags:\n  - driftwood\n---\n\n${body}\n`;
}

export interface TestSite {
  root: string;
  content: string;
  write(rel: string, text: string | Uint8Array): void;
  read(rel: string): string;
  git(...args: string[]): string;
  remove(): void;
}

export function makeSite(files: Record<string, string>, opts: { init?: boolean } = {}): TestSite {
  const root = mkdtempSync(join(tmpdir(), 'postwright-git-'));
  const site: TestSite = {
    root,
    content: join(root, 'content'),
    write(rel, text) {
      const abs = join(root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    },
    read: (rel) => readFileSync(join(root, rel), 'utf8'),
    git: (...args) => gitIn(root, ...args),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  site.write('hugo.toml', 'title = "Driftwood Summit Notes"\nbaseURL = "/"\n');
  for (const [rel, text] of Object.entries(files)) site.write(rel, text);
  if (opts.init !== false) {
    site.git('init', '-q', '-b', 'main');
    site.git('add', '.');
    site.git('commit', '-qm', 'Initial site');
  }
  return site;
}

/**
 * The posts of a git status test: `bundles` bundles (text and two images) in blog/, `plain`
 * plain posts in notes/, and a bundle with a gallery subfolder.
 */
export function bundleSiteFiles(bundles: number, plain: number): Record<string, string> {
  const files: Record<string, string> = { 'content/blog/_index.md': post('Blog', 'All posts.') };
  for (let i = 0; i < bundles; i++) {
    files[`content/blog/p${i}/index.md`] = post(`Post ${i}`, `Body ${i}.`);
    files[`content/blog/p${i}/stage.jpg`] = `stage ${i}`;
    files[`content/blog/p${i}/crowd.jpg`] = `crowd ${i}`;
  }
  for (let i = 0; i < plain; i++) files[`content/notes/n${i}.md`] = post(`Note ${i}`, `Short ${i}.`);
  files['content/blog/deep/index.md'] = post('Deep', 'With a gallery folder.');
  files['content/blog/deep/gallery/one.jpg'] = 'one';
  return files;
}

/**
 * makeSite, then every file and folder under content/ dated a minute back: out of the racy
 * window, so the status scanner keeps their listings and stat data as it does on a real site.
 */
export function makeAgedSite(files: Record<string, string>): TestSite {
  const s = makeSite(files);
  const t = new Date(Date.now() - 60_000);
  const folders = new Set<string>();
  for (const rel of Object.keys(files)) {
    utimesSync(join(s.root, rel), t, t);
    for (let d = dirname(rel); d !== '.' && d !== 'content'; d = dirname(d)) folders.add(d);
  }
  for (const d of folders) utimesSync(join(s.root, d), t, t);
  utimesSync(s.content, t, t);
  return s;
}

/**
 * Every kind of change a status must see in a bundleSiteFiles site (at least 9 bundles): a
 * same-size edit whose time is set back (only stat data tell), a new image, a deleted image, a
 * deleted post, a new post, a moved post, a new plain post, a link in a bundle, a new subfolder
 * with a file. Changed posts: p1, p3, p4, p7, p8 changed; fresh, p6-moved, notes/n99 new.
 */
export function makeEveryKindOfChange(s: TestSite): void {
  const p1 = join(s.content, 'blog/p1/index.md');
  writeFileSync(p1, readFileSync(p1, 'utf8').replace('Body 1.', 'Bodi 1.'));
  const past = new Date(Date.now() - 20_000);
  utimesSync(p1, past, past);
  s.write('content/blog/p3/extra.jpg', 'another image');
  unlinkSync(join(s.content, 'blog/p4/crowd.jpg'));
  rmSync(join(s.content, 'blog/p5'), { recursive: true });
  s.write('content/blog/fresh/index.md', post('Fresh', 'New.'));
  renameSync(join(s.content, 'blog/p6'), join(s.content, 'blog/p6-moved'));
  s.write('content/notes/n99.md', post('Note 99', 'New note.'));
  symlinkSync('stage.jpg', join(s.content, 'blog/p7/link.jpg'));
  mkdirSync(join(s.content, 'blog/p8/sub'));
  s.write('content/blog/p8/sub/more.jpg', 'more');
}

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
}

/** `git fsck --full` must report nothing wrong. */
export function fsckClean(dir: string): boolean {
  execFileSync('git', ['fsck', '--full', '--strict'], { cwd: dir, stdio: 'pipe' });
  return true;
}

export interface TestHost {
  settings: { get<T>(k: string): T | undefined; set(k: string, v: unknown): void };
  secrets: { get(k: string): Promise<string | null>; set(k: string, v: string | null): Promise<void>; persistent: boolean };
  events: Array<{ event: string; payload: unknown }>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function makeHost(opts: { author?: boolean; token?: string; username?: string } = {}): TestHost {
  const settings = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  if (opts.author !== false) settings.set(AUTHOR_KEY, AUTHOR);
  if (opts.token) secrets.set(TOKEN_KEY, opts.token);
  if (opts.username) settings.set(USERNAME_KEY, opts.username);
  const host: TestHost = {
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: {
      get: async (k) => secrets.get(k) ?? null,
      set: async (k, v) => void (v === null ? secrets.delete(k) : secrets.set(k, v)),
      persistent: false,
    },
    events: [],
    emit: (event, payload) => void host.events.push({ event, payload }),
  };
  return host;
}

export function service(site: TestSite, host = makeHost(), retryMs?: number[]): IsoGitService {
  return new IsoGitService({ root: site.root, contentDir: site.content }, host, { retryMs });
}
