// Gallery figures, through the real handler table and dispatch (as the renderer calls them):
// - import_20_photos_ms: twenty different 12-megapixel camera JPEGs (with GPS) imported into a
//   post in one call, each checked, scaled to 2400 px, GPS removed. Peer: sharp alone resizing
//   the same twenty files (the floor any import with resizing has to pay).
// - gallery_thumbs_ms: first paint of a bundle of 50 images (listing + 50 thumbnails) with a
//   cold thumbnail cache, previews asked for 4 at a time as the panel does. Peer: sharp alone
//   making the 50 thumbnails. gallery_first_screen_ms: listing + the first 12 previews.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { AppServices } from '../../electron/services/app-services';
import type { HostContext } from '../../electron/services/context';
import { createHandlerTable } from '../../electron/handlers';
import { createDispatch } from '../../shared/ipc/dispatch';
import { createApi, type Api } from '../../shared/ipc/client';
import { mapLimited } from '../../electron/services/images/limiter';

const POST = 'blog/driftwood/index.md';

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const runs = ctx.quick ? 1 : 3;
  const photos = await makePhotos(ctx, 20);
  const importSamples: number[] = [];
  const importPeer: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { api, root } = await openSite(ctx, `import-${r}`);
    const files = photos.map((p, i) => ({ name: `IMG_${1000 + i}.JPG`, dataBase64: p.toString('base64') }));
    const t0 = performance.now();
    const res = await api.importImages({ postPath: POST, files });
    importSamples.push(performance.now() - t0);
    if (res.imported.length !== 20 || res.imported.some((i) => !i.resized || !i.locationRemoved)) throw new Error(`import went wrong in ${root}`);
    const p0 = performance.now();
    await mapLimited(photos, availableParallelism(), (p) => sharp(p).rotate().resize(2400, 2400, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer());
    importPeer.push(performance.now() - p0);
  }

  const bundle = await makeBundle(ctx, 50);
  const thumbSamples: number[] = [];
  const firstScreen: number[] = [];
  const thumbCpu: number[] = [];
  const thumbPeer: number[] = [];
  for (let r = 0; r < (ctx.quick ? 2 : 5); r++) {
    const { api, root } = await openSite(ctx, `thumbs-${r}`, bundle);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const g = await api.listGallery({ postPath: POST });
    // As the panel asks: a few previews at a time, in card order; the first screen is 12 cards.
    const queue = g.images.map((i, n) => ({ i, n }));
    const thumbs: Array<{ dataUrl: string | null }> = [];
    let firstScreenAt = 0;
    let shown = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let q = queue.shift(); q; q = queue.shift()) {
          thumbs[q.n] = await api.getThumbnail({ sitePath: q.i.sitePath });
          if (q.n < 12 && ++shown === 12) firstScreenAt = performance.now() - t0;
        }
      }),
    );
    thumbSamples.push(performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    thumbCpu.push((cpu.user + cpu.system) / 1000);
    firstScreen.push(firstScreenAt);
    if (g.images.length !== 50 || thumbs.some((th) => !th.dataUrl)) throw new Error(`gallery went wrong in ${root}`);
    const p0 = performance.now();
    await mapLimited(Object.values(bundle), availableParallelism(), (b) => sharp(b).rotate().resize(300, 300, { fit: 'inside' }).webp({ quality: 70, effort: 2 }).toBuffer());
    thumbPeer.push(performance.now() - p0);
  }
  return [
    { name: 'import_20_photos_ms', ...summarize(importSamples), budget: 10_000, peer: 'peer_sharp_resize_20_ms', unit: 'ms' },
    { name: 'peer_sharp_resize_20_ms', ...summarize(importPeer), unit: 'ms', note: 'sharp resize only, no checks' },
    { name: 'gallery_thumbs_ms', ...summarize(thumbSamples), budget: 1000, peer: 'peer_sharp_thumbs_50_ms', unit: 'ms' },
    { name: 'peer_sharp_thumbs_50_ms', ...summarize(thumbPeer), unit: 'ms', note: 'sharp thumbnails only' },
    // CPU time of the whole process (libvips threads included): on a busy machine the wall time
    // above is mostly waiting for a core; this is the work itself.
    { name: 'gallery_thumbs_cpu_ms', ...summarize(thumbCpu), unit: 'ms', note: `CPU time over ${availableParallelism()} cores` },
    { name: 'gallery_first_screen_ms', ...summarize(firstScreen), unit: 'ms', note: 'listing + the first 12 previews' },
  ];
}

/** Twenty different 4000x3000 JPEGs with camera EXIF and GPS, made once. */
async function makePhotos(ctx: BenchContext, n: number): Promise<Buffer[]> {
  ctx.log(`making ${n} 12-megapixel photos`);
  const base = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 110, sigma: 18 } } })
    .blur(0.8)
    .png({ compressionLevel: 0 })
    .toBuffer();
  return mapLimited(Array.from({ length: n }, (_, i) => i), availableParallelism(), async (i) => {
    const patch = await sharp({ create: { width: 400, height: 300, channels: 3, background: `hsl(${i * 17}, 60%, 50%)` } }).png().toBuffer();
    return sharp(base)
      .composite([{ input: patch, left: 100 + i * 150, top: 200 }])
      .jpeg({ quality: 88 })
      .withExif({ IFD0: { Make: 'Lanternfish Labs', Model: 'Lantern One' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
      .toBuffer();
  });
}

/** Fifty images as a gallery holds them after import: 2400 px JPEGs, some PNG and WebP. */
async function makeBundle(ctx: BenchContext, n: number): Promise<Record<string, Buffer>> {
  ctx.log(`making a bundle of ${n} images`);
  const base = sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 18 } } }).blur(0.8);
  const raw = await base.png({ compressionLevel: 0 }).toBuffer();
  const out: Record<string, Buffer> = {};
  await mapLimited(Array.from({ length: n }, (_, i) => i), availableParallelism(), async (i) => {
    const s = sharp(raw).modulate({ hue: i * 7 });
    if (i % 10 === 8) out[`photo-${i}.png`] = await s.resize(1200).png().toBuffer();
    else if (i % 10 === 9) out[`photo-${i}.webp`] = await s.webp({ quality: 80 }).toBuffer();
    else out[`photo-${i}.jpg`] = await s.jpeg({ quality: 85 }).toBuffer();
  });
  return out;
}

async function openSite(ctx: BenchContext, name: string, images: Record<string, Buffer> = {}): Promise<{ api: Api; root: string }> {
  const root = join(ctx.tmpDir, `gallery-${name}`);
  const bundle = join(root, 'content/blog/driftwood');
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), 'title = "Driftwood Bench"\n');
  const names = Object.keys(images).sort();
  writeFileSync(join(bundle, 'index.md'), `---\ntitle: "Driftwood"\n---\n\n${names.map((n) => `![${n}](${n})`).join('\n\n')}\n`);
  for (const n of names) writeFileSync(join(bundle, n), images[n]);
  const settings = new Map<string, unknown>();
  const host: HostContext = {
    dataDir: mkdtempSync(join(ctx.tmpDir, 'gallery-data-')),
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: { get: async () => null, set: async () => {}, persistent: false },
    desktop: null,
    emit: () => {},
  };
  const app = new AppServices(host);
  await app.openSite(root);
  const dispatch = createDispatch(createHandlerTable(app));
  return { api: createApi({ call: (c, p) => dispatch(c, p), subscribe: () => () => {}, assetUrl: (p) => p }), root };
}
