// Changing an image a post uses: renaming it (and every reference in the post, refused when
// other posts use it too), deleting it to the trash, and pointing a missing image's references
// at another image. The post's diff shows the changed references and nothing else.
import { lstat, mkdir, rename, stat, copyFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PostwrightError } from '../../../shared/ipc/errors';
import type { SiteUsage } from '../../../shared/ipc/channels/gallery';
import { findImageReferences } from '../../../shared/images/find-references';
import { renameImageReferences, replaceImageReferences } from '../../../shared/images/rename-references';
import { sanitizeImageName } from '../../../shared/images/file-names';
import { basenamePosix, dirnamePosix } from '../../../shared/images/site-paths';
import type { GallerySite } from './gallery-site';

export async function renameImage(g: GallerySite, req: { postPath: string; sitePath: string; newName: string; expectedHash?: string }) {
  const post = await g.posts.peek(req.postPath);
  if (req.expectedHash && req.expectedHash !== post.hash) {
    throw new PostwrightError('changed-on-disk', 'The post changed since it was opened. Save or reload it, then rename the image again.', { deleted: false });
  }
  const abs = await g.imageFile(req.sitePath);
  if (!(await stat(abs).then((s) => s.isFile(), () => false))) {
    throw new PostwrightError('not-found', `"${basenamePosix(req.sitePath)}" is missing, so it cannot be renamed.`);
  }
  const oldName = basenamePosix(req.sitePath);
  const ext = (/\.([^.]+)$/.exec(oldName)?.[1] ?? 'png').toLowerCase();
  const name = sanitizeImageName(req.newName, ext);
  if (name === oldName) return { sitePath: req.sitePath, name, changedReferences: 0, postHash: post.hash };
  const newSitePath = `${dirnamePosix(req.sitePath)}/${name}`;
  const newAbs = await g.inside(newSitePath);
  const taken = await lstat(newAbs).then(() => true, () => false);
  if (taken && name.toLowerCase() !== oldName.toLowerCase()) {
    throw new PostwrightError('conflict', `There is already a file called "${name}" there. Choose another name.`);
  }
  const others = [...new Set((await g.usages(req.sitePath)).map((u) => u.postPath))].filter((p) => p !== req.postPath);
  if (others.length) {
    throw new PostwrightError(
      'conflict',
      `"${oldName}" is also used by ${others.length === 1 ? 'another post' : `${others.length} other posts`} (${others.slice(0, 3).join(', ')}). Renaming it here would break ${others.length === 1 ? 'that post' : 'them'}.`,
    );
  }
  const refs = findImageReferences(post.raw, req.postPath, g.layout);
  const exists = await g.existing(refs, []);
  const result = renameImageReferences(post.raw, req.postPath, g.layout, req.sitePath, name, (p) => exists.has(p));
  if (result.unlocated.length) {
    const lines = result.unlocated.map((r) => r.line).join(', ');
    throw new PostwrightError('unsupported', `The reference to "${oldName}" on line ${lines} is written in a way Postwright cannot update, so nothing was renamed.`);
  }
  await rename(abs, newAbs);
  let postHash = post.hash;
  if (result.changed > 0) {
    try {
      postHash = (await g.posts.save({ path: req.postPath, raw: result.text, bom: post.bom, expectedHash: post.hash })).hash;
    } catch (e) {
      await rename(newAbs, abs).catch(() => {}); // the post was not saved: put the file back
      throw e;
    }
  }
  return { sitePath: newSitePath, name, changedReferences: result.changed, postHash };
}

/** Moves an image to the system trash (desktop) or the app's own trash folder (web host). */
export async function deleteImage(g: GallerySite, sitePath: string): Promise<{ trash: 'system' | 'app'; usages: SiteUsage[] }> {
  const abs = await g.imageFile(sitePath);
  if (!(await stat(abs).then((s) => s.isFile(), () => false))) {
    throw new PostwrightError('not-found', `"${basenamePosix(sitePath)}" is already gone.`);
  }
  const usages = await g.usages(sitePath);
  if (g.host.desktop) {
    await g.host.desktop.trash(abs);
    return { trash: 'system', usages };
  }
  const trashDir = join(g.host.dataDir, 'trash');
  await mkdir(trashDir, { recursive: true });
  const dest = join(trashDir, `${Date.now()}-${basenamePosix(sitePath)}`);
  try {
    await rename(abs, dest);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await copyFile(abs, dest);
    await unlink(abs);
  }
  return { trash: 'app', usages };
}

/**
 * Repairs a missing image in place: every reference in the post to the missing file is
 * rewritten to `src` (an image of the site, as the gallery writes it), so the post's diff shows
 * those lines only. Refused, with nothing written, when the post changed since it was opened,
 * when the image is not missing, or when `src` does not name an image that exists.
 */
export async function replaceMissingImage(g: GallerySite, req: { postPath: string; sitePath: string; src: string; expectedHash?: string }) {
  const post = await g.posts.peek(req.postPath);
  if (req.expectedHash && req.expectedHash !== post.hash) {
    throw new PostwrightError('changed-on-disk', 'The post changed since it was opened. Save or reload it, then replace the image again.');
  }
  const refs = findImageReferences(post.raw, req.postPath, g.layout);
  const exists = await g.existing(refs, []);
  if (exists.has(req.sitePath)) throw new PostwrightError('conflict', `"${basenamePosix(req.sitePath)}" is not missing any more, so there is nothing to replace.`);
  let result;
  try {
    result = replaceImageReferences(post.raw, req.postPath, g.layout, req.sitePath, req.src, (p) => exists.has(p));
  } catch (e) {
    throw new PostwrightError('invalid-request', (e as Error).message);
  }
  if (result.unlocated.length) {
    const lines = result.unlocated.map((r) => r.line).join(', ');
    throw new PostwrightError('unsupported', `The reference on line ${lines} is written in a way Postwright cannot update, so nothing was replaced.`);
  }
  if (result.changed === 0) throw new PostwrightError('not-found', `This post does not use "${basenamePosix(req.sitePath)}".`);
  // The new address must name an image that is there: check it as the published site would.
  const probe = findImageReferences(`![](${req.src})\n`, req.postPath, g.layout)[0];
  const target = probe && probe.status === 'local' ? probe.candidates : [];
  const found = await Promise.all(target.map((c) => g.inside(c).then((abs) => stat(abs).then((st) => st.isFile(), () => false), () => false)));
  if (!found.some(Boolean)) throw new PostwrightError('not-found', `"${req.src}" is not an image of this site, so nothing was replaced.`);
  const postHash = (await g.posts.save({ path: req.postPath, raw: result.text, bom: post.bom, expectedHash: post.hash })).hash;
  return { changedReferences: result.changed, postHash };
}
