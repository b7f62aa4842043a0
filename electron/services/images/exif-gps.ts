// Removes GPS tags from an EXIF (TIFF) block in place: every GPS value is overwritten with
// zeros and the GPS directory is emptied. The block keeps its length, so the file around it
// (JPEG segment, PNG chunk, WebP chunk) needs no other change; every other tag is kept.
// Hand-written because no maintained library edits EXIF without re-serialising it whole.

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const GPS_POINTER = 0x8825;

interface Tiff {
  view: DataView;
  little: boolean;
  /** Offset of the TIFF header in the buffer. */
  base: number;
  end: number;
}

/** Offset of the TIFF header in an EXIF block that may start with "Exif\0\0". */
function openTiff(buf: Uint8Array, start: number, end: number): Tiff | null {
  let base = start;
  if (end - base >= 6 && String.fromCharCode(...buf.subarray(base, base + 4)) === 'Exif') base += 6;
  if (end - base < 8) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const order = String.fromCharCode(buf[base], buf[base + 1]);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  if (view.getUint16(base + 2, little) !== 42) return null;
  return { view, little, base, end };
}

/** Absolute offset of the GPS directory, or null when there is none. */
function gpsDirectory(t: Tiff): number | null {
  const ifd0 = t.base + t.view.getUint32(t.base + 4, t.little);
  if (ifd0 + 2 > t.end) return null;
  const n = t.view.getUint16(ifd0, t.little);
  for (let i = 0; i < n; i++) {
    const e = ifd0 + 2 + i * 12;
    if (e + 12 > t.end) return null;
    if (t.view.getUint16(e, t.little) === GPS_POINTER) {
      const dir = t.base + t.view.getUint32(e + 8, t.little);
      return dir + 2 <= t.end ? dir : null;
    }
  }
  return null;
}

/** Number of GPS tags in the EXIF block found at [start, end) of `buf`. */
export function countGpsTags(buf: Uint8Array, start = 0, end = buf.length): number {
  const t = openTiff(buf, start, end);
  if (!t) return 0;
  const dir = gpsDirectory(t);
  return dir == null ? 0 : t.view.getUint16(dir, t.little);
}

/** Blanks the GPS tags of the EXIF block at [start, end) of `buf`. Returns how many were removed. */
export function scrubGpsInPlace(buf: Uint8Array, start = 0, end = buf.length): number {
  const t = openTiff(buf, start, end);
  if (!t) return 0;
  const dir = gpsDirectory(t);
  if (dir == null) return 0;
  const n = t.view.getUint16(dir, t.little);
  for (let i = 0; i < n; i++) {
    const e = dir + 2 + i * 12;
    if (e + 12 > t.end) break;
    const size = (TYPE_SIZE[t.view.getUint16(e + 2, t.little)] ?? 1) * t.view.getUint32(e + 4, t.little);
    if (size > 4) {
      const at = t.base + t.view.getUint32(e + 8, t.little);
      if (at >= t.base && at + size <= t.end) buf.fill(0, at, at + size);
    }
    buf.fill(0, e, e + 12);
  }
  t.view.setUint16(dir, 0, t.little);
  return n;
}
