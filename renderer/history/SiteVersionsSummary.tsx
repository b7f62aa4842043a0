// The top bar's word on versions: how many posts have changes not saved as versions, what is
// waiting to be sent to or received from the online copy, and the way into the settings (or,
// for a site that keeps no versions yet, the offer to start).
import { lazy, Suspense } from 'react';
import { useGitStatus, useSetupOpen, gitStatus } from './git-status';
import { RegionBoundary } from '../app/RegionBoundary';
import './versions.css';

// The dialog brings the versions UI (and its styles): loaded when first opened.
const VersionsSettingsDialog = lazy(() => import('./VersionsSettingsDialog').then((m) => ({ default: m.VersionsSettingsDialog })));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SiteVersionsSummary() {
  const status = useGitStatus();
  const setupOpen = useSetupOpen();
  if (!status) return null;
  const open = () => gitStatus.setSetupOpen(true);
  return (
    <>
      <div className="versions-summary" role="group" aria-label="Versions of this site">
        {status.repository ? (
          <>
            <span className={status.unsaved ? 'versions-unsaved' : 'versions-clean'}>
              {status.unsaved ? `${plural(status.unsaved, 'post', 'posts')} not saved as ${status.unsaved === 1 ? 'a version' : 'versions'}` : 'All posts saved as versions'}
            </span>
            {status.conflicts > 0 ? (
              <span className="versions-warn">Choose between versions to finish syncing</span>
            ) : (
              status.remoteUrl && (
                <span className="versions-sync" title="Versions waiting to be sent to, and received from, the online copy">
                  {status.ahead} to send · {status.behind} to receive
                </span>
              )
            )}
            <button type="button" className="quiet" onClick={open}>
              Versions…
            </button>
          </>
        ) : (
          <>
            <span className="versions-clean">No versions kept</span>
            <button type="button" className="quiet" onClick={open}>
              Set up versions…
            </button>
          </>
        )}
      </div>
      {/* Outside the summary, so the dialog does not inherit the bar's small one-line text. */}
      {setupOpen && (
        <RegionBoundary region="dialog" label="this dialog" className="dialog-error" action={{ label: 'Close', run: () => gitStatus.setSetupOpen(false) }}>
          <Suspense fallback={null}>
            <VersionsSettingsDialog status={status} />
          </Suspense>
        </RegionBoundary>
      )}
    </>
  );
}
