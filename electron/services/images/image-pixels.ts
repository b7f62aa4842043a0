// An image's size in pixels and its format, read from its header once and remembered by
// modification time and size, so listing a post with big photos again reads nothing.
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { GallerySite } from './gallery-site';

interface PixelInfo {
  mtimeMs: number;
  size: number;
  width: number | null;
  height: number | null;
  format: string | null;
}

export type ImagePixels = Omit<PixelInfo, 'mtimeMs' | 'size'> & { bytes: number | null };

export class PixelInfoCache {
  private pixels = new Map<string, PixelInfo>();

  constructor(private site: GallerySite) {}

  async of(sitePath: string): Promise<ImagePixels> {
    const abs = await this.site.inside(sitePath);
    const st = await stat(abs).catch(() => null);
    if (!st) return { bytes: null, width: null, height: null, format: null };
    const hit = this.pixels.get(sitePath);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { ...hit, bytes: st.size };
    let info: PixelInfo = { mtimeMs: st.mtimeMs, size: st.size, width: null, height: null, format: null };
    if (/\.svg$/i.test(sitePath)) info.format = 'svg'; // never parsed: shown only in an <img>
    else {
      try {
        // Reads the header only; autoOrient gives the size as displayed.
        const m = await sharp(abs).metadata();
        info = { ...info, width: m.autoOrient?.width ?? m.width ?? null, height: m.autoOrient?.height ?? m.height ?? null, format: m.format ?? null };
      } catch {}
    }
    this.pixels.set(sitePath, info);
    return { ...info, bytes: st.size };
  }

  /** Width, height and bytes, 0 where unknown (for an image just imported or reused). */
  async sizeOf(sitePath: string): Promise<{ width: number; height: number; bytes: number }> {
    const info = await this.of(sitePath);
    return { width: info.width ?? 0, height: info.height ?? 0, bytes: info.bytes ?? 0 };
  }
}
