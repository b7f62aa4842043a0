// What every part of the gallery shares about one open site: its layout, the site-wide image
// index, and the guarded way from a site path to a file. Every path that arrives from the
// renderer is resolved inside the site (symlinks included) before anything is read.
import { stat } from 'node:fs/promises';
import type { SiteUsage } from '../../../shared/ipc/channels/gallery';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { PostwrightError } from '../../../shared/ipc/errors';
import { targetOf } from '../../../shared/images/find-references';
import type { InsertStyle } from '../../../shared/images/snippet';
import { preferredStyle } from '../../../shared/images/style-counts';
import { siteLayoutOf } from '../../../shared/images/site-paths';
import type { ImageReference, SiteLayout } from '../../../shared/images/types';
import type { HostContext } from '../context';
import { resolveInside } from '../fs/safe-path';
import type { PostService } from '../posts/post-service';
import { IMAGE_EXT_RE } from './sniff';
import { mapLimited } from './limiter';
import { SiteImageIndex } from './site-image-index';

export class GallerySite {
  readonly layout: SiteLayout;
  readonly index: SiteImageIndex;

  constructor(
    readonly site: SiteInfo,
    readonly host: HostContext,
    readonly posts: PostService,
  ) {
    this.layout = siteLayoutOf(site);
    this.index = new SiteImageIndex(site.root, site.contentDir, this.layout);
  }

  /** Absolute path of a site-relative path, refused if it (or a symlink on the way) leaves the site. */
  inside(sitePath: string): Promise<string> {
    return resolveInside(this.site.root, this.site.root, sitePath);
  }

  /** An image file of the site's content or static folder. */
  async imageFile(sitePath: string): Promise<string> {
    const inArea = [this.layout.contentDir, this.layout.staticDir].some((d) => sitePath.startsWith(d + '/'));
    if (!inArea || !IMAGE_EXT_RE.test(sitePath)) {
      throw new PostwrightError('outside-site', `"${sitePath.slice(0, 200)}" is not an image of this site.`);
    }
    return this.inside(sitePath);
  }

  /** Which candidate paths of `refs` exist as files inside the site (symlinks out count as absent). */
  async existing(refs: ImageReference[], known: string[]): Promise<Set<string>> {
    const set = new Set(known);
    const candidates = new Set(refs.flatMap((r) => (r.status === 'local' ? r.candidates : [])));
    await mapLimited([...candidates].filter((c) => !set.has(c)), 16, async (c) => {
      const abs = await this.inside(c).catch(() => null);
      if (abs && (await stat(abs).then((s) => s.isFile(), () => false))) set.add(c);
    });
    return set;
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

  /** How the site's posts already write images, so an insert matches them. */
  async insertStyle(): Promise<InsertStyle> {
    return preferredStyle((await this.index.scan()).styles);
  }
}
