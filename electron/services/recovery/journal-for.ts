// Entry points for other code: the open site's journal, and the discard a save must do.
import { join } from 'node:path';
import type { AppServices } from '../app-services';
import type { RecoveryJournal } from './journal';
import { lazy } from '../lazy';

// The journal's code (with the post reader and the diff summary) loads on first use.
const journalModule = lazy(() => import('./journal'));

export async function journalFor(app: AppServices): Promise<RecoveryJournal> {
  const { RecoveryJournal } = await journalModule();
  return app.perSite('recovery', (site) => new RecoveryJournal(join(app.host.dataDir, 'recovery'), site));
}

/**
 * Call after a successful savePost: the text is on disk now, so its recovery copy goes. Never
 * fails the save (a leftover entry is dropped by journalList when it matches the disk).
 */
export async function discardJournalAfterSave(app: AppServices, path: string): Promise<void> {
  try {
    await (await journalFor(app)).discard(path);
  } catch {}
}
