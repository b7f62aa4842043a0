// Watches a content folder for posts (Markdown files) added, changed or removed, and folders
// added or removed, with one OS watch per folder, never one per file. chokidar, used before,
// also watched every file: on a 100,000-post site (100,000 bundle folders, 260,000 files) its
// first scan took 30-40 s of the main process (the window's calls waited behind it), held
// 1.5-2 GB, and ran past Linux's inotify limit, so part of the site went unwatched without a
// word. A folder's watch already reports changes to the files in it, so one per folder is
// enough. On macOS and Windows the system watches a whole tree in one handle (recursive), and
// one handle per folder would be slow there (macOS rebuilds one event stream per added path).
//
// Events: 'add' | 'change' | 'unlink' (a Markdown file's absolute path), 'addDir' | 'unlinkDir'
// (a folder's), 'error', and 'ready' once the first scan is done (nothing found by it is
// reported, as chokidar's ignoreInitial). Symlinks are never followed: a link may point outside
// the site; a link named like a post counts as a file.
import { EventEmitter } from 'node:events';
import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { MD_RE } from '../../../shared/post/post-files';

interface Folder {
  /** Its own OS watch (per-folder mode only). */
  watcher: FSWatcher | null;
  /** Names of the Markdown files in it (what tells 'add' from 'change'). */
  posts: Set<string>;
  /** Names of the folders in it that are watched. */
  subdirs: Set<string>;
}

/** Folders read at once by a scan. */
const READ_AT_ONCE = 16;

export class FolderWatch extends EventEmitter {
  private folders = new Map<string, Folder>();
  private rootWatcher: FSWatcher | null = null;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly root: string,
    private readonly ignored: (abs: string) => boolean,
    /** One watch for the whole tree (the default on macOS and Windows, where the OS offers it). */
    private readonly recursive = process.platform === 'darwin' || process.platform === 'win32',
  ) {
    super();
    if (this.recursive) {
      try {
        this.rootWatcher = watch(root, { recursive: true, persistent: false }, (_type, name) => this.onEvent(name === null ? null : join(root, String(name))));
        this.rootWatcher.on('error', (e) => this.emit('error', e));
      } catch (e) {
        queueMicrotask(() => this.emit('error', e));
      }
    }
    // Started after the constructor returns, so that the owner's 'error' listener is there.
    this.ready = Promise.resolve().then(() => this.scan(root, true)).then(() => {
      if (!this.closed) this.emit('ready');
    });
  }

  /** Number of folders watched (for tests and the bench). */
  get folderCount(): number {
    return this.folders.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.rootWatcher?.close();
    for (const f of this.folders.values()) f.watcher?.close();
    this.folders.clear();
  }

  /**
   * Reads `start` and every folder under it, watching each. `initial`: the first scan, which
   * reports nothing; a folder that appears later reports its posts and folders as added.
   */
  private async scan(start: string, initial: boolean): Promise<void> {
    const stack = [start];
    while (stack.length && !this.closed) {
      // Several folders read at once (libuv's threads), each awaited: the event loop stays free.
      const batch = stack.splice(-READ_AT_ONCE).filter((d) => !this.folders.has(d));
      const read = await Promise.all(batch.map((d) => readdir(d, { withFileTypes: true }).catch(() => null)));
      if (this.closed) return;
      batch.forEach((dir, i) => {
        if (this.folders.has(dir)) return;
        const folder: Folder = { watcher: this.recursive ? null : this.watchOne(dir), posts: new Set(), subdirs: new Set() };
        this.folders.set(dir, folder);
        // Gone already, or unreadable: its parent's watch reports what happens to it.
        for (const e of read[i] ?? []) this.take(dir, folder, e, stack, initial);
      });
    }
  }

  private take(dir: string, folder: Folder, e: Dirent, stack: string[], initial: boolean): void {
    const abs = join(dir, e.name);
    if (this.ignored(abs)) return;
    if (e.isDirectory()) {
      folder.subdirs.add(e.name);
      stack.push(abs);
      if (!initial) this.emit('addDir', abs);
    } else if ((e.isFile() || e.isSymbolicLink()) && MD_RE.test(e.name)) {
      folder.posts.add(e.name);
      if (!initial) this.emit('add', abs);
    }
  }

  private watchOne(dir: string): FSWatcher | null {
    try {
      const w = watch(dir, { persistent: false }, (_type, name) => this.onEvent(name === null ? null : join(dir, String(name)), dir));
      w.on('error', (e) => this.emit('error', e));
      return w;
    } catch (e) {
      // Too many folders for the system's watch limit, or the folder went away: say so (the
      // site watcher's owner decides what to do) and go on with the others.
      this.emit('error', e);
      return null;
    }
  }

  /** Something happened to `abs` (null: to something unnamed in `dir`: look at the whole folder). */
  private onEvent(abs: string | null, dir?: string): void {
    if (this.closed) return;
    if (abs === null) {
      if (dir) void this.rescan(dir);
      return;
    }
    if (abs === this.root || this.ignored(abs)) return;
    void this.look(abs).catch((e: unknown) => this.emit('error', e));
  }

  /** Compares what is at `abs` now with what was known, and reports the difference. */
  private async look(abs: string): Promise<void> {
    const dir = dirname(abs);
    const name = abs.slice(dir.length + 1);
    const st = await lstat(abs).catch(() => null);
    if (this.closed) return;
    const parent = this.folders.get(dir);
    if (!parent) return; // under a folder not watched (ignored, or its scan not done yet)
    if (!st) {
      if (parent.posts.delete(name)) this.emit('unlink', abs);
      if (parent.subdirs.delete(name)) this.removeTree(abs);
      return;
    }
    if (st.isDirectory()) {
      if (parent.posts.delete(name)) this.emit('unlink', abs); // a post replaced by a folder
      if (parent.subdirs.has(name)) return; // a change inside it: its own watch reports it
      parent.subdirs.add(name);
      this.emit('addDir', abs);
      await this.scan(abs, false);
      return;
    }
    if (parent.subdirs.delete(name)) this.removeTree(abs); // a folder replaced by a file
    if (!MD_RE.test(name)) return;
    if (parent.posts.has(name)) this.emit('change', abs);
    else {
      parent.posts.add(name);
      this.emit('add', abs);
    }
  }

  /** A folder went away: its posts and folders are reported removed and their watches closed. */
  private removeTree(abs: string): void {
    const prefix = abs + sep;
    for (const [dir, f] of this.folders) {
      if (dir !== abs && !dir.startsWith(prefix)) continue;
      f.watcher?.close();
      this.folders.delete(dir);
      for (const n of f.posts) this.emit('unlink', join(dir, n));
    }
    this.emit('unlinkDir', abs);
  }

  /** An event without a name (the system dropped details): compare the folder's contents. */
  private async rescan(dir: string): Promise<void> {
    const folder = this.folders.get(dir);
    if (!folder) return;
    const names = await readdir(dir).catch(() => [] as string[]);
    const now = new Set(names);
    for (const n of [...folder.posts, ...folder.subdirs]) if (!now.has(n)) await this.look(join(dir, n));
    for (const n of names) await this.look(join(dir, n));
  }
}
