// Real image files for the gallery tests, made with sharp: nothing is checked in.
import sharp from 'sharp';

/** Driftwood Summit's venue, as a phone would tag it. */
export const GPS_TAGS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '51/1 30/1 1234/100',
  GPSLongitudeRef: 'W',
  GPSLongitude: '0/1 7/1 5/1',
  GPSAltitude: '42/1',
};

function base(width: number, height: number, colour = '#2a6f97') {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

/**
 * A phone photo: JPEG whose pixels are stored sideways (EXIF orientation 6: shown rotated 90°),
 * with camera make/model and GPS position. A red stripe marks the stored top row so the tests
 * can tell which way up the result is.
 */
export async function phoneJpeg(width = 600, height = 400, orientation = 6): Promise<Buffer> {
  const stripe = await sharp({ create: { width, height: Math.max(4, Math.round(height / 10)), channels: 3, background: '#ff0000' } }).png().toBuffer();
  return base(width, height)
    .composite([{ input: stripe, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .withExif({ IFD0: { Make: 'Lanternfish Labs', Model: 'Lantern One' }, IFD3: GPS_TAGS })
    .toBuffer();
}

export async function pngImage(width = 300, height = 200, colour = '#e9c46a', withGps = false): Promise<Buffer> {
  const s = base(width, height, colour).png();
  return withGps ? s.withExif({ IFD0: { Make: 'Lanternfish Labs' }, IFD3: GPS_TAGS }).toBuffer() : s.toBuffer();
}

export async function webpImage(width = 320, height = 240, colour = '#264653'): Promise<Buffer> {
  return base(width, height, colour).webp({ quality: 80 }).toBuffer();
}

/** A big camera photo (noise, so it compresses like a real one). */
export async function bigPhoto(width = 6000, height = 4000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'Lanternfish Labs', Model: 'Big Lens' }, IFD3: GPS_TAGS })
    .toBuffer();
}

/** A text file with a .png name. */
export const NOT_A_PNG = Buffer.from('#!/bin/sh\necho "this is not a picture"\n');

/** The start of a HEIC file (ISO media, brand heic): sniffed as HEIC, not decodable. */
export const FAKE_HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.alloc(64),
]);

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
