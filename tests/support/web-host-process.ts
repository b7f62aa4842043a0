// Starts the real web host in a process of its own, as a writer does with `npm run web`, and
// resolves once it printed its URL (token included) on a line of its own. One launcher for the
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
  url: string;
  child: ChildProcess;
  /** performance.now() (this process) right before the spawn and when the URL line arrived. */
  spawnedAt: number;
  readyAt: number;
  /** SIGTERM, as a writer closing it: the host closes the site and flushes settings. */
  stop(): Promise<void>;
  /** SIGKILL (the whole group when detached): no cleanup, like a crash or a power cut. */
  kill(): Promise<void>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m;

export async function launchWebHostProcess(opts: WebHostLaunch): Promise<WebHostProcess> {
  const hostArgs = ['--site', opts.site, '--port', '0', '--data', opts.dataDir, '--dist', opts.distDir ?? join(opts.repoRoot, 'dist', 'renderer')];
  const [command, args] = opts.bundle
    ? [process.execPath, [opts.bundle, ...hostArgs]]
    : [join(opts.repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', ...hostArgs]];
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: opts.repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.detached ?? false });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`The web host did not print its URL within ${timeoutMs / 1000} s.\n${out}\n${stderr}`)), timeoutMs);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = URL_LINE.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The web host exited (${code}) before printing its URL.\n${stderr}`));
      });
    });
    return { url, child, spawnedAt, readyAt: performance.now(), stop: () => stopChild(child), kill: () => killChild(child, opts.detached ?? false) };
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
