// Removes location from an image file without re-encoding it: GPS tags in EXIF, location
// properties in XMP, and city/country records in IPTC are overwritten in place (same length),
// so the picture's pixels and every other piece of metadata stay exactly as they were.
// When a block cannot be found in the file (e.g. compressed XMP), the caller re-encodes.
import { crc32 } from 'node:zlib';
import { countGpsTags, scrubGpsInPlace } from './exif-gps';

export interface MetadataBlocks {
  exif?: Uint8Array;
  xmp?: Uint8Array;
  iptc?: Uint8Array;
}

/** XMP properties that name a place: GPS*, Latitude/Longitude, City, Country, Location… */
const XMP_LOCATION =
  '[A-Za-z][\\w.-]*:(?:GPS\\w*|\\w*(?:Latitude|Longitude)\\w*|City|State|Country|CountryCode|CountryName|ProvinceState|Sublocation|WorldRegion|Location\\w*)';
const XMP_ATTR_RE = new RegExp(`\\s${XMP_LOCATION}\\s*=\\s*("[^"]*"|'[^']*')`, 'g');
const XMP_ELEMENT_RE = new RegExp(`<(${XMP_LOCATION})(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</\\1\\s*>)`, 'g');
/** IPTC IIM datasets of record 2 that hold a place (city, sublocation, state, country…). */
const IPTC_LOCATION = new Set([26, 27, 90, 92, 95, 100, 101]);

export function hasLocation(blocks: MetadataBlocks): boolean {
  if (blocks.exif && countGpsTags(blocks.exif) > 0) return true;
  if (blocks.xmp && xmpLocationRanges(latin1(blocks.xmp)).length > 0) return true;
  if (blocks.iptc && iptcLocationRanges(blocks.iptc).length > 0) return true;
  return false;
}

/**
 * Returns a copy of `file` with the location removed, or null when a block holding location
 * could not be found in the file's bytes.
 */
export function scrubLocationInPlace(file: Uint8Array, blocks: MetadataBlocks, isPng: boolean): Uint8Array | null {
  const out = Uint8Array.from(file);
  if (blocks.exif && countGpsTags(blocks.exif) > 0) {
    const at = locate(out, blocks.exif);
    if (!at) return null;
    scrubGpsInPlace(out, at[0], at[1]);
  }
  if (blocks.xmp) {
    const ranges = xmpLocationRanges(latin1(blocks.xmp));
    if (ranges.length) {
      const at = locate(out, blocks.xmp);
      if (!at) return null;
      for (const [s, e] of ranges) out.fill(0x20, at[0] + s, at[0] + e);
    }
  }
  if (blocks.iptc) {
    const ranges = iptcLocationRanges(blocks.iptc);
    if (ranges.length) {
      const at = locate(out, blocks.iptc);
      if (!at) return null;
      for (const [s, e] of ranges) out.fill(0x20, at[0] + s, at[0] + e);
    }
  }
  if (isPng) fixPngCrcs(out);
  return out;
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** Where `block` sits in `file` (also without a leading "Exif\0\0" header). */
function locate(file: Uint8Array, block: Uint8Array): [number, number] | null {
  const f = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const b = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  let i = f.indexOf(b);
  if (i !== -1) return [i, i + b.length];
  if (b.length > 6 && b.subarray(0, 4).toString('latin1') === 'Exif') {
    i = f.indexOf(b.subarray(6));
    if (i !== -1) return [i, i + b.length - 6];
  }
  return null;
}

export function xmpLocationRanges(xmp: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of xmp.matchAll(XMP_ELEMENT_RE)) ranges.push([m.index, m.index + m[0].length]);
  // Attributes (rdf:Description exif:GPSLatitude="…"): blanking leaves valid XML.
  for (const m of xmp.matchAll(XMP_ATTR_RE)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Byte ranges of the location datasets' values in an IPTC block (Photoshop IRB or bare IIM). */
export function iptcLocationRanges(b: Uint8Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + 5 <= b.length; i++) {
    if (b[i] !== 0x1c || b[i + 1] !== 0x02) continue;
    const len = (b[i + 3] << 8) | b[i + 4];
    if (len & 0x8000 || i + 5 + len > b.length) continue;
    if (IPTC_LOCATION.has(b[i + 2]) && len > 0) ranges.push([i + 5, i + 5 + len]);
    i += 4 + len;
  }
  return ranges;
}

/** Recomputes the CRC of every PNG chunk (a changed eXIf or iTXt chunk must stay valid). */
function fixPngCrcs(png: Uint8Array): void {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let p = 8;
  while (p + 12 <= png.length) {
    const len = view.getUint32(p);
    if (p + 12 + len > png.length) break;
    view.setUint32(p + 8 + len, crc32(png.subarray(p + 4, p + 8 + len)));
    p += 12 + len;
  }
}
