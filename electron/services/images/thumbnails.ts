// Small previews for gallery cards, made with sharp in the main process (libvips runs on its
// own threads, so neither the UI nor main's event loop waits) and cached on disk in the app's
// data folder, keyed by the image's site path, modification time and size: an edited photo
// gets a new preview, an unchanged one is never decoded twice.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { Limiter } from './limiter';

// 300 px: a 2400 px photo (our import size) then decodes at 1/8 scale straight from the JPEG.
export const THUMB_SIZE = 300;

export class ThumbnailCache {
  private dir: string;
  private ready: Promise<unknown> | null = null;
  private limiter: Limiter;

  constructor(dataDir: string, concurrency: number) {
    this.dir = join(dataDir, 'thumbs');
    this.limiter = new Limiter(concurrency);
  }

  /** A WebP preview of the image at `abs` as a data URL. Throws when it is not a readable picture. */
  async dataUrl(sitePath: string, abs: string): Promise<string> {
    const st = await stat(abs);
    const key = createHash('sha1').update(`${sitePath}\0${st.mtimeMs}\0${st.size}`).digest('hex');
    const file = join(this.dir, `${key}.webp`);
    let bytes: Buffer | null = await readFile(file).catch(() => null);
    if (!bytes) {
      bytes = await this.limiter.run(() =>
        sharp(abs, { animated: false, limitInputPixels: 268_402_689 })
          .rotate()
          .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 70, effort: 2 })
          .toBuffer(),
      );
      this.ready ??= mkdir(this.dir, { recursive: true });
      await this.ready;
      // A cache needs no fsync: a preview lost in a power cut is simply made again. The rename
      // keeps a reader from ever seeing half a file. A failed write only costs a re-render.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, bytes)
        .then(() => rename(tmp, file))
        .catch(() => {});
    }
    return `data:image/webp;base64,${bytes.toString('base64')}`;
  }
}
