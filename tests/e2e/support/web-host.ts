// Starts the real web host (`tsx electron/web/cli.ts`) on a fresh copy of the sample site and
// stops it afterwards. The host prints its URL, token included, on a line of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sampleSite } from './paths';

export interface RunningSite {
  /** Root of the copied site (holds hugo.toml). */
  root: string;
  /** Its content folder. */
  contentDir: string;
  /** Start URL with the token. */
  url: string;
  stop(): Promise<void>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m;
/** POSTWRIGHT_E2E_DIST serves a renderer built elsewhere (so a rebuild of dist/ mid-run cannot break a run). */
const DIST_ARGS = process.env.POSTWRIGHT_E2E_DIST ? ['--dist', process.env.POSTWRIGHT_E2E_DIST] : [];

export async function startWebHost(sourceSite = sampleSite): Promise<RunningSite> {
  const base = mkdtempSync(join(tmpdir(), 'postwright-e2e-'));
  const root = join(base, 'site');
  cpSync(sourceSite, root, { recursive: true });
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['electron/web/cli.ts', '--site', root, '--port', '0', '--data', join(base, 'data'), ...DIST_ARGS],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The web host did not print its URL in time.\n${out}\n${stderr}`)), 30_000);
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
  return {
    root,
    contentDir: join(root, 'content'),
    url,
    async stop() {
      await stopChild(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface LaunchedHost {
  url: string;
  child: ChildProcess;
  /** Ends the host the hard way (SIGKILL: no cleanup, like a crash or a power cut). */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the web host on an existing site folder and data folder (for restart tests). */
export async function launchWebHost(root: string, dataDir: string): Promise<LaunchedHost> {
  // A process group of its own: tsx runs the host in a child process, and a kill must reach it.
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', '--site', root, '--port', '0', '--data', dataDir, ...DIST_ARGS], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The web host did not print its URL in time.\n${out}\n${stderr}`)), 30_000);
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
  return {
    url,
    child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      // The whole group at once (tsx and the host it runs): nothing gets to flush or clean up.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
    stop: () => stopChild(child),
  };
}
