// The search index's build gives the CPU to the window first. On a 2-core machine, reading and
// indexing a 100,000-post site right after it opened took a core the renderer needed:
// scrolling the post list fell to 50-57 frames a second. A lower priority for the thread leaves
// its work as fast on an idle machine and lets the window's frames go first on a busy one. Only
// the search index's own thread is lowered (site-disk-worker.ts): the priority cannot be raised
// again, and on the thread that also runs git status and the post list it slowed the status
// after every save and every later listing.
import { setPriority } from 'node:os';

/** How far below normal the thread's background work runs (nice 10: about a tenth of a core when contended). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's priority; true when done. Only on Linux, where the nice value is
 * kept per thread and pid 0 names the calling thread alone: on macOS and Windows the same call
 * names the whole process (the window's host would slow down too), so nothing is changed there.
 * The priority cannot be raised again without privileges: call this once the thread's urgent
 * work (the first post list) is done.
 */
export function lowerThisThreadPriority(nice = BACKGROUND_NICE, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    setPriority(0, nice);
    return true;
  } catch {
    return false; // not allowed here (a sandbox): the work runs at normal priority, as before
  }
}
