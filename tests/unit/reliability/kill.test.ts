// Kills a process that saves a post in a loop with SIGKILL at random moments, many times, and
// checks after every kill that the post is exactly one whole version, never a torn one.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { claimedVersion, killTestVersion } from './kill-versions';
import { writeFileAtomic } from '../../../electron/services/fs/atomic-write';

const KILLS = Number(process.env.PW_KILLS ?? 1000);
const LANES = 2; // two writers at once, one per core
/** Stop starting writers after this long, so a loaded machine reports figures instead of timing out. */
const BUDGET_MS = Number(process.env.PW_KILL_BUDGET_MS ?? 540_000);

interface LaneResult {
  kills: number;
  midWrite: number;
  corrupted: string[];
  leftAfterNextSave: string[];
}

/** A writer process started ahead of time, waiting for its first version number. */
interface Standby {
  child: ChildProcess;
  ready: Promise<void>;
}

function startStandby(script: string, target: string): Standby {
  const child = spawn(process.execPath, [script, target], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = new Promise<void>((res, rej) => {
    child.stdout!.once('data', () => res());
    child.once('error', rej);
  });
  return { child, ready };
}

/** Runs writers on one file, killing each 1–30 ms after it starts saving. */
async function lane(script: string, dir: string, kills: number, deadline: number): Promise<LaneResult> {
  const target = join(dir, 'index.md');
  await writeFileAtomic(target, killTestVersion(0));
  let last = 0;
  const out: LaneResult = { kills: 0, midWrite: 0, corrupted: [], leftAfterNextSave: [] };
  const seenTemps = new Set<string>();
  // Node takes ~100 ms to start: keep spares warming up so kills are not paced by start-up.
  const spares: Standby[] = [startStandby(script, target), startStandby(script, target)];
  for (let i = 0; i < kills && Date.now() < deadline; i++) {
    const { child, ready } = spares.shift()!;
    if (i + spares.length < kills - 1) spares.push(startStandby(script, target));
    await ready;
    const saving = new Promise<void>((res) => child.stdout!.once('data', () => res()));
    child.stdin!.write(`${last + 1}\n`);
    await saving;
    await new Promise((r) => setTimeout(r, 1 + Math.floor(Math.random() * 30)));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    out.kills++;
    const bytes = readFileSync(target);
    const k = claimedVersion(bytes);
    if (k === null || k < last || !bytes.equals(killTestVersion(k))) {
      out.corrupted.push(`kill ${i}: ${bytes.length} bytes, claims version ${k}`);
    } else {
      last = k;
    }
    // A new temp file left behind means the kill landed inside a save.
    const temps = readdirSync(dir).filter((n) => n.endsWith('.tmp') && !seenTemps.has(n));
    if (temps.length) out.midWrite++;
    for (const n of temps) seenTemps.add(n);
  }
  for (const s of spares) s.child.kill('SIGKILL');
  // The next save after the crashes (a while later) removes every temp file they left.
  const past = new Date(Date.now() - 60_000);
  for (const n of readdirSync(dir)) if (n.endsWith('.tmp')) utimesSync(join(dir, n), past, past);
  await writeFileAtomic(target, killTestVersion(last + 1));
  out.leftAfterNextSave = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  return out;
}

describe('kill test', () => {
  it(`leaves the old or the new version after ${KILLS} SIGKILLs during saves`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'pw-kill-'));
    try {
      // Bundled to plain JS so each restart costs a Node start, not a TypeScript compile.
      const script = join(work, 'kill-writer.mjs');
      await build({ entryPoints: [resolve(__dirname, 'kill-writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
      const started = Date.now();
      const deadline = started + BUDGET_MS;
      const results = await Promise.all(
        Array.from({ length: LANES }, (_, i) => {
          const dir = join(work, `post-${i}`);
          return import('node:fs').then((fs) => fs.mkdirSync(dir)).then(() => lane(script, dir, Math.ceil(KILLS / LANES), deadline));
        }),
      );
      const total = results.reduce((a, r) => ({
        kills: a.kills + r.kills,
        midWrite: a.midWrite + r.midWrite,
        corrupted: [...a.corrupted, ...r.corrupted],
        leftAfterNextSave: [...a.leftAfterNextSave, ...r.leftAfterNextSave],
      }));
      console.log(`[kill test] saves killed: ${total.kills} (${total.midWrite} with a temp file left, i.e. inside a write), files corrupted: ${total.corrupted.length}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(total.corrupted).toEqual([]);
      expect(total.leftAfterNextSave).toEqual([]);
      expect(total.kills).toBeGreaterThanOrEqual(KILLS);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
