// The gallery's listing of one post: the images of its bundle and every image its text refers
// to, each with where it is used, whether it is missing, and its size; plus the references the
// gallery cannot show (remote, outside the site).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GalleryImage, GalleryListing, OtherReference } from '../../../shared/ipc/channels/gallery';
import { findImageReferences, targetOf } from '../../../shared/images/find-references';
import { basenamePosix, bundleDirOf, isLeafBundle } from '../../../shared/images/site-paths';
import { BRANCH_RE } from '../../../shared/post/post-files';
import { IMAGE_EXT_RE } from './sniff';
import { mapLimited } from './limiter';
import type { GallerySite } from './gallery-site';
import type { PixelInfoCache } from './image-pixels';
import { importDirOf } from './gallery-import';

export async function listPostImages(g: GallerySite, pixels: PixelInfoCache, postPath: string): Promise<GalleryListing> {
  const post = await g.posts.peek(postPath);
  const refs = findImageReferences(post.raw, postPath, g.layout);
  const bundleDir = bundleDirOf(postPath, g.layout);
  const bundleFiles = await bundleImages(g, postPath);
  const exists = await g.existing(refs, bundleFiles);
  const byPath = new Map<string, GalleryImage>();
  const add = (sitePath: string, missing: boolean): GalleryImage => {
    let img = byPath.get(sitePath);
    if (!img) {
      img = {
        sitePath,
        name: basenamePosix(sitePath),
        location: sitePath.startsWith(bundleDir + '/') ? 'bundle' : sitePath.startsWith(g.layout.staticDir + '/') ? 'static' : 'content',
        missing,
        bytes: null,
        width: null,
        height: null,
        format: null,
        usages: [],
      };
      byPath.set(sitePath, img);
    }
    return img;
  };
  for (const f of bundleFiles) add(f, false);
  const others: OtherReference[] = [];
  for (const r of refs) {
    const usage = { kind: r.kind, src: r.src, line: r.line, alt: r.alt, inComment: r.inComment };
    const target = targetOf(r, (p) => exists.has(p));
    if (r.status !== 'local' || !target) others.push({ ...usage, status: r.status === 'local' ? 'outside' : r.status });
    else add(target, !exists.has(target)).usages.push(usage);
  }
  const images = [...byPath.values()];
  await mapLimited(images, 8, async (img) => {
    if (!img.missing) Object.assign(img, await pixels.of(img.sitePath));
  });
  return {
    postPath,
    postHash: post.hash,
    bundleDir,
    staticDir: g.layout.staticDir,
    importDir: importDirOf(g.layout, postPath),
    images,
    others,
    insertStyle: await g.insertStyle(),
  };
}

/** Images that belong to the post: all of a leaf bundle, the files beside an _index.md. */
async function bundleImages(g: GallerySite, postPath: string): Promise<string[]> {
  const name = basenamePosix(postPath);
  const leaf = isLeafBundle(postPath);
  if (!leaf && !BRANCH_RE.test(name)) return [];
  const dir = bundleDirOf(postPath, g.layout);
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const rel = stack.pop()!;
    const entries = await readdir(join(g.site.root, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory() && leaf) stack.push(`${rel}/${e.name}`);
      else if (e.isFile() && IMAGE_EXT_RE.test(e.name)) out.push(`${rel}/${e.name}`);
    }
  }
  return out.sort();
}
