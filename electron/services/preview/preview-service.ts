// "Preview": runs `hugo server` for the open site on a random loopback port, drafts and future
// posts included, and answers the URL of a post on it. The server renders to memory, writes no
// lock file into the site and keeps its cache in the app's data folder, so previewing changes
// nothing in the writer's folder; it watches the site itself, so the page reloads on save.
// Where Hugo is not installed, the answer says so and the renderer uses its built-in preview.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { PreviewResult } from '../../../shared/ipc/channels/search';
import { listPermalinks } from './hugo-list';

export interface PreviewOptions {
  /** The hugo executable (default: `hugo` on PATH). */
  hugo?: string;
  /** Folder for Hugo's cache, outside the site. */
  cacheDir: string;
  /** How long to wait for the server to answer. */
  startTimeoutMs?: number;
}

const LOOPBACK = '127.0.0.1';

export class PreviewService {
  private child: ChildProcess | null = null;
  private port = 0;
  private starting: Promise<void> | null = null;
  private permalinks: Map<string, string> | null = null;
  private output = '';
  /**
   * The site was closed (shutdown). A start still on its way (waiting for `hugo version` or
   * for a free port) then spawns nothing: a server spawned after the site closed was left
   * running when the app quit, still writing into the data folder.
   */
  private closed = false;

  constructor(
    private site: Pick<SiteInfo, 'root' | 'contentDir'>,
    private opts: PreviewOptions,
  ) {}

  private get hugo(): string {
    return this.opts.hugo ?? 'hugo';
  }

  private env(): NodeJS.ProcessEnv {
    // Hugo reads HUGO_* variables as configuration; keep the writer's shell settings out.
    // Everything Hugo would write (lock file, public/, resources/_gen) goes to our cache folder
    // instead of the writer's site.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HUGO_')));
    return {
      ...env,
      HUGO_CACHEDIR: this.opts.cacheDir,
      HUGO_NOBUILDLOCK: 'true',
      HUGO_RESOURCEDIR: join(this.opts.cacheDir, 'resources'),
      HUGO_PUBLISHDIR: join(this.opts.cacheDir, 'public'),
    };
  }

  /** Version line of the installed hugo, or null when it cannot be run. */
  async hugoVersion(): Promise<string | null> {
    return new Promise((resolve) =>
      execFile(this.hugo, ['version'], { timeout: 10_000 }, (err, stdout) => resolve(err ? null : stdout.trim())),
    );
  }

  /** The preview URL of a post (content-relative path), starting the server if needed. */
  async start(postPath: string): Promise<PreviewResult> {
    if (this.closed) return CLOSED;
    const version = await this.hugoVersion();
    if (this.closed) return CLOSED;
    if (!version) {
      return { url: null, fallback: true, reason: 'Hugo is not installed on this computer, so Postwright shows its own preview.' };
    }
    try {
      await this.ensureServer();
      const path = await this.pathOf(postPath);
      return { url: `http://${LOOPBACK}:${this.port}${path ?? '/'}`, fallback: false, reason: path ? null : 'Hugo does not publish this post as a page of its own; showing the home page.' };
    } catch (e) {
      await this.stop();
      const detail = (e as Error).message.split('\n')[0];
      return { url: null, fallback: true, reason: `Hugo could not show the site (${detail}), so Postwright shows its own preview.` };
    }
  }

  private async pathOf(postPath: string): Promise<string | null> {
    const source = relative(this.site.root, join(this.site.contentDir, postPath)).split(sep).join('/');
    // Listed with the same baseURL as the server, so a site published under a sub-path
    // (https://example.org/blog/) gives paths that exist on the preview server.
    if (!this.permalinks?.has(source)) {
      if (this.closed) throw new Error('the site was closed');
      this.permalinks = await listPermalinks(this.hugo, this.site.root, { ...this.env(), HUGO_BASEURL: `http://${LOOPBACK}/` });
    }
    return this.permalinks.get(source) ?? null;
  }

  private ensureServer(): Promise<void> {
    if (this.child && this.child.exitCode === null && !this.starting) return Promise.resolve();
    this.starting ??= this.launch().finally(() => (this.starting = null));
    return this.starting;
  }

  private async launch(): Promise<void> {
    this.port = await freePort();
    if (this.closed) throw new Error('the site was closed');
    this.output = '';
    const args = [
      'server',
      '--source', this.site.root,
      '--bind', LOOPBACK,
      '--port', String(this.port),
      '--baseURL', `http://${LOOPBACK}/`,
      '--buildDrafts',
      '--buildFuture',
      '--noBuildLock',
      '--cacheDir', this.opts.cacheDir,
    ];
    const child = spawn(this.hugo, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const collect = (b: Buffer) => {
      this.output = (this.output + b.toString()).slice(-8000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => done(new Error('it did not start in time')), this.opts.startTimeoutMs ?? 60_000);
      const poll = setInterval(() => {
        if (/Web Server is available at/.test(this.output)) done();
      }, 50);
      const onExit = () => done(new Error(lastLines(this.output) || 'it stopped'));
      child.once('exit', onExit);
      child.once('error', (e) => done(e));
      function done(err?: Error) {
        clearTimeout(deadline);
        clearInterval(poll);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      }
    });
  }

  /** Stops the server (site closed, app quitting, or asked to). */
  async stop(): Promise<boolean> {
    const child = this.child;
    this.child = null;
    this.permalinks = null;
    if (!child || child.exitCode !== null) return false;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return true;
  }

  /** Test and diagnostics helper: the port the server listens on, 0 when none. */
  get listeningPort(): number {
    return this.child && this.child.exitCode === null ? this.port : 0;
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    await this.stop();
    // A launch already spawned its server: it is this.child now or soon; wait for the launch to
    // settle, then stop what it left.
    await this.starting?.catch(() => {});
    await this.stop();
  }
}

const CLOSED: PreviewResult = { url: null, fallback: true, reason: 'The site was closed.' };

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').replace(/\s+/g, ' ').slice(0, 300);
}

/** A port free on the loopback interface right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, LOOPBACK, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
