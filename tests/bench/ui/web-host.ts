// Starts the real web host (`tsx electron/web/cli.ts`) on a site folder, as a writer would, and
// reports when it printed its URL. The bench times from the spawn, so the host's own start
// (tsx, handlers, opening the site) is part of `startup_ms`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface BenchHost {
  url: string;
  /** performance.now() (this process) right before the spawn and when the URL line arrived. */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m;

export async function startHost(repoRoot: string, site: string, dataDir: string, distDir: string): Promise<BenchHost> {
  const spawnedAt = performance.now();
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['electron/web/cli.ts', '--site', site, '--port', '0', '--data', dataDir, '--dist', distDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`The web host did not print its URL within 60 s.\n${stderr}`)), 60_000);
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
    return { url, spawnedAt, readyAt: performance.now(), stop: () => stopChild(child) };
  } catch (e) {
    await stopChild(child);
    throw e;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
