// Photos sent to the web host are streamed to files in the data folder as they arrive, never
// held whole in memory: the page posts each one to /api/upload and then names it in
// importImages by the id it got back. Each id is random, used once, and its file is deleted
// when imported or after UPLOAD_TTL_MS; the folder is emptied at start (a crash leaves nothing
// behind for long) and the bytes waiting in it are bounded in total.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { IncomingMessage } from 'node:http';
import { BodyTooLarge, HostBusy } from './body-budget';
import type { UploadSource } from '../services/context';

/** How long an upload waits for the importImages call that uses it. */
const UPLOAD_TTL_MS = 10 * 60_000;
export const UPLOAD_ID_RE = /^[A-Za-z0-9_-]{32}$/;

export class UploadStore implements UploadSource {
  private waiting = new Map<string, { file: string; bytes: number; timer: NodeJS.Timeout }>();
  private held = 0;
  private ready: Promise<void>;

  constructor(private dir: string, private maxFile: number, private maxTotal: number) {
    // Leftovers of an earlier run are removed before the first upload.
    this.ready = rm(dir, { recursive: true, force: true }).then(() => mkdir(dir, { recursive: true })).then(() => undefined);
  }

  /** Streams `body` to a new file; its id, or BodyTooLarge / HostBusy. */
  async receive(body: IncomingMessage, declared: number): Promise<string> {
    await this.ready;
    if (declared > this.maxFile) throw new BodyTooLarge();
    if (this.held + Math.max(declared, 0) > this.maxTotal) throw new HostBusy();
    const id = randomBytes(24).toString('base64url');
    const file = join(this.dir, id);
    let size = 0;
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    try {
      // Not a pipeline: on a refusal the request must stay open so the host can answer 413/503.
      for await (const c of body.iterator({ destroyOnReturn: false })) {
        const chunk = c as Buffer;
        size += chunk.length;
        this.held += chunk.length;
        if (size > this.maxFile) throw new BodyTooLarge();
        if (this.held > this.maxTotal) throw new HostBusy();
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    } catch (e) {
      this.held -= size;
      out.destroy();
      await finished(out).catch(() => {}); // closed (and so created, if it was) before it is removed
      await unlink(file).catch(() => {});
      throw e;
    }
    const timer = setTimeout(() => void this.drop(id), UPLOAD_TTL_MS);
    timer.unref();
    this.waiting.set(id, { file, bytes: size, timer });
    return id;
  }

  /** The file of an upload, once: the caller reads it and then calls done() to delete it. */
  take(id: string): { file: string; done(): Promise<void> } | null {
    if (!UPLOAD_ID_RE.test(id)) return null;
    const entry = this.waiting.get(id);
    if (!entry) return null;
    this.waiting.delete(id);
    clearTimeout(entry.timer);
    return {
      file: entry.file,
      done: async () => {
        this.held -= entry.bytes;
        await unlink(entry.file).catch(() => {});
      },
    };
  }

  private async drop(id: string): Promise<void> {
    await this.take(id)?.done();
  }

  /** Deletes every waiting upload (the host is closing). */
  async clear(): Promise<void> {
    await Promise.all([...this.waiting.keys()].map((id) => this.drop(id)));
  }
}
