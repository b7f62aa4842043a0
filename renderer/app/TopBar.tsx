// The bar above everything: the app's name, the open site, "Settings…" and "Open Site…".
import type { SiteInfo } from '../../shared/ipc/channels/site';
import { SettingsButton } from '../settings';
import { SiteVersionsSummary } from '../history/SiteVersionsSummary';

interface Props {
  site: SiteInfo | null;
  onOpenSite(): void;
}

export function TopBar({ site, onOpenSite }: Props) {
  return (
    <header className="top-bar">
      <span className="app-name">Postwright</span>
      {site && (
        <span className="site-name" title={site.root}>
          {site.title || site.root}
        </span>
      )}
      <span className="top-gap" />
      {site && <SiteVersionsSummary />}
      <SettingsButton />
      <button type="button" onClick={onOpenSite}>
        Open Site…
      </button>
    </header>
  );
}
