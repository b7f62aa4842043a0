// Reads and saves posts. A read returns the exact text and a hash of the bytes; a save writes
// atomically and only if the file still has the hash the editor opened, so a change made by
// someone else is never silently overwritten.
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { PostFile, SaveResult } from '../../../shared/ipc/channels/posts';
import { PostwrightError } from '../../../shared/ipc/errors';
import { readFrontMatter } from '../frontmatter/read-front-matter';
import { toJsonSafe } from '../../../shared/post/json-safe';
import { resolveInside } from '../fs/safe-path';
import { writeFileAtomic } from '../fs/atomic-write';
import { decodeUtf8Strict } from './decode';
import { noteOwnWrite } from '../watch/known-hashes';
import { MD_RE as POST_RE } from '../../../shared/post/post-files';

/** Larger files open read-only in a plain view: an editor of them would freeze the app. */
export const MAX_POST_BYTES = 20 * 1024 * 1024;

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class PostService {
  constructor(
    private siteRoot: string,
    private contentDir: string,
  ) {}

  /** Absolute path of a post, checked to be a Markdown file inside the site. */
  async locate(path: string): Promise<string> {
    if (!POST_RE.test(path)) throw new PostwrightError('invalid-request', `"${path}" is not a Markdown post.`);
    return resolveInside(this.siteRoot, this.contentDir, path);
  }

  /**
   * Reads a post for the editor: these bytes become the version the app has, so the watcher
   * does not report them as a change made outside.
   */
  async read(path: string): Promise<PostFile> {
    return this.load(path, true);
  }

  /**
   * Reads a post without taking it as the version the app has (the gallery reads posts to list
   * their images): if another program has just changed it, the watcher must still report that.
   */
  async peek(path: string): Promise<PostFile> {
    return this.load(path, false);
  }

  private async load(path: string, asOpened: boolean): Promise<PostFile> {
    const abs = await this.locate(path);
    const st = await stat(abs).catch(() => null);
    if (!st || !st.isFile()) throw new PostwrightError('not-found', `The post "${path}" no longer exists. It may have been moved or deleted.`);
    if (st.size > MAX_POST_BYTES) {
      throw new PostwrightError('unsupported', `"${path}" is ${(st.size / 1048576).toFixed(0)} MB, too large to edit safely. Open it in a text editor.`);
    }
    const bytes = await readFile(abs);
    const hash = hashBytes(bytes);
    if (asOpened) noteOwnWrite(abs, hash); // so the watcher does not report this version as a change
    const decoded = decodeUtf8Strict(bytes, path);
    const raw = decoded.text;
    const fm = readFrontMatter(raw);
    return {
      path,
      raw,
      bom: decoded.bom,
      hash,
      format: fm.frontMatterError ? 'none' : fm.format,
      frontMatter: fm.frontMatter,
      bodyOffset: fm.bodyOffset,
      fields: toJsonSafe(fm.fields) as Record<string, unknown>,
      frontMatterError: fm.frontMatterError,
    };
  }

  async save(req: { path: string; raw: string; bom: boolean; expectedHash: string }): Promise<SaveResult> {
    const abs = await this.locate(req.path);
    let current: Buffer | null = null;
    try {
      current = await readFile(abs);
    } catch (e) {
      // No post can be at a path that is too long or runs through a file: as if it were gone.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENAMETOOLONG' && code !== 'ENOTDIR') throw e;
    }
    if (!current) {
      throw new PostwrightError('changed-on-disk', 'This post was deleted or moved outside Postwright. Your text is still in the editor.', { deleted: true });
    }
    if (hashBytes(current) !== req.expectedHash) {
      throw new PostwrightError('changed-on-disk', 'This post was changed outside Postwright since you opened it. Your text is still in the editor.', { deleted: false });
    }
    const bytes = Buffer.from((req.bom ? '\uFEFF' : '') + req.raw, 'utf8');
    const hash = hashBytes(bytes);
    // Noted before the rename, so the watcher never sees our own save as someone else's.
    noteOwnWrite(abs, hash);
    try {
      await writeFileAtomic(abs, bytes);
    } catch (e) {
      throw writeError(e);
    }
    return { hash, savedAt: Date.now() };
  }
}

function writeError(e: unknown): PostwrightError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new PostwrightError('disk-full', 'The disk is full, so the post was not saved. Free some space and save again; your text is still in the editor.');
  if (code === 'EROFS') return new PostwrightError('read-only', 'The post is on a read-only disk, so it was not saved. Your text is still in the editor.');
  if (code === 'EACCES' || code === 'EPERM') return new PostwrightError('permission-denied', 'Postwright is not allowed to write this post (it may be read-only). Your text is still in the editor.');
  return new PostwrightError('io', `The post could not be saved: ${(e as Error).message}. Your text is still in the editor.`);
}
