// The gallery of one open site: lists a post's images with their use, makes previews, imports
// photos into the post's bundle, renames and deletes images. Every path that arrives from the
// renderer is resolved inside the site (symlinks included) before anything is read.
import { lstat, mkdir, readdir, readFile, rename, stat, copyFile, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type {
  GalleryImage,
  GalleryListing,
  ImportedImage,
  ImportResult,
  OtherReference,
  SiteUsage,
} from '../../../shared/ipc/channels/gallery';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { PostwrightError, stopIfCancelled } from '../../../shared/ipc/errors';
import { findImageReferences, missingImageKeys, targetOf } from '../../../shared/images/find-references';
import { renameImageReferences, replaceImageReferences } from '../../../shared/images/rename-references';
import type { InsertStyle } from '../../../shared/images/snippet';
import { preferredStyle } from '../../../shared/images/style-counts';
import { sanitizeImageName, uniqueName } from '../../../shared/images/file-names';
import { portableStem } from '../../../shared/paths/portable-name';
import { assertPostExists } from '../posts/missing-post';
import { basenamePosix, bundleDirOf, dirnamePosix, isLeafBundle, siteLayoutOf } from '../../../shared/images/site-paths';
import type { ImageReference, SiteLayout } from '../../../shared/images/types';
import type { HostContext } from '../context';
import { resolveInside } from '../fs/safe-path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PostService } from '../posts/post-service';
import { DEFAULT_MAX_SIZE, prepareImage, type PreparedImage } from './prepare-image';
import { IMAGE_EXT_RE } from './sniff';
import { ThumbnailCache } from './thumbnails';
import { mapLimited } from './limiter';
import { SiteImageIndex } from './site-image-index';
import { BRANCH_RE } from '../../../shared/post/post-files';

interface PixelInfo {
  mtimeMs: number;
  size: number;
  width: number | null;
  height: number | null;
  format: string | null;
}

/** A file to import: its bytes, or a way to read them when its turn comes (an upload on disk). */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; load(): Promise<Uint8Array> };

const bytesOf = (f: IncomingFile): Promise<Uint8Array> => ('bytes' in f ? Promise.resolve(f.bytes) : f.load());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export class GalleryService {
  readonly layout: SiteLayout;
  private thumbs: ThumbnailCache;
  private index: SiteImageIndex;
  private pixels = new Map<string, PixelInfo>();
  private hashes = new Map<string, { mtimeMs: number; size: number; hash: string }>();
  private workers = Math.max(1, availableParallelism());

  constructor(
    private site: SiteInfo,
    private host: HostContext,
    private posts: PostService,
  ) {
    this.layout = siteLayoutOf(site);
    this.thumbs = new ThumbnailCache(host.dataDir, this.workers);
    this.index = new SiteImageIndex(site.root, site.contentDir, this.layout);
  }

  // ---- listing -------------------------------------------------------------------------------

  async list(postPath: string): Promise<GalleryListing> {
    const post = await this.posts.peek(postPath);
    const refs = findImageReferences(post.raw, postPath, this.layout);
    const bundleDir = bundleDirOf(postPath, this.layout);
    const bundleFiles = await this.bundleImages(postPath);
    const exists = await this.existing(refs, bundleFiles);
    const byPath = new Map<string, GalleryImage>();
    const add = (sitePath: string, missing: boolean): GalleryImage => {
      let img = byPath.get(sitePath);
      if (!img) {
        img = {
          sitePath,
          name: basenamePosix(sitePath),
          location: sitePath.startsWith(bundleDir + '/') ? 'bundle' : sitePath.startsWith(this.layout.staticDir + '/') ? 'static' : 'content',
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
      if (!img.missing) Object.assign(img, await this.pixelInfo(img.sitePath));
    });
    return {
      postPath,
      postHash: post.hash,
      bundleDir,
      staticDir: this.layout.staticDir,
      importDir: this.importDirOf(postPath),
      images,
      others,
      insertStyle: await this.insertStyle(),
    };
  }

  /** Images that belong to the post: all of a leaf bundle, the files beside an _index.md. */
  private async bundleImages(postPath: string): Promise<string[]> {
    const name = basenamePosix(postPath);
    const leaf = isLeafBundle(postPath);
    if (!leaf && !BRANCH_RE.test(name)) return [];
    const dir = bundleDirOf(postPath, this.layout);
    const out: string[] = [];
    const stack = [dir];
    while (stack.length) {
      const rel = stack.pop()!;
      const entries = await readdir(join(this.site.root, rel), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        if (e.isDirectory() && leaf) stack.push(`${rel}/${e.name}`);
        else if (e.isFile() && IMAGE_EXT_RE.test(e.name)) out.push(`${rel}/${e.name}`);
      }
    }
    return out.sort();
  }

  /** Which candidate paths of `refs` exist as files inside the site (symlinks out count as absent). */
  private async existing(refs: ImageReference[], known: string[]): Promise<Set<string>> {
    const set = new Set(known);
    const candidates = new Set(refs.flatMap((r) => (r.status === 'local' ? r.candidates : [])));
    await mapLimited([...candidates].filter((c) => !set.has(c)), 16, async (c) => {
      const abs = await this.inside(c).catch(() => null);
      if (abs && (await stat(abs).then((s) => s.isFile(), () => false))) set.add(c);
    });
    return set;
  }

  private async pixelInfo(sitePath: string): Promise<Omit<PixelInfo, 'mtimeMs' | 'size'> & { bytes: number | null }> {
    const abs = await this.inside(sitePath);
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

  // ---- previews ------------------------------------------------------------------------------

  async thumbnail(sitePath: string): Promise<{ sitePath: string; dataUrl: string | null; message: string | null }> {
    const abs = await this.imageFile(sitePath);
    if (/\.svg$/i.test(sitePath)) return { sitePath, dataUrl: null, message: null };
    try {
      return { sitePath, dataUrl: await this.thumbs.dataUrl(sitePath, abs), message: null };
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      return { sitePath, dataUrl: null, message: missing ? 'This image is missing.' : 'This file could not be read as a picture.' };
    }
  }

  // ---- import --------------------------------------------------------------------------------

  /** Where imports of a post go: its bundle, or static/images/<name>/ for a single-file post. */
  importDirOf(postPath: string): string {
    const name = basenamePosix(postPath);
    if (isLeafBundle(postPath) || /^_index\./i.test(name)) return bundleDirOf(postPath, this.layout);
    const stem = name.replace(/\.(md|markdown)$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return `${this.layout.staticDir}/images/${portableStem(stem || 'post', '-images')}`;
  }

  private srcFor(importDir: string, name: string): string {
    if (importDir.startsWith(this.layout.staticDir + '/')) return `/${importDir.slice(this.layout.staticDir.length + 1)}/${name}`;
    return name;
  }

  maxSize(): number {
    const v = this.host.settings.get<number>('imageMaxSize');
    return typeof v === 'number' && Number.isFinite(v) && v >= 100 && v <= 20000 ? Math.round(v) : DEFAULT_MAX_SIZE;
  }

  /** `signal`: the writer cancelled: photos not yet prepared are skipped and nothing is written. */
  async importFiles(postPath: string, files: IncomingFile[], signal?: AbortSignal): Promise<ImportResult> {
    // Only into a post that exists: no folder is ever made for one that does not.
    await assertPostExists(await this.posts.locate(postPath), postPath);
    const dirRel = this.importDirOf(postPath);
    const dirAbs = await this.inside(dirRel);
    const existing = await this.folderHashes(dirAbs);
    const maxSize = this.maxSize();
    const total = files.length;
    let done = 0;
    this.host.emit('progress', { task: 'import', done, total, label: files[0]?.name });
    type Step = { inputHash: string; prepared: PreparedImage | null; error: string | null };
    const steps = await mapLimited(files, this.workers, async (f): Promise<Step> => {
      stopIfCancelled(signal);
      const bytes = await bytesOf(f);
      const inputHash = sha256(bytes);
      let step: Step;
      if (existing.byHash.has(inputHash)) step = { inputHash, prepared: null, error: null };
      else {
        try {
          step = { inputHash, prepared: await prepareImage(bytes, f.name, maxSize), error: null };
        } catch (e) {
          if (!(e instanceof PostwrightError)) throw e;
          step = { inputHash, prepared: null, error: e.message };
        }
      }
      this.host.emit('progress', { task: 'import', done: ++done, total, label: f.name });
      return step;
    });
    // Names are chosen and files written one by one, in the order given, so two photos called
    // IMG_0001.JPG become img-0001.jpg and img-0001-2.jpg deterministically.
    const imported: ImportedImage[] = [];
    const refused: ImportResult['refused'] = [];
    stopIfCancelled(signal);
    if (steps.some((s) => s.prepared)) await mkdir(dirAbs, { recursive: true });
    for (let i = 0; i < files.length; i++) {
      const { inputHash, prepared, error } = steps[i];
      const original = files[i].name;
      if (error) {
        refused.push({ original, message: error });
        continue;
      }
      const outHash = prepared ? sha256(prepared.bytes) : inputHash;
      const same = existing.byHash.get(inputHash) ?? existing.byHash.get(outHash);
      let name: string;
      let reused = false;
      if (same) {
        name = same;
        reused = true;
      } else {
        const p = prepared!;
        name = uniqueName(sanitizeImageName(original, p.ext), (n) => existing.names.has(n));
        await writeFileAtomic(join(dirAbs, name), p.bytes);
        existing.names.add(name.toLowerCase());
        existing.byHash.set(outHash, name);
        existing.byHash.set(inputHash, name);
      }
      const sitePath = `${dirRel}/${name}`;
      const info = prepared && !reused ? { width: prepared.width, height: prepared.height, bytes: prepared.bytes.length } : await this.sizeOf(sitePath);
      imported.push({
        original,
        sitePath,
        name,
        src: this.srcFor(dirRel, name),
        reused,
        resized: !reused && !!prepared?.resized,
        locationRemoved: !reused && !!prepared?.locationRemoved,
        convertedFrom: reused ? null : prepared?.convertedFrom ?? null,
        ...info,
      });
    }
    return { imported, refused, insertStyle: await this.insertStyle() };
  }

  private async sizeOf(sitePath: string): Promise<{ width: number; height: number; bytes: number }> {
    const info = await this.pixelInfo(sitePath);
    return { width: info.width ?? 0, height: info.height ?? 0, bytes: info.bytes ?? 0 };
  }

  /** Names (lower case) and content hashes of the files already in an import folder. */
  private async folderHashes(dirAbs: string): Promise<{ names: Set<string>; byHash: Map<string, string> }> {
    const names = new Set<string>();
    const byHash = new Map<string, string>();
    const entries = await readdir(dirAbs, { withFileTypes: true }).catch(() => []);
    for (const e of entries) names.add(e.name.toLowerCase());
    await mapLimited(
      entries.filter((e) => e.isFile() && IMAGE_EXT_RE.test(e.name)),
      8,
      async (e) => {
        const hash = await this.fileHash(join(dirAbs, e.name));
        if (hash && !byHash.has(hash)) byHash.set(hash, e.name);
      },
    );
    return { names, byHash };
  }

  /** sha256 of a file, remembered by modification time and size (bundles hold big photos). */
  private async fileHash(abs: string): Promise<string | null> {
    const st = await stat(abs).catch(() => null);
    if (!st) return null;
    const hit = this.hashes.get(abs);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.hash;
    const bytes = await readFile(abs).catch(() => null);
    if (!bytes) return null;
    const hash = sha256(bytes);
    this.hashes.set(abs, { mtimeMs: st.mtimeMs, size: st.size, hash });
    return hash;
  }

  // ---- insert style --------------------------------------------------------------------------

  async insertStyle(): Promise<InsertStyle> {
    return preferredStyle((await this.index.scan()).styles);
  }

  // ---- rename and delete ---------------------------------------------------------------------

  async rename(req: { postPath: string; sitePath: string; newName: string; expectedHash?: string }) {
    const post = await this.posts.peek(req.postPath);
    if (req.expectedHash && req.expectedHash !== post.hash) {
      throw new PostwrightError('changed-on-disk', 'The post changed since it was opened. Save or reload it, then rename the image again.', { deleted: false });
    }
    const abs = await this.imageFile(req.sitePath);
    if (!(await stat(abs).then((s) => s.isFile(), () => false))) {
      throw new PostwrightError('not-found', `"${basenamePosix(req.sitePath)}" is missing, so it cannot be renamed.`);
    }
    const oldName = basenamePosix(req.sitePath);
    const ext = (/\.([^.]+)$/.exec(oldName)?.[1] ?? 'png').toLowerCase();
    const name = sanitizeImageName(req.newName, ext);
    if (name === oldName) return { sitePath: req.sitePath, name, changedReferences: 0, postHash: post.hash };
    const newSitePath = `${dirnamePosix(req.sitePath)}/${name}`;
    const newAbs = await this.inside(newSitePath);
    const taken = await lstat(newAbs).then(() => true, () => false);
    if (taken && name.toLowerCase() !== oldName.toLowerCase()) {
      throw new PostwrightError('conflict', `There is already a file called "${name}" there. Choose another name.`);
    }
    const others = [...new Set((await this.usages(req.sitePath)).map((u) => u.postPath))].filter((p) => p !== req.postPath);
    if (others.length) {
      throw new PostwrightError(
        'conflict',
        `"${oldName}" is also used by ${others.length === 1 ? 'another post' : `${others.length} other posts`} (${others.slice(0, 3).join(', ')}). Renaming it here would break ${others.length === 1 ? 'that post' : 'them'}.`,
      );
    }
    const refs = findImageReferences(post.raw, req.postPath, this.layout);
    const exists = await this.existing(refs, []);
    const result = renameImageReferences(post.raw, req.postPath, this.layout, req.sitePath, name, (p) => exists.has(p));
    if (result.unlocated.length) {
      const lines = result.unlocated.map((r) => r.line).join(', ');
      throw new PostwrightError('unsupported', `The reference to "${oldName}" on line ${lines} is written in a way Postwright cannot update, so nothing was renamed.`);
    }
    await rename(abs, newAbs);
    let postHash = post.hash;
    if (result.changed > 0) {
      try {
        postHash = (await this.posts.save({ path: req.postPath, raw: result.text, bom: post.bom, expectedHash: post.hash })).hash;
      } catch (e) {
        await rename(newAbs, abs).catch(() => {}); // the post was not saved: put the file back
        throw e;
      }
    }
    return { sitePath: newSitePath, name, changedReferences: result.changed, postHash };
  }

  /** Every use of an image across the site's posts. */
  async usages(sitePath: string): Promise<SiteUsage[]> {
    const scan = await this.index.scan();
    const out: SiteUsage[] = [];
    for (const p of scan.posts) {
      for (const r of p.refs) {
        if (targetOf(r, (x) => scan.files.has(x)) === sitePath) {
          out.push({ postPath: p.postPath, kind: r.kind, src: r.src, line: r.line, alt: r.alt, inComment: r.inComment });
        }
      }
    }
    return out;
  }

  /** Moves an image to the system trash (desktop) or the app's own trash folder (web host). */
  async delete(sitePath: string): Promise<{ trash: 'system' | 'app'; usages: SiteUsage[] }> {
    const abs = await this.imageFile(sitePath);
    if (!(await stat(abs).then((s) => s.isFile(), () => false))) {
      throw new PostwrightError('not-found', `"${basenamePosix(sitePath)}" is already gone.`);
    }
    const usages = await this.usages(sitePath);
    if (this.host.desktop) {
      await this.host.desktop.trash(abs);
      return { trash: 'system', usages };
    }
    const trashDir = join(this.host.dataDir, 'trash');
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
  async replaceMissing(req: { postPath: string; sitePath: string; src: string; expectedHash?: string }) {
    const post = await this.posts.peek(req.postPath);
    if (req.expectedHash && req.expectedHash !== post.hash) {
      throw new PostwrightError('changed-on-disk', 'The post changed since it was opened. Save or reload it, then replace the image again.');
    }
    const refs = findImageReferences(post.raw, req.postPath, this.layout);
    const exists = await this.existing(refs, []);
    if (exists.has(req.sitePath)) throw new PostwrightError('conflict', `"${basenamePosix(req.sitePath)}" is not missing any more, so there is nothing to replace.`);
    let result;
    try {
      result = replaceImageReferences(post.raw, req.postPath, this.layout, req.sitePath, req.src, (p) => exists.has(p));
    } catch (e) {
      throw new PostwrightError('invalid-request', (e as Error).message);
    }
    if (result.unlocated.length) {
      const lines = result.unlocated.map((r) => r.line).join(', ');
      throw new PostwrightError('unsupported', `The reference on line ${lines} is written in a way Postwright cannot update, so nothing was replaced.`);
    }
    if (result.changed === 0) throw new PostwrightError('not-found', `This post does not use "${basenamePosix(req.sitePath)}".`);
    // The new address must name an image that is there: check it as the published site would.
    const probe = findImageReferences(`![](${req.src})\n`, req.postPath, this.layout)[0];
    const target = probe && probe.status === 'local' ? probe.candidates : [];
    const found = await Promise.all(target.map((c) => this.inside(c).then((abs) => stat(abs).then((st) => st.isFile(), () => false), () => false)));
    if (!found.some(Boolean)) throw new PostwrightError('not-found', `"${req.src}" is not an image of this site, so nothing was replaced.`);
    const postHash = (await this.posts.save({ path: req.postPath, raw: result.text, bom: post.bom, expectedHash: post.hash })).hash;
    return { changedReferences: result.changed, postHash };
  }

  // ---- broken references ---------------------------------------------------------------------

  async broken(): Promise<{ posts: Array<{ postPath: string; missing: number }>; total: number }> {
    const scan = await this.index.scan();
    const posts = scan.posts
      .map((p) => ({ postPath: p.postPath, missing: missingImageKeys(p.refs, (x) => scan.files.has(x)).size }))
      .filter((p) => p.missing > 0);
    return { posts, total: posts.reduce((n, p) => n + p.missing, 0) };
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** Absolute path of a site-relative path, refused if it (or a symlink on the way) leaves the site. */
  private inside(sitePath: string): Promise<string> {
    return resolveInside(this.site.root, this.site.root, sitePath);
  }

  /** An image file of the site's content or static folder. */
  private async imageFile(sitePath: string): Promise<string> {
    const inArea = [this.layout.contentDir, this.layout.staticDir].some((d) => sitePath.startsWith(d + '/'));
    if (!inArea || !IMAGE_EXT_RE.test(sitePath)) {
      throw new PostwrightError('outside-site', `"${sitePath.slice(0, 200)}" is not an image of this site.`);
    }
    return this.inside(sitePath);
  }
}
