// The gallery of one open site, as the handlers see it: lists a post's images with their use,
// makes previews, imports photos into the post's bundle, renames, deletes and replaces images.
// Each job lives in its own module (listing, import, changes); this class holds the caches they
// share for the site's lifetime. Every path that arrives from the renderer is resolved inside
// the site (symlinks included) before anything is read (gallery-site.ts).
import { availableParallelism } from 'node:os';
import type { GalleryListing, ImportResult, SiteUsage } from '../../../shared/ipc/channels/gallery';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { missingImageKeys } from '../../../shared/images/find-references';
import type { InsertStyle } from '../../../shared/images/snippet';
import type { SiteLayout } from '../../../shared/images/types';
import type { HostContext } from '../context';
import type { PostService } from '../posts/post-service';
import { ThumbnailCache } from './thumbnails';
import { GallerySite } from './gallery-site';
import { PixelInfoCache } from './image-pixels';
import { listPostImages } from './gallery-listing';
import { ImageImporter, importDirOf, maxImageSize, type IncomingFile } from './gallery-import';
import { deleteImage, renameImage, replaceMissingImage } from './gallery-changes';

export type { IncomingFile } from './gallery-import';

export class GalleryService {
  readonly layout: SiteLayout;
  private g: GallerySite;
  private thumbs: ThumbnailCache;
  private pixels: PixelInfoCache;
  private importer: ImageImporter;

  constructor(site: SiteInfo, host: HostContext, posts: PostService) {
    this.g = new GallerySite(site, host, posts);
    this.layout = this.g.layout;
    this.thumbs = new ThumbnailCache(host.dataDir, Math.max(1, availableParallelism()));
    this.pixels = new PixelInfoCache(this.g);
    this.importer = new ImageImporter(this.g, this.pixels);
  }

  list(postPath: string): Promise<GalleryListing> {
    return listPostImages(this.g, this.pixels, postPath);
  }

  async thumbnail(sitePath: string): Promise<{ sitePath: string; dataUrl: string | null; message: string | null }> {
    const abs = await this.g.imageFile(sitePath);
    if (/\.svg$/i.test(sitePath)) return { sitePath, dataUrl: null, message: null };
    try {
      return { sitePath, dataUrl: await this.thumbs.dataUrl(sitePath, abs), message: null };
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      return { sitePath, dataUrl: null, message: missing ? 'This image is missing.' : 'This file could not be read as a picture.' };
    }
  }

  /** Where imports of a post go: its bundle, or static/images/<name>/ for a single-file post. */
  importDirOf(postPath: string): string {
    return importDirOf(this.layout, postPath);
  }

  maxSize(): number {
    return maxImageSize(this.g.host);
  }

  /** `signal`: the writer cancelled: photos not yet prepared are skipped and nothing is written. */
  importFiles(postPath: string, files: IncomingFile[], signal?: AbortSignal): Promise<ImportResult> {
    return this.importer.importFiles(postPath, files, signal);
  }

  insertStyle(): Promise<InsertStyle> {
    return this.g.insertStyle();
  }

  rename(req: { postPath: string; sitePath: string; newName: string; expectedHash?: string }) {
    return renameImage(this.g, req);
  }

  /** Every use of an image across the site's posts. */
  usages(sitePath: string): Promise<SiteUsage[]> {
    return this.g.usages(sitePath);
  }

  /** Moves an image to the system trash (desktop) or the app's own trash folder (web host). */
  delete(sitePath: string): Promise<{ trash: 'system' | 'app'; usages: SiteUsage[] }> {
    return deleteImage(this.g, sitePath);
  }

  /** Repairs a missing image in place (gallery-changes.ts). */
  replaceMissing(req: { postPath: string; sitePath: string; src: string; expectedHash?: string }) {
    return replaceMissingImage(this.g, req);
  }

  /** The posts of the site with images that are missing, and how many. */
  async broken(): Promise<{ posts: Array<{ postPath: string; missing: number }>; total: number }> {
    const scan = await this.g.index.scan();
    const posts = scan.posts
      .map((p) => ({ postPath: p.postPath, missing: missingImageKeys(p.refs, (x) => scan.files.has(x)).size }))
      .filter((p) => p.missing > 0);
    return { posts, total: posts.reduce((n, p) => n + p.missing, 0) };
  }
}
