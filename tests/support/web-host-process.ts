// Starts the real web host in a process of its own, as a writer does with `npm run web`, and
// resolves once it printed its start address (a one-time start code) on a line of its own. One launcher for the
// e2e tests and the UI bench. It runs the built host (`node <bundle>`, see build-web-host.ts)
// when given one, else the TypeScript sources through tsx (slower to start, no build needed).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface WebHostLaunch {
  repoRoot: string;
  /** The site folder to open. */
  site: string;
  /** The host's data folder (settings, recovery journal). */
  dataDir: string;
  /** The built renderer to serve; the repository's dist/renderer when absent. */
  distDir?: string;
  /** The built host (its cli.mjs); the sources through tsx when absent. */
  bundle?: string;
  /** A process group of its own, so kill() reaches every process of the host at once. */
  detached?: boolean;
  timeoutMs?: number;
}

export interface WebHostProcess {
  /** The first start address: it opens the app once. */
  url: string;
  /** Asks the host for another start address (Enter on its input), for a second tab or page. */
  newStartUrl(): Promise<string>;
  child: ChildProcess;
  /** performance.now() (this process) right before the spawn and when the URL line arrived. */
  spawnedAt: number;
  readyAt: number;
  /** SIGTERM, as a writer closing it: the host closes the site and flushes settings. */
  stop(): Promise<void>;
  /** SIGKILL (the whole group when detached): no cleanup, like a crash or a power cut. */
  kill(): Promise<void>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/#start=[A-Za-z0-9_-]+$/;

export async function launchWebHostProcess(opts: WebHostLaunch): Promise<WebHostProcess> {
  const hostArgs = ['--site', opts.site, '--port', '0', '--data', opts.dataDir, '--dist', opts.distDir ?? join(opts.repoRoot, 'dist', 'renderer')];
  const [command, args] = opts.bundle
    ? [process.execPath, [opts.bundle, ...hostArgs]]
    : [join(opts.repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', ...hostArgs]];
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: opts.repoRoot, stdio: ['pipe', 'pipe', 'pipe'], detached: opts.detached ?? false });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // Every start address the host prints, in order; waiters take them as they come.
  const urls: string[] = [];
  const waiters: Array<(url: string) => void> = [];
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    out = lines.pop() ?? ''; // a line not finished yet
    for (const line of lines.filter((l) => URL_LINE.test(l))) {
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else urls.push(line);
    }
  });
  const nextUrl = (ms: number) =>
    new Promise<string>((resolve, reject) => {
      const queued = urls.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => reject(new Error(`The web host did not print a start address within ${ms / 1000} s.\n${stderr}`)), ms);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`The web host exited (${code}) before printing its URL.\n${stderr}`));
      };
      child.once('exit', onExit);
      waiters.push((url) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(url);
      });
    });
  try {
    const url = await nextUrl(timeoutMs);
    const newStartUrl = () => {
      const next = nextUrl(10_000);
      child.stdin?.write('\n');
      return next;
    };
    return { url, newStartUrl, child, spawnedAt, readyAt: performance.now(), stop: () => stopChild(child), kill: () => killChild(child, opts.detached ?? false) };
  } catch (e) {
    await stopChild(child);
    throw e;
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await done;
  clearTimeout(timer);
}

async function killChild(child: ChildProcess, group: boolean): Promise<void> {
  if (exited(child)) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
  else child.kill('SIGKILL');
  await done;
}
