import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifReader from 'exif-reader';
import { ApiError } from '../../../shared/ipc/client';
import { galleryTestApp, b64, type GalleryTestApp } from './test-app';
import { bigPhoto, FAKE_HEIC, NOT_A_PNG, phoneJpeg, pngImage, SVG, webpImage } from './make-images';

const POST = 'blog/driftwood/index.md';
const POST_TEXT = '---\ntitle: "Driftwood"\n---\n\nHello.\n';
let t: GalleryTestApp;
let phone: Buffer;
let big: Buffer;

beforeAll(async () => {
  phone = await phoneJpeg();
  big = await bigPhoto();
});
afterEach(async () => t?.close());

const bundle = () => join(t.site.root, 'content/blog/driftwood');
const files = () => readdirSync(bundle()).sort();

async function gpsOf(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return m.exif ? exifReader(m.exif) : null;
}

describe('importing photos into a post', () => {
  it('turns a phone photo upright, removes GPS and keeps the camera tags', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const before = await gpsOf(phone);
    expect(before?.GPSInfo?.GPSLatitude).toEqual([51, 30, 12.34]);
    const res = await t.api.importImages({ postPath: POST, files: [{ name: 'IMG_2044.JPG', dataBase64: b64(phone) }] });
    expect(res.refused).toEqual([]);
    expect(res.imported).toMatchObject([{ name: 'img-2044.jpg', src: 'img-2044.jpg', sitePath: 'content/blog/driftwood/img-2044.jpg', locationRemoved: true, reused: false }]);
    const onDisk = readFileSync(join(bundle(), 'img-2044.jpg'));
    const meta = await sharp(onDisk).metadata();
    // Stored 600x400 with orientation 6: upright it is 400 wide, 600 tall, orientation reset.
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([400, 600, 1]);
    const exif = exifReader(meta.exif!);
    expect(exif.GPSInfo ?? {}).toEqual({});
    expect(exif.Image).toMatchObject({ Make: 'Lanternfish Labs', Model: 'Lantern One' });
    // The red stripe stored on top is now on the right edge.
    const { data, info } = await sharp(onDisk).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(px(info.width - 3, 300)[0]).toBeGreaterThan(200);
    expect(px(3, 300)[0]).toBeLessThan(100);
    expect(t.events.filter((e) => e.event === 'progress').at(-1)?.payload).toMatchObject({ task: 'import', done: 1, total: 1 });
  });

  it('blanks GPS in a PNG without re-encoding it (same size, pixels kept)', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const png = await pngImage(300, 200, '#e9c46a', true);
    expect((await gpsOf(png))?.GPSInfo?.GPSLongitudeRef).toBe('W');
    const res = await t.api.importImages({ postPath: POST, files: [{ name: 'Booth Photo.PNG', dataBase64: b64(png) }] });
    const out = readFileSync(join(bundle(), 'booth-photo.png'));
    expect(res.imported[0]).toMatchObject({ locationRemoved: true, resized: false });
    expect(out.length).toBe(png.length);
    expect((await gpsOf(out))?.GPSInfo ?? {}).toEqual({});
    expect(await sharp(out).raw().toBuffer()).toEqual(await sharp(png).raw().toBuffer());
  });

  it('keeps a clean WebP byte for byte', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const webp = await webpImage();
    await t.api.importImages({ postPath: POST, files: [{ name: 'crowd.webp', dataBase64: b64(webp) }] });
    expect(readFileSync(join(bundle(), 'crowd.webp'))).toEqual(webp);
  });

  it('scales a 6000 px photo down to the configured long side, in its own format, GPS removed', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const res = await t.api.importImages({ postPath: POST, files: [{ name: 'wide.jpg', dataBase64: b64(big) }] });
    expect(res.imported[0]).toMatchObject({ resized: true, width: 2400, height: 1600, locationRemoved: true });
    const out = readFileSync(join(bundle(), 'wide.jpg'));
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 2400, 1600]);
    expect(exifReader(meta.exif!).GPSInfo ?? {}).toEqual({});
    expect(exifReader(meta.exif!).Image?.Model).toBe('Big Lens');

    t.settings.set('imageMaxSize', 1000);
    const small = await t.api.importImages({ postPath: POST, files: [{ name: 'wide-again.jpg', dataBase64: b64(await bigPhoto(3000, 2000)) }] });
    expect(small.imported[0]).toMatchObject({ width: 1000, height: 667 });
  });

  it('reuses identical content instead of copying it twice', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const first = await t.api.importImages({ postPath: POST, files: [{ name: 'booth.jpg', dataBase64: b64(phone) }] });
    const again = await t.api.importImages({
      postPath: POST,
      files: [
        { name: 'IMG_9999.jpg', dataBase64: b64(phone) },
        { name: 'copy.png', dataBase64: b64(await pngImage()) },
        { name: 'copy-again.png', dataBase64: b64(await pngImage()) },
      ],
    });
    expect(again.imported.map((i) => [i.name, i.reused])).toEqual([
      [first.imported[0].name, true],
      ['copy.png', false],
      ['copy.png', true],
    ]);
    expect(files()).toEqual(['booth.jpg', 'copy.png', 'index.md']);
  });

  it('gives different pictures with the same name unique clean names', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT, 'content/blog/driftwood/img-0001.jpg': await phoneJpeg(100, 100, 1) });
    const res = await t.api.importImages({
      postPath: POST,
      files: [
        { name: 'IMG 0001.jpg', dataBase64: b64(await phoneJpeg(120, 80, 1)) },
        { name: 'img_0001.JPG', dataBase64: b64(await phoneJpeg(140, 80, 1)) },
      ],
    });
    expect(res.imported.map((i) => i.name)).toEqual(['img-0001-2.jpg', 'img-0001-3.jpg']);
  });

  it('refuses a .png that is not a picture, an SVG and an unconvertible HEIC in plain words, writing nothing', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    const res = await t.api.importImages({
      postPath: POST,
      files: [
        { name: 'logo.png', dataBase64: b64(NOT_A_PNG) },
        { name: 'drawing.svg', dataBase64: b64(SVG) },
        { name: 'IMG_5000.HEIC', dataBase64: b64(FAKE_HEIC) },
      ],
    });
    expect(res.imported).toEqual([]);
    expect(res.refused.map((r) => r.original)).toEqual(['logo.png', 'drawing.svg', 'IMG_5000.HEIC']);
    expect(res.refused[0].message).toMatch(/"logo.png" is not a picture/);
    expect(res.refused[1].message).toMatch(/SVG/);
    expect(res.refused[2].message).toMatch(/HEIC photo.*Export it as JPEG/);
    expect(files()).toEqual(['index.md']);
  });

  it('puts images of a single-file post under static/images and links them from the site root', async () => {
    t = await galleryTestApp({ 'content/news/launch-day.md': POST_TEXT });
    const res = await t.api.importImages({ postPath: 'news/launch-day.md', files: [{ name: 'Launch.webp', dataBase64: b64(await webpImage()) }] });
    expect(res.imported[0]).toMatchObject({ sitePath: 'static/images/launch-day/launch.webp', src: '/images/launch-day/launch.webp' });
    expect(existsSync(join(t.site.root, 'static/images/launch-day/launch.webp'))).toBe(true);
  });

  it('refuses a post path outside the site', async () => {
    t = await galleryTestApp({ [`content/${POST}`]: POST_TEXT });
    await expect(t.api.importImages({ postPath: '../../evil/index.md', files: [{ name: 'a.png', dataBase64: b64(await pngImage()) }] })).rejects.toMatchObject({ code: 'outside-site' });
    await expect(t.api.chooseAndImportImages({ postPath: POST })).rejects.toBeInstanceOf(ApiError);
  });
});
