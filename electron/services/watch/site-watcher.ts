// Watches the open site's content folder so that a post changed by another tool (a colleague's
// editor, git pull, a sync client) is noticed: `postChangedOnDisk` for a post whose bytes differ
// from what the app last read or saved, `postsChanged` when posts appear, vanish or move.
// Events are gathered for a short quiet period first, because editors and git write in bursts.
import { createReadStream } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { HostContext } from '../context';
import { forgetHash, knownHash, knownPathsUnder, noteOwnWrite } from './known-hashes';
import { MD_RE as POST_RE } from '../../../shared/post/post-files';
import { FolderWatch } from './folder-watch';
import { watchTroubleMessage } from '../../../shared/site/watch-trouble';


export interface WatcherOptions {
  /** Quiet time before a burst of events is reported. */
  debounceMs?: number;
  /** Longest a burst may delay its report. */
  maxWaitMs?: number;
  /** Every changed post path (content-relative), our own saves included, e.g. for the search index. */
  onPathChanged?(rel: string, kind: 'add' | 'change' | 'unlink'): void;
}

type Kind = 'add' | 'change' | 'unlink';

export class SiteWatcher {
  private watcher: FolderWatch;
  private pending = new Map<string, Kind>();
  private structural = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  private closed = false;
  private flushing: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private site: SiteInfo,
    private host: Pick<HostContext, 'emit'>,
    private opts: WatcherOptions = {},
  ) {
    const contentDir = site.contentDir;
    // One watch per folder, symlinks never followed (folder-watch.ts).
    this.watcher = new FolderWatch(contentDir, (p: string) => isIgnored(contentDir, p));
    this.ready = this.watcher.ready.then(() => this.recheckKnown(contentDir));
    this.watcher.on('add', (p: string) => this.note(p, 'add'));
    this.watcher.on('change', (p: string) => this.note(p, 'change'));
    this.watcher.on('unlink', (p: string) => this.note(p, 'unlink'));
    this.watcher.on('addDir', () => this.noteStructural('a folder was added'));
    this.watcher.on('unlinkDir', () => this.noteStructural('a folder was removed'));
    // A watcher error (e.g. too many folders for inotify) must not take the app down, and must
    // not leave the writer with a list that silently goes stale: the writer is told once.
    this.watcher.on('error', (e: unknown) => this.noteTrouble(e));
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.watcher.close();
    await this.flushing;
  }

  /**
   * The watcher reports nothing that changes during its first scan, and a big
   * content folder takes a while to scan: a post the app read meanwhile and that was changed
   * right after (a fast start, a sync client finishing) would go unnoticed. Once the scan is
   * done, those posts are looked at again; flush() reports only the ones whose bytes differ
   * from what the app read. Only plain files reached without a symlink are looked at: the
   * watcher never reads through a link that may point outside the site.
   */
  private async recheckKnown(contentDir: string): Promise<void> {
    const root = await realpath(contentDir).catch(() => null);
    if (!root) return;
    for (const abs of knownPathsUnder(contentDir + sep)) {
      if (this.closed) return;
      const real = await realpath(abs).catch(() => null);
      if (real !== join(root, relative(contentDir, abs))) continue;
      const st = await lstat(abs).catch(() => null);
      if (st?.isFile()) this.note(abs, 'change');
    }
  }

  /** Set by the first watch error worth telling: kept for a window that asks later (`watchTrouble` channel). */
  trouble: { root: string; message: string } | null = null;

  private noteTrouble(e: unknown): void {
    if (this.closed || this.trouble) return;
    const message = watchTroubleMessage((e as NodeJS.ErrnoException | null)?.code);
    if (!message) return;
    this.trouble = { root: this.site.root, message };
    this.host.emit('watchTrouble', this.trouble);
  }

  private note(abs: string, kind: Kind): void {
    if (!POST_RE.test(abs)) return;
    const prev = this.pending.get(abs);
    // unlink then add within one burst is a replace (a rename over the file): a change.
    this.pending.set(abs, prev === 'unlink' && kind === 'add' ? 'change' : prev === 'add' && kind === 'change' ? 'add' : kind);
    if (kind !== 'change') this.structural.add(kind === 'add' ? 'a post was added' : 'a post was removed');
    this.schedule();
  }

  private noteStructural(reason: string): void {
    this.structural.add(reason);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.timer) this.firstPendingAt = now;
    else clearTimeout(this.timer);
    const debounce = this.opts.debounceMs ?? 150;
    const wait = Math.max(0, Math.min(debounce, this.firstPendingAt + (this.opts.maxWaitMs ?? 1000) - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending];
    const reasons = [...this.structural];
    this.pending.clear();
    this.structural.clear();
    let structural = reasons.length > 0;
    for (const [abs, kind] of batch) {
      if (this.closed) return;
      const rel = relative(this.site.contentDir, abs).split(sep).join('/');
      this.opts.onPathChanged?.(rel, kind);
      const hash = await hashFile(abs);
      if (hash === null) {
        structural = true;
        if (knownHash(abs) !== undefined || kind !== 'add') this.host.emit('postChangedOnDisk', { path: rel, hash: null, deleted: true });
        forgetHash(abs);
        continue;
      }
      const before = knownHash(abs);
      if (before === hash) continue; // our own save, or a touch that changed no byte
      noteOwnWrite(abs, hash);
      if (kind === 'add' && before === undefined) continue; // a new post: postsChanged covers it
      this.host.emit('postChangedOnDisk', { path: rel, hash, deleted: false });
    }
    if (structural && !this.closed) this.host.emit('postsChanged', { reason: reasons.join(', ') || 'a post was moved' });
  }
}

/** Dotfiles and dot-folders (.git, our `.name.postwright-*.tmp` files) and node_modules. */
export function isIgnored(contentDir: string, p: string): boolean {
  // The watcher's own paths are contentDir joined with names (normalized): the part after the
  // folder is the relative path. path.relative resolves both paths first, which at 100,000
  // folders cost about 0.3 s of the main process's start-up.
  const rel = p.startsWith(contentDir + sep) && !contentDir.endsWith(sep) ? p.slice(contentDir.length + 1) : relative(contentDir, p);
  if (!rel) return false;
  return rel.split(sep).some((s) => s.startsWith('.') || s === 'node_modules');
}

async function hashFile(abs: string): Promise<string | null> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    const stream = createReadStream(abs);
    stream.on('data', (c) => h.update(c));
    stream.on('error', () => resolve(null));
    stream.on('end', () => resolve(h.digest('hex')));
  });
}
