// Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over
// the target, then fsync the folder (a cache that can be rebuilt may skip both fsyncs: see
// AtomicWriteOptions). An interruption at any moment leaves either the old file or the new
// one, never a truncated mix. A kill between the temp file's creation and its
// rename leaves the temp file behind: the next write of the same file removes such leftovers
// (and leftover-temps.ts sweeps the whole site when it opens).
import { lstat, open, readdir, rename, unlink, stat, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Names of our temp files: `.<target name>.postwright-<hex>.tmp`. */
export const TEMP_FILE_RE = /^\.(.+)\.postwright-[0-9a-f]+\.tmp$/;

/** Temp files this process is writing right now: never removed as leftovers. */
const inFlight = new Set<string>();

/**
 * Another process (the `postwright` command, a second window) may be saving the same file: its
 * temp file lives for milliseconds between creation and rename, so only temp files older than
 * this are taken for leftovers of a save that was killed.
 */
export const LEFTOVER_AGE_MS = 2000;

/** True when `abs` (a temp file's path) is a leftover that no save will rename any more. */
export async function isLeftover(abs: string): Promise<boolean> {
  if (inFlight.has(abs)) return false;
  try {
    return Date.now() - (await lstat(abs)).mtimeMs > LEFTOVER_AGE_MS;
  } catch {
    return false;
  }
}

export interface AtomicWriteOptions {
  /**
   * false: no fsync (the file still replaces the old one whole, by rename). Only for caches that
   * can be rebuilt, such as git's index, which git itself does not fsync by default (its
   * core.fsync default, "committed", covers objects and refs). At 100,000 posts the index is
   * 30 MB: without its fsync a Save version there (after the first of a launch) went from
   * about 200 to 140 ms.
   */
  durable?: boolean;
}

export async function writeFileAtomic(target: string, data: Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  await replaceFileAtomic(
    target,
    async (handle) => {
      await handle.writeFile(data);
      return true;
    },
    opts,
  );
}

/**
 * writeFileAtomic for content made while it is written (a large file streamed through a small
 * buffer): `fill` writes it through the temp file's handle. When `fill` returns false or throws,
 * the target stays as it was and the temp file is removed. Returns whether the target was replaced.
 */
export async function replaceFileAtomic(target: string, fill: (handle: FileHandle) => Promise<boolean>, { durable = true }: AtomicWriteOptions = {}): Promise<boolean> {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.postwright-${randomBytes(6).toString('hex')}.tmp`);
  inFlight.add(tmp);
  let replaced: boolean;
  try {
    replaced = await writeVia(tmp, target, fill, durable);
  } finally {
    inFlight.delete(tmp);
  }
  await removeLeftoverTemps(target);
  return replaced;
}

/** Removes temp files an interrupted earlier write of `target` left beside it (best effort). */
export async function removeLeftoverTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const name = basename(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const abs = join(dir, n);
    if (TEMP_FILE_RE.exec(n)?.[1] === name && (await isLeftover(abs))) await unlink(abs).catch(() => {});
  }
}

async function writeVia(tmp: string, target: string, fill: (handle: FileHandle) => Promise<boolean>, durable: boolean): Promise<boolean> {
  const dir = dirname(target);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {}
  const handle = await open(tmp, 'wx', mode ?? 0o644);
  let filled: boolean;
  try {
    filled = await fill(handle);
    if (filled && durable) await handle.sync();
  } catch (e) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await handle.close();
  if (!filled) {
    await unlink(tmp).catch(() => {});
    return false;
  }
  try {
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  if (durable) await syncDir(dir);
  return true;
}

/** fsync a folder so the rename itself survives a power cut (not possible on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {}
}
