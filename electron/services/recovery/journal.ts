// The recovery journal: the unsaved text of each open post, one file per post in the app's
// data folder (never in the site), each written atomically. After a crash the next start lists
// what is there and offers it back; a save removes the post's entry.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, sep } from 'node:path';
import { z } from 'zod';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { JournalEntry, JournalText } from '../../../shared/ipc/channels/recovery';
import { PostwrightError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { checkRelativePath, isInside } from '../fs/safe-path';
import { MAX_POST_BYTES, PostService, hashBytes } from '../posts/post-service';
import { summarizeDiff } from './diff-summary';

/** What one journal file holds. Parsed on the way back in: the folder is not trusted either. */
const StoredEntry = z.object({
  v: z.literal(1),
  siteRoot: z.string(),
  path: z.string(),
  raw: z.string(),
  baseHash: z.string(),
  savedAt: z.number(),
});
type StoredEntry = z.infer<typeof StoredEntry>;

/** The canonical form of a post path (throws, as a rejected promise's reason, for bad paths). */
function keyOf(path: string): string {
  return checkRelativePath(path).split(sep).join('/');
}

export class RecoveryJournal {
  private posts: PostService;
  /** Writes and discards of one post run in order, so a late write cannot undo a discard. */
  private queues = new Map<string, Promise<unknown>>();
  private ready: Promise<void> | null = null;

  constructor(
    private dir: string,
    private site: SiteInfo,
  ) {
    this.posts = new PostService(site.root, site.contentDir);
  }

  // Writes and discards take their place in the post's queue when they are called, before any
  // await: checking the post first would let a later call overtake an earlier one.
  write(path: string, raw: string, baseHash: string): Promise<{ savedAt: number }> {
    const key = keyOf(path);
    return this.serial(key, async () => {
      await this.checkPost(path);
      if (Buffer.byteLength(raw, 'utf8') > MAX_POST_BYTES) {
        throw new PostwrightError('unsupported', 'This post is too large to keep a recovery copy of. Save it often.');
      }
      const entry: StoredEntry = { v: 1, siteRoot: this.site.root, path: key, raw, baseHash, savedAt: Date.now() };
      await this.ensureDir();
      await writeFileAtomic(this.fileFor(key), Buffer.from(JSON.stringify(entry), 'utf8'));
      return { savedAt: entry.savedAt };
    });
  }

  discard(path: string): Promise<{ discarded: boolean }> {
    const key = keyOf(path);
    return this.serial(key, async () => {
      await this.checkPost(path);
      try {
        await unlink(this.fileFor(key));
        return { discarded: true };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { discarded: false };
        throw e;
      }
    });
  }

  async read(path: string): Promise<JournalText> {
    const key = await this.checkPost(path);
    const entry = await this.load(this.fileFor(key));
    if (!entry) throw new PostwrightError('not-found', `There is no unsaved text for "${key}".`);
    return { path: entry.path, raw: entry.raw, baseHash: entry.baseHash, savedAt: entry.savedAt };
  }

  /** Entries of this site, newest first. Entries whose text is already on disk are dropped. */
  async list(): Promise<JournalEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: JournalEntry[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      const entry = await this.load(join(this.dir, name));
      if (!entry || entry.siteRoot !== this.site.root || this.fileFor(entry.path) !== join(this.dir, name)) continue;
      const described = await this.describe(entry);
      if (described) out.push(described);
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  private async describe(entry: StoredEntry): Promise<JournalEntry | null> {
    let abs: string;
    try {
      abs = await this.posts.locate(entry.path);
    } catch {
      return null; // the path now leads outside the site (e.g. a folder became a symlink)
    }
    let disk: Buffer | null = null;
    try {
      disk = await readFile(abs);
    } catch {}
    const diskText = disk ? stripBom(disk.toString('utf8')) : '';
    if (disk && diskText === entry.raw) {
      // Already saved (e.g. the discard after a save was lost): nothing to recover.
      await this.discard(entry.path).catch(() => {});
      return null;
    }
    const diskState = !disk ? 'deleted' : hashBytes(disk) === entry.baseHash ? 'unchanged' : 'changed';
    const summary = disk && disk.length > MAX_POST_BYTES ? null : summarizeDiff(diskText, entry.raw);
    return {
      path: entry.path,
      savedAt: entry.savedAt,
      baseHash: entry.baseHash,
      diskState,
      linesAdded: summary?.added ?? countLines(entry.raw),
      linesRemoved: summary?.removed ?? countLines(diskText),
      preview: summary?.preview ?? '(too many differences to summarise: use Compare)',
    };
  }

  /** Validates that `path` names a Markdown post inside the site; returns its canonical form. */
  private async checkPost(path: string): Promise<string> {
    await this.posts.locate(path);
    return keyOf(path);
  }

  /** One file per post, named by a hash of site root and post path. */
  private fileFor(key: string): string {
    const id = createHash('sha256').update(`${this.site.root}\0${key}`).digest('hex');
    return join(this.dir, `${id}.json`);
  }

  private async load(file: string): Promise<StoredEntry | null> {
    try {
      const parsed = StoredEntry.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private ensureDir(): Promise<void> {
    if (isInside(this.site.root, this.dir)) {
      return Promise.reject(new PostwrightError('internal', 'The recovery folder must not be inside the site.'));
    }
    // Private (0700): the journal holds unpublished writing.
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined);
    return this.ready;
  }

  private serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const settled = next.catch(() => {});
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function countLines(s: string): number {
  if (!s) return 0;
  return s.split('\n').length - (s.endsWith('\n') ? 1 : 0);
}
