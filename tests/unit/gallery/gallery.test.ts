import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { galleryTestApp, type GalleryTestApp } from './test-app';
import { phoneJpeg, pngImage, SVG, webpImage, NOT_A_PNG } from './make-images';
import type { HostDesktop } from '../../../electron/services/context';

const POST = 'blog/driftwood/index.md';
const POST_TEXT = [
  '---',
  'title: "Driftwood Summit"',
  'images: ["images/shared/cover.png"]',
  '---',
  '',
  'Intro line.',
  '![The booth](booth.jpg)',
  '{{<figure src="stage.png" alt="The stage">}}',
  '![](crowd.webp)',
  '<img src="/images/shared/photo-1.png">',
  '![Gone](missing-one.png)',
  '<!-- ![Old](old.png) -->',
  '![Remote](https://cdn.example.com/x.png) ![Escape](../../../../etc/passwd)',
  'Outro line.',
  '',
].join('\n');

let t: GalleryTestApp;
let jpg: Buffer;
let png: Buffer;
let webp: Buffer;
beforeAll(async () => {
  jpg = await phoneJpeg(600, 400, 6);
  png = await pngImage();
  webp = await webpImage();
});
afterEach(async () => t?.close());

async function driftwood(extra: Record<string, string | Uint8Array> = {}, desktop: HostDesktop | null = null) {
  return galleryTestApp(
    {
      [`content/${POST}`]: POST_TEXT,
      'content/blog/driftwood/booth.jpg': jpg,
      'content/blog/driftwood/stage.png': png,
      'content/blog/driftwood/crowd.webp': webp,
      'content/blog/driftwood/unused.png': await pngImage(50, 50, '#ffffff'),
      'content/blog/driftwood/diagram.svg': SVG,
      'static/images/shared/cover.png': png,
      'static/images/shared/photo-1.png': png,
      ...extra,
    },
    desktop,
  );
}

describe('the gallery of a post', () => {
  it('lists bundle images and referenced static images with sizes, usages and missing ones', async () => {
    t = await driftwood();
    const g = await t.api.listGallery({ postPath: POST });
    const by = (name: string) => g.images.find((i) => i.name === name)!;
    expect(g.images.map((i) => i.name).sort()).toEqual(
      ['booth.jpg', 'cover.png', 'crowd.webp', 'diagram.svg', 'missing-one.png', 'old.png', 'photo-1.png', 'stage.png', 'unused.png'].sort(),
    );
    // Displayed size: the stored 600x400 photo is shown upright.
    expect(by('booth.jpg')).toMatchObject({ location: 'bundle', missing: false, width: 400, height: 600, format: 'jpeg', bytes: jpg.length });
    expect(by('booth.jpg').usages).toEqual([{ kind: 'markdown', src: 'booth.jpg', line: 7, alt: 'The booth', inComment: false }]);
    expect(by('stage.png').usages[0]).toMatchObject({ kind: 'figure', alt: 'The stage', line: 8 });
    expect(by('crowd.webp').usages[0].alt).toBeNull();
    expect(by('cover.png')).toMatchObject({ location: 'static', sitePath: 'static/images/shared/cover.png', usages: [{ kind: 'front-matter', line: 3 }] });
    expect(by('photo-1.png')).toMatchObject({ location: 'static', usages: [{ kind: 'html', line: 10 }] });
    expect(by('missing-one.png')).toMatchObject({ missing: true, bytes: null, usages: [{ line: 11 }] });
    expect(by('old.png')).toMatchObject({ missing: true, usages: [{ inComment: true }] });
    expect(by('unused.png').usages).toEqual([]);
    expect(by('diagram.svg')).toMatchObject({ format: 'svg', width: null });
    expect(g.others.map((o) => [o.status, o.src])).toEqual([
      ['external', 'https://cdn.example.com/x.png'],
      ['outside', '../../../../etc/passwd'],
    ]);
    expect(g.insertStyle).toBe('markdown');
    expect(g.importDir).toBe('content/blog/driftwood');
  });

  it('makes thumbnails once and serves them from the cache keyed by path, time and size', async () => {
    t = await driftwood();
    const th = await t.api.getThumbnail({ sitePath: 'content/blog/driftwood/booth.jpg' });
    expect(th.dataUrl).toMatch(/^data:image\/webp;base64,/);
    const cached = readdirSync(join(t.dataDir, 'thumbs'));
    expect(cached).toHaveLength(1);
    const again = await t.api.getThumbnail({ sitePath: 'content/blog/driftwood/booth.jpg' });
    expect(again.dataUrl).toBe(th.dataUrl);
    expect(readdirSync(join(t.dataDir, 'thumbs'))).toEqual(cached);
    // SVGs never get a rendered preview: the renderer shows them in an <img>.
    expect(await t.api.getThumbnail({ sitePath: 'content/blog/driftwood/diagram.svg' })).toMatchObject({ dataUrl: null, message: null });
  });

  it('never reads outside the site, nor a non-image', async () => {
    t = await driftwood({ 'content/blog/driftwood/fake.png': NOT_A_PNG });
    for (const sitePath of ['../../etc/passwd', 'content/../../etc/passwd.png', '/etc/passwd', 'hugo.toml', 'content/blog/driftwood/index.md']) {
      await expect(t.api.getThumbnail({ sitePath }), sitePath).rejects.toMatchObject({ code: 'outside-site' });
    }
    writeFileSync(join(t.dataDir, 'secret.png'), png);
    symlinkSync(join(t.dataDir, 'secret.png'), join(t.site.root, 'content/blog/driftwood/link.png'));
    await expect(t.api.getThumbnail({ sitePath: 'content/blog/driftwood/link.png' })).rejects.toMatchObject({ code: 'outside-site' });
    expect(await t.api.getThumbnail({ sitePath: 'content/blog/driftwood/fake.png' })).toMatchObject({ dataUrl: null, message: expect.stringMatching(/not be read/) });
  });

  it('counts broken references per post across the site', async () => {
    t = await driftwood({
      'content/blog/clean/index.md': '---\ntitle: Clean\n---\n![ok](ok.png)\n',
      'content/blog/clean/ok.png': png,
      'content/news/single.md': '---\ntitle: Single\n---\n![gone](/images/nowhere.png)\n![also](gone.png)\n',
    });
    const b = await t.api.listBrokenImages({});
    expect(b.posts.sort((x, y) => x.postPath.localeCompare(y.postPath))).toEqual([
      { postPath: POST, missing: 2 }, // missing-one.png and the path leaving the site
      { postPath: 'news/single.md', missing: 2 },
    ]);
    expect(b.total).toBe(4);
  });
});

describe('replacing a missing image', () => {
  it('points every reference to the missing file at another image, changing only those lines', async () => {
    t = await driftwood();
    const g = await t.api.listGallery({ postPath: POST });
    const res = await t.api.replaceMissingImage({ postPath: POST, sitePath: 'content/blog/driftwood/missing-one.png', src: 'unused.png', expectedHash: g.postHash });
    expect(res.changedReferences).toBe(1);
    expect(readFileSync(join(t.site.root, 'content', POST), 'utf8')).toBe(POST_TEXT.replace('![Gone](missing-one.png)', '![Gone](unused.png)'));
    const after = await t.api.listGallery({ postPath: POST });
    expect(after.images.find((i) => i.name === 'missing-one.png')).toBeUndefined();
    expect(after.images.find((i) => i.name === 'unused.png')?.usages).toHaveLength(1);
    expect((await t.api.listBrokenImages({})).posts).toEqual([{ postPath: POST, missing: 1 }]); // the path leaving the site
  });

  it('refuses, writing nothing, an address that is no image of the site, a stale post, or an image that is there', async () => {
    t = await driftwood();
    const file = join(t.site.root, 'content', POST);
    const g = await t.api.listGallery({ postPath: POST });
    const missing = 'content/blog/driftwood/missing-one.png';
    await expect(t.api.replaceMissingImage({ postPath: POST, sitePath: missing, src: 'nowhere.png' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('not an image of this site') });
    await expect(t.api.replaceMissingImage({ postPath: POST, sitePath: missing, src: '../../../../etc/passwd' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.api.replaceMissingImage({ postPath: POST, sitePath: missing, src: 'a b.png' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(t.api.replaceMissingImage({ postPath: POST, sitePath: 'content/blog/driftwood/stage.png', src: 'unused.png' })).rejects.toMatchObject({ code: 'conflict' });
    writeFileSync(file, POST_TEXT + 'More.\n');
    await expect(t.api.replaceMissingImage({ postPath: POST, sitePath: missing, src: 'unused.png', expectedHash: g.postHash })).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(readFileSync(file, 'utf8')).toBe(POST_TEXT + 'More.\n');
  });
});

describe('renaming and deleting', () => {
  it('renames the file and rewrites only the lines that use it, atomically', async () => {
    t = await driftwood();
    const g = await t.api.listGallery({ postPath: POST });
    const res = await t.api.renameImage({ postPath: POST, sitePath: 'content/blog/driftwood/stage.png', newName: 'Main Stage!', expectedHash: g.postHash });
    expect(res).toMatchObject({ name: 'main-stage.png', sitePath: 'content/blog/driftwood/main-stage.png', changedReferences: 1 });
    const after = readFileSync(join(t.site.root, 'content', POST), 'utf8');
    expect(after).toBe(POST_TEXT.replace('{{<figure src="stage.png"', '{{<figure src="main-stage.png"'));
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/stage.png'))).toBe(false);
    expect(readFileSync(join(t.site.root, 'content/blog/driftwood/main-stage.png'))).toEqual(png);
    expect(readdirSync(join(t.site.root, 'content/blog/driftwood')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a rename that would clash, break another post, or lose a change made meanwhile', async () => {
    t = await driftwood({ 'content/blog/other/index.md': '---\ntitle: Other\n---\n<img src="/images/shared/photo-1.png">\n' });
    const text = () => readFileSync(join(t.site.root, 'content', POST), 'utf8');
    await expect(t.api.renameImage({ postPath: POST, sitePath: 'content/blog/driftwood/stage.png', newName: 'booth.jpg' })).resolves.toMatchObject({ name: 'booth.png' });
    await expect(t.api.renameImage({ postPath: POST, sitePath: 'content/blog/driftwood/booth.png', newName: 'crowd.webp' })).resolves.toMatchObject({ name: 'crowd.png' });
    await expect(t.api.renameImage({ postPath: POST, sitePath: 'content/blog/driftwood/crowd.png', newName: 'unused' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already a file called "unused.png"') });
    await expect(t.api.renameImage({ postPath: POST, sitePath: 'static/images/shared/photo-1.png', newName: 'x' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('blog/other/index.md') });
    const before = text();
    await expect(t.api.renameImage({ postPath: POST, sitePath: 'content/blog/driftwood/booth.jpg', newName: 'x', expectedHash: 'stale' })).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(text()).toBe(before);
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/booth.jpg'))).toBe(true);
  });

  it('shows where an image is used and moves it to the trash', async () => {
    const trashed: string[] = [];
    const desktop: HostDesktop = {
      chooseFolder: async () => null,
      chooseFiles: async () => [],
      trash: async (p) => void trashed.push(p),
      addRecentDocument: () => {},
    };
    t = await driftwood({}, desktop);
    const usages = await t.api.findImageUsages({ sitePath: 'content/blog/driftwood/booth.jpg' });
    expect(usages).toEqual([{ postPath: POST, kind: 'markdown', src: 'booth.jpg', line: 7, alt: 'The booth', inComment: false }]);
    const res = await t.api.deleteImage({ sitePath: 'content/blog/driftwood/booth.jpg' });
    expect(res).toMatchObject({ trash: 'system', usages });
    expect(trashed).toEqual([join(t.site.root, 'content/blog/driftwood/booth.jpg')]);
  });

  it('without a system trash, keeps deleted images in the app trash folder', async () => {
    t = await driftwood();
    const res = await t.api.deleteImage({ sitePath: 'content/blog/driftwood/unused.png' });
    expect(res).toEqual({ trash: 'app', usages: [] });
    expect(existsSync(join(t.site.root, 'content/blog/driftwood/unused.png'))).toBe(false);
    expect(readdirSync(join(t.dataDir, 'trash'))[0]).toMatch(/-unused\.png$/);
    await expect(t.api.deleteImage({ sitePath: 'content/blog/driftwood/index.md' })).rejects.toMatchObject({ code: 'outside-site' });
    await expect(t.api.deleteImage({ sitePath: 'static/../../outside.png' })).rejects.toMatchObject({ code: 'outside-site' });
    expect(existsSync(join(t.site.root, 'content', POST))).toBe(true);
  });

  it('follows the figure shortcode when the site uses it more', async () => {
    // The post itself has 5 Markdown images (one commented out does not count) and 1 figure.
    t = await driftwood({
      'content/blog/a/index.md': '{{< figure src="a.png" >}}\n{{< figure src="b.png" >}}\n',
      'content/blog/b/index.md': '{{< figure src="c.png" >}}\n{{< figure src="d.png" >}}\n{{< figure src="e.png" >}}\n',
    });
    expect((await t.api.listGallery({ postPath: POST })).insertStyle).toBe('figure');
  });
});
