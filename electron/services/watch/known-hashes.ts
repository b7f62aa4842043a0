// The hash of each post as Postwright last read or wrote it, by absolute path. The watcher
// compares what it finds on disk with this, so the app's own saves are not reported back to
// the writer as "changed outside Postwright".
const known = new Map<string, string>();

/** Call after reading or saving a post with the hash of the bytes now on disk. */
export function noteOwnWrite(absPath: string, hash: string): void {
  known.set(absPath, hash);
}

export function knownHash(absPath: string): string | undefined {
  return known.get(absPath);
}

/** Every post path with a known hash under `dir` (an absolute folder path ending with a separator). */
export function knownPathsUnder(dir: string): string[] {
  return [...known.keys()].filter((p) => p.startsWith(dir));
}

export function forgetHash(absPath: string): void {
  known.delete(absPath);
}
