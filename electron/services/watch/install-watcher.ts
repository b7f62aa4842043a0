// Starts a watcher for each site the app opens; AppServices shuts it down when the site closes
// (the watcher is a per-site service with a shutdown()).
import type { AppServices } from '../app-services';
import { SiteWatcher, type WatcherOptions } from './site-watcher';

const latest = new WeakMap<AppServices, SiteWatcher>();

/** Call once per host, before the first site opens. */
export function installWatcher(app: AppServices, opts: WatcherOptions = {}): void {
  app.onSiteOpened(() => {
    const w = app.perSite('watcher', (site) => new SiteWatcher(site, app.host, opts));
    latest.set(app, w);
  });
}

/** The open site's watcher, if one was started (tests wait on its `ready`). */
export function siteWatcher(app: AppServices): SiteWatcher | null {
  return app.currentSite() ? (latest.get(app) ?? null) : null;
}
