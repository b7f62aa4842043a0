// A display for the Electron spec on Linux. CI runs the suite under xvfb-run, so it has one; a
// terminal without one gets its own Xvfb (on a free display number, stopped afterwards) rather
// than a skipped spec. Only when neither exists does the spec skip, saying so.
import { spawn, spawnSync } from 'node:child_process';

export interface Display {
  /** What to add to the app's environment (DISPLAY, when a virtual one was started). */
  env: Record<string, string>;
  stop(): void;
}

const START_LIMIT_MS = 15_000;

export async function ensureDisplay(): Promise<Display | { reason: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { env: {}, stop: () => {} };
  if (spawnSync('Xvfb', ['-version'], { stdio: 'ignore' }).error) {
    return { reason: 'no display, and no Xvfb to make one: install xvfb or run under xvfb-run' };
  }
  // -displayfd: Xvfb picks a free display number and writes it to our pipe once it is ready.
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const display = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb gave no display within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
      xvfb.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${out.trim()}`);
        }
      });
      xvfb.stderr.on('data', (d: Buffer) => (err += d.toString()));
      xvfb.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited (${code}): ${err.trim().split('\n').at(-1) ?? ''}`));
      });
    });
    return { env: { DISPLAY: display }, stop: () => void xvfb.kill() };
  } catch (e) {
    xvfb.kill();
    return { reason: `no display, and Xvfb could not make one: ${(e as Error).message}` };
  }
}
