// Turns the bytes of one dropped or picked file into the bytes to put in the bundle: checked to
// be a picture by its content, turned upright (EXIF orientation), scaled down when its long side
// is over the limit, HEIC converted to JPEG, and GPS/location removed. A photo that needs none of
// this is kept byte for byte; one that only carries location has it blanked in place (no
// re-encoding, no quality loss).
import sharp, { type Metadata, type Sharp } from 'sharp';
import { PostwrightError } from '../../../shared/ipc/errors';
import { EXTENSION_OF, sniffImageType, type ImageType } from './sniff';
import { hasLocation, scrubLocationInPlace, type MetadataBlocks } from './location-scrub';

export const DEFAULT_MAX_SIZE = 2400;
/** Larger files are refused before decoding (a phone photo is 2–15 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type OutputType = Exclude<ImageType, 'heic' | 'svg'>;

export interface PreparedImage {
  bytes: Uint8Array;
  type: OutputType;
  ext: string;
  width: number;
  height: number;
  resized: boolean;
  rotated: boolean;
  reencoded: boolean;
  locationRemoved: boolean;
  convertedFrom: 'heic' | null;
}

export async function prepareImage(input: Uint8Array, fileName: string, maxSize: number = DEFAULT_MAX_SIZE): Promise<PreparedImage> {
  const shown = fileName.length > 80 ? fileName.slice(0, 77) + '…' : fileName;
  if (input.length > MAX_IMPORT_BYTES) throw refuse(`"${shown}" is larger than 200 MB, too large to add to a post.`);
  const sniffed = sniffImageType(input);
  if (!sniffed) {
    throw refuse(`"${shown}" is not a picture Postwright can add (JPEG, PNG, WebP, GIF, AVIF or HEIC), so it was not imported.`);
  }
  if (sniffed === 'svg') {
    throw refuse(`"${shown}" is an SVG drawing. SVG files can hold scripts, so Postwright does not import them; add it to the site's static folder yourself.`);
  }
  const type: OutputType = sniffed === 'heic' ? 'jpeg' : sniffed;
  let meta: Metadata;
  try {
    meta = await sharp(input, { animated: true }).metadata();
  } catch {
    throw sniffed === 'heic' ? heicRefusal(shown) : refuse(`"${shown}" looks like a ${sniffed.toUpperCase()} picture but could not be read. It may be damaged.`);
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  const rotated = meta.orientation != null && meta.orientation !== 1;
  const resized = Math.max(width, height) > maxSize;
  const blocks: MetadataBlocks = { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc };
  const hadLocation = hasLocation(blocks);

  let bytes: Uint8Array | null = null;
  let reencoded = false;
  if (sniffed !== 'heic' && !resized && !rotated) {
    bytes = hadLocation ? scrubLocationInPlace(input, blocks, type === 'png') : input;
  }
  if (!bytes) {
    reencoded = true;
    try {
      bytes = await reencode(input, type, maxSize, (meta.pages ?? 1) > 1);
    } catch {
      throw sniffed === 'heic' ? heicRefusal(shown) : refuse(`"${shown}" could not be converted. It may be damaged.`);
    }
  }
  // Check the result, never trust the steps: it must read back as a picture without location.
  const out = await sharp(bytes, { animated: true }).metadata();
  const outBlocks: MetadataBlocks = { exif: out.exif, xmp: out.xmp, iptc: out.iptc };
  if (hasLocation(outBlocks)) {
    const scrubbed = scrubLocationInPlace(bytes, outBlocks, type === 'png');
    if (!scrubbed || hasLocation(await blocksOf(scrubbed))) {
      throw new PostwrightError('internal', `The location could not be removed from "${shown}", so it was not imported.`);
    }
    bytes = scrubbed;
  }
  return {
    bytes,
    type,
    ext: EXTENSION_OF[type],
    width: out.width ?? width,
    height: out.pageHeight ?? out.height ?? height,
    resized,
    rotated,
    reencoded,
    locationRemoved: hadLocation,
    convertedFrom: sniffed === 'heic' ? 'heic' : null,
  };
}

async function blocksOf(bytes: Uint8Array): Promise<MetadataBlocks> {
  const m = await sharp(bytes, { animated: true }).metadata();
  return { exif: m.exif, xmp: m.xmp, iptc: m.iptc };
}

/**
 * Upright, at most `maxSize` on the long side, in its own format. EXIF and the colour profile
 * are kept (sharp resets the orientation tag after `.rotate()`); XMP and IPTC are dropped
 * because they may hold place names. GPS in the kept EXIF is blanked by the caller's check.
 */
async function reencode(input: Uint8Array, type: OutputType, maxSize: number, animated: boolean): Promise<Uint8Array> {
  let s: Sharp = sharp(input, { animated })
    .rotate()
    .resize({ width: maxSize, height: maxSize, fit: 'inside', withoutEnlargement: true })
    .keepExif()
    .keepIccProfile();
  switch (type) {
    case 'jpeg':
      s = s.jpeg({ quality: 85 });
      break;
    case 'png':
      s = s.png({ compressionLevel: 6 });
      break;
    case 'webp':
      s = s.webp({ quality: 85 });
      break;
    case 'gif':
      s = s.gif();
      break;
    case 'avif':
      s = s.avif({ quality: 60, effort: 3 });
      break;
  }
  return new Uint8Array(await s.toBuffer());
}

function refuse(message: string): PostwrightError {
  return new PostwrightError('unsupported', message);
}

function heicRefusal(name: string): PostwrightError {
  return refuse(
    `"${name}" is a HEIC photo (the iPhone's own format), which this computer cannot convert. ` +
      'Export it as JPEG from your Photos app (or set the iPhone to Settings > Camera > Formats > Most Compatible) and import that.',
  );
}
