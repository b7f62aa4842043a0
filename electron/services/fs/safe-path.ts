// Every path that arrives over IPC is a request from a process that may render hostile
// content, so it is resolved against the open site and refused if it leaves it, including
// through a symlink.
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep, dirname, basename } from 'node:path';
import { PostwrightError } from '../../../shared/ipc/errors';

/** True when `child` is `parent` or inside it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Rejects paths that are absolute, contain `..`, NUL bytes or backslashes used as escapes. */
export function checkRelativePath(rel: string): string {
  if (!rel || rel.includes('\0')) throw outside(rel);
  const posix = rel.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[a-zA-Z]:/.test(posix)) throw outside(rel);
  const parts = posix.split('/');
  if (parts.some((p) => p === '..')) throw outside(rel);
  // No file system takes a name over 255 bytes: say so instead of failing inside a write.
  if (parts.some((p) => Buffer.byteLength(p, 'utf8') > 255)) {
    throw new PostwrightError('unsupported', `"${rel.slice(0, 80)}…" has a file or folder name that is too long (over 255 bytes).`);
  }
  return parts.filter((p) => p !== '' && p !== '.').join(sep);
}

/**
 * Resolves `rel` under `base` and makes sure the real location (after symlinks) is still inside
 * `root`. Works for files that do not exist yet by resolving the nearest existing parent.
 */
export async function resolveInside(root: string, base: string, rel: string): Promise<string> {
  const candidate = join(base, checkRelativePath(rel));
  const realRoot = await realpath(root);
  let probe = candidate;
  let suffix = '';
  for (;;) {
    try {
      const real = await realpath(probe);
      const full = suffix ? join(real, suffix) : real;
      if (!isInside(realRoot, full)) throw outside(rel);
      return candidate;
    } catch (e) {
      if (e instanceof PostwrightError) throw e;
      const parent = dirname(probe);
      if (parent === probe) throw outside(rel);
      suffix = suffix ? join(basename(probe), suffix) : basename(probe);
      probe = parent;
    }
  }
}

function outside(rel: string): PostwrightError {
  return new PostwrightError('outside-site', `"${rel.slice(0, 200)}" is not a file inside the open site.`);
}
