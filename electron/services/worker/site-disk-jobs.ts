// What the disk worker does for one open site: the post list, git status, front-matter
// schema inference and the search index, each the same service class the main process used to
// run, now owned by the worker thread (disk-worker.ts). The main process reaches them through
// site-disk-worker.ts, by target name and method; this table says which targets exist.
import { rm } from 'node:fs/promises';
import { siteCacheFile } from '../fs/site-cache-file';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { PostLister } from '../site/list-posts';
import { SiteFields } from '../frontmatter/site-fields';
import type { SearchService } from '../search/search-service';
import type { Repo } from '../git/repo';
import type { RepoStatus } from '../git/status';
import { lazy } from '../lazy';
import { indexCacheFile } from '../search/index-cache';

// isomorphic-git and the search engine load on their first call, so the thread starts (and
// answers the first post list) without them.
const gitModules = lazy(async () => ({ ...(await import('../git/repo')), ...(await import('../git/status')) }));
const searchModule = lazy(() => import('../search/search-service'));

/** What the worker needs to know of the site and the app (plain data: it crosses threads). */
export interface DiskJobsConfig {
  site: SiteInfo;
  /** The app's data folder, for the post list's cache (null: memory only). */
  dataDir: string | null;
  /**
   * Which thread this is (site-disk-worker.ts): 'disk' runs the post list, git status and the
   * schema at normal priority; 'search' keeps the search index, below it. Absent: 'disk'.
   */
  role?: 'disk' | 'search';
}

/** Git status of the site's posts, with its repository found (again) until there is one. */
export class StatusJob {
  private repoP: Promise<Repo | null> | null = null;
  constructor(private readonly site: Pick<SiteInfo, 'root' | 'contentDir'>) {}

  private repo(): Promise<Repo | null> {
    this.repoP ??= gitModules().then((g) => g.findRepo(this.site.root, this.site.contentDir));
    return this.repoP.then((r) => {
      if (!r) this.repoP = null; // look again next time (the writer may have saved a first version)
      return r;
    });
  }

  /** Null when the site keeps no versions (the main process answers that case itself). */
  async repoStatus(paths?: string[]): Promise<RepoStatus | null> {
    const repo = await this.repo();
    return repo ? (await gitModules()).repoStatus(repo, paths) : null;
  }

  async shutdown(): Promise<void> {
    const repo = await this.repoP?.catch(() => null);
    repo?.scanner.close();
    await Promise.all([repo?.hasher.flush(), repo?.scanner.flush()]);
  }
}

/**
 * Where a site's post-list cache lives: in the app's data folder, one file per content folder
 * (named by a hash of its path). Not in the site's .git like the stat cache: a site need not
 * keep versions, the cache is of this machine's file times (meaningless on a clone), and the
 * writer's repository stays free of files that are not git's.
 */
export function listCacheFile(dataDir: string, contentDir: string): string {
  return siteCacheFile(dataDir, 'post-list-cache', contentDir, 'bin');
}

/** The file versions up to 3 kept (JSON; list-cache-format.ts): removed, never read. */
function oldListCacheFile(dataDir: string, contentDir: string): string {
  return siteCacheFile(dataDir, 'post-list-cache', contentDir, 'json');
}

export class SiteDiskJobs {
  readonly lister: PostLister;
  readonly status: StatusJob;
  readonly fields: SiteFields;
  private searchService: Promise<SearchService> | null = null;
  private readonly site: SiteInfo;
  private readonly dataDir: string | null;
  /** Post listings under way: everything else on this thread waits for them (listingsDone). */
  private listings = new Set<Promise<unknown>>();

  constructor(config: DiskJobsConfig) {
    const { site, dataDir } = config;
    this.lister = new PostLister(site.contentDir, dataDir ? listCacheFile(dataDir, site.contentDir) : null);
    if (dataDir) void rm(oldListCacheFile(dataDir, site.contentDir), { force: true }).catch(() => {});
    this.status = new StatusJob(site);
    this.fields = new SiteFields(site);
    this.site = site;
    this.dataDir = dataDir;
  }

  /** The search index, built on first use; its build steps aside while the post list is read. */
  search(): Promise<SearchService> {
    this.searchService ??= searchModule().then(({ SearchService }) => new SearchService(this.site, { pause: () => this.listingsDone(), cacheFile: this.dataDir ? indexCacheFile(this.dataDir, this.site.contentDir) : null }));
    return this.searchService;
  }

  /**
   * The post list goes first. The window waits for it (a writer sees nothing until it comes),
   * while git status, the schema and the search index can come a moment later; sharing the
   * thread with them made the first list of a 100,000-post site 2x slower. A call to anything
   * else starts once no listing is under way, and the index build pauses between slices.
   */
  noteListing<T>(p: Promise<T>): Promise<T> {
    const settled = p.catch(() => {});
    this.listings.add(settled);
    void settled.finally(() => this.listings.delete(settled));
    return p;
  }

  /** Resolves once no post listing is under way (at once when none is). */
  async listingsDone(): Promise<void> {
    while (this.listings.size) await Promise.all(this.listings);
  }

  /** The object a call is addressed to. */
  async target(name: string): Promise<object | null> {
    switch (name) {
      case 'lister':
        return this.lister;
      case 'status':
        return this.status;
      case 'fields':
        return this.fields;
      case 'search':
        return this.search();
      default:
        return null;
    }
  }

  /** Caches to disk (so the next launch reads no file it need not: the post list's, the search index's, git's stat cache). */
  async shutdown(): Promise<void> {
    const search = await this.searchService?.catch(() => null);
    await Promise.allSettled([this.lister.save(), this.status.shutdown(), search?.shutdown()]);
    this.lister.close(); // its stat helper threads
  }
}

/** The names a call may address. */
export type DiskTarget = 'lister' | 'status' | 'fields' | 'search' | 'worker';
