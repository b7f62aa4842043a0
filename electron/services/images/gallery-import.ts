// Importing photos into a post: each is prepared (turned upright, resized, location removed,
// converted where browsers cannot show it) in parallel, then named and written one by one; a
// photo the folder already holds (same bytes before or after preparing) is reused, not copied.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ImportedImage, ImportResult } from '../../../shared/ipc/channels/gallery';
import { PostwrightError, stopIfCancelled } from '../../../shared/ipc/errors';
import { sanitizeImageName, uniqueName } from '../../../shared/images/file-names';
import { portableStem } from '../../../shared/paths/portable-name';
import { basenamePosix, bundleDirOf, isLeafBundle } from '../../../shared/images/site-paths';
import type { SiteLayout } from '../../../shared/images/types';
import { BRANCH_RE, withoutMarkdownExt } from '../../../shared/post/post-files';
import type { HostContext } from '../context';
import { assertPostExists } from '../posts/missing-post';
import { writeFileAtomic } from '../fs/atomic-write';
import { DEFAULT_MAX_SIZE, prepareImage, type PreparedImage } from './prepare-image';
import { IMAGE_EXT_RE } from './sniff';
import { mapLimited } from './limiter';
import type { GallerySite } from './gallery-site';
import type { PixelInfoCache } from './image-pixels';

/** A file to import: its bytes, or a way to read them when its turn comes (an upload on disk). */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; load(): Promise<Uint8Array> };

const bytesOf = (f: IncomingFile): Promise<Uint8Array> => ('bytes' in f ? Promise.resolve(f.bytes) : f.load());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Where imports of a post go: its bundle, or static/images/<name>/ for a single-file post. */
export function importDirOf(layout: SiteLayout, postPath: string): string {
  const name = basenamePosix(postPath);
  if (isLeafBundle(postPath) || BRANCH_RE.test(name)) return bundleDirOf(postPath, layout);
  const stem = withoutMarkdownExt(name).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${layout.staticDir}/images/${portableStem(stem || 'post', '-images')}`;
}

/** How a post refers to an image imported into `importDir`. */
function srcFor(layout: SiteLayout, importDir: string, name: string): string {
  if (importDir.startsWith(layout.staticDir + '/')) return `/${importDir.slice(layout.staticDir.length + 1)}/${name}`;
  return name;
}

/** The longest side a photo is resized to (the writer's setting, within sane bounds). */
export function maxImageSize(host: HostContext): number {
  const v = host.settings.get<number>('imageMaxSize');
  return typeof v === 'number' && Number.isFinite(v) && v >= 100 && v <= 20000 ? Math.round(v) : DEFAULT_MAX_SIZE;
}

export class ImageImporter {
  private hashes = new Map<string, { mtimeMs: number; size: number; hash: string }>();
  private workers = Math.max(1, availableParallelism());

  constructor(
    private g: GallerySite,
    private pixels: PixelInfoCache,
  ) {}

  /** `signal`: the writer cancelled: photos not yet prepared are skipped and nothing is written. */
  async importFiles(postPath: string, files: IncomingFile[], signal?: AbortSignal): Promise<ImportResult> {
    // Only into a post that exists: no folder is ever made for one that does not.
    await assertPostExists(await this.g.posts.locate(postPath), postPath);
    const dirRel = importDirOf(this.g.layout, postPath);
    const dirAbs = await this.g.inside(dirRel);
    const existing = await this.folderHashes(dirAbs);
    const maxSize = maxImageSize(this.g.host);
    const total = files.length;
    let done = 0;
    this.g.host.emit('progress', { task: 'import', done, total, label: files[0]?.name });
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
      this.g.host.emit('progress', { task: 'import', done: ++done, total, label: f.name });
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
      const info = prepared && !reused ? { width: prepared.width, height: prepared.height, bytes: prepared.bytes.length } : await this.pixels.sizeOf(sitePath);
      imported.push({
        original,
        sitePath,
        name,
        src: srcFor(this.g.layout, dirRel, name),
        reused,
        resized: !reused && !!prepared?.resized,
        locationRemoved: !reused && !!prepared?.locationRemoved,
        convertedFrom: reused ? null : prepared?.convertedFrom ?? null,
        ...info,
      });
    }
    return { imported, refused, insertStyle: await this.g.insertStyle() };
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
}
