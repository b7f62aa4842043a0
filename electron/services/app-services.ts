// The services of one running app: the host's context, the open site, and per-site services
// created on first use (git, images, search...) and shut down when another site opens.
import { PostwrightError } from '../../shared/ipc/errors';
import type { SiteInfo } from '../../shared/ipc/channels/site';
import type { HostContext } from './context';
import { openSiteFolder } from './site/open-site';
import { removeLeftoverTempsUnder } from './fs/leftover-temps';

/** A per-site service may hold resources (watchers, caches); shutdown releases them. */
export interface SiteScoped {
  shutdown?(): Promise<void> | void;
}

export class AppServices {
  readonly host: HostContext;
  private current: SiteInfo | null = null;
  private scoped = new Map<string, object>();
  private openListeners: Array<(site: SiteInfo) => void> = [];
  /** The sweep of leftover temp files the last opened site started: how many it removed. */
  leftoversSwept: Promise<number> = Promise.resolve(0);

  constructor(host: HostContext) {
    this.host = host;
  }

  /** The open site, or a typed "no-site" error. */
  site(): SiteInfo {
    if (!this.current) throw new PostwrightError('no-site', 'No site is open. Choose File > Open Site… first.');
    return this.current;
  }

  currentSite(): SiteInfo | null {
    return this.current;
  }

  async openSite(dir: string): Promise<SiteInfo> {
    const site = await openSiteFolder(dir);
    await this.closeSite();
    this.current = site;
    this.host.settings.set('lastSite', site.root);
    const recent = (this.host.settings.get<string[]>('recentSites') ?? []).filter((r) => r !== site.root);
    this.host.settings.set('recentSites', [site.root, ...recent].slice(0, 10));
    this.host.desktop?.addRecentDocument(site.root);
    for (const l of this.openListeners) l(site);
    // Temp files of saves a crash interrupted: nobody will rename them any more. Swept in the
    // background: the walk reads every folder of the site (5-10 s at 100,000 posts), and the
    // post list must not wait for it. A save under way is never swept (isLeftover).
    this.leftoversSwept = removeLeftoverTempsUnder(site.root).catch(() => 0);
    return site;
  }

  /** Called after a site opens (e.g. to start a watcher). */
  onSiteOpened(listener: (site: SiteInfo) => void): void {
    this.openListeners.push(listener);
  }

  /**
   * A service bound to the open site, created once per site by `create` and shut down when the
   * site closes. `key` names the service (e.g. "git").
   */
  perSite<T extends object>(key: string, create: (site: SiteInfo) => T): T {
    const site = this.site();
    let s = this.scoped.get(key);
    if (!s) {
      s = create(site);
      this.scoped.set(key, s);
    }
    return s as T;
  }

  async closeSite(): Promise<void> {
    const services = [...this.scoped.values()];
    this.scoped.clear();
    await Promise.allSettled(services.map((s) => (s as SiteScoped).shutdown?.()));
    this.current = null;
  }
}
