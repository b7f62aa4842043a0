// Who signs the versions: one name and email for the writer. The Settings dialog's Author
// fields say they are "used for new posts and for the versions you save", and the History tab
// asks for a name and email when it has none: both are the same two values. Versions take the
// Settings ones when they are complete; the History tab's dialog writes both places, so
// neither asks again and neither goes stale. The older `gitAuthor` key is still read, for a
// writer who entered a name in History before Settings had one.
import { GitAuthor as GitAuthorSchema, type GitAuthor } from '../../../shared/ipc/channels/git';
import { Settings } from '../../../shared/ipc/channels/settings';
import type { SettingsStore } from '../context';
import { readSettings, writeSettings } from '../settings/settings-service';

export const AUTHOR_KEY = 'gitAuthor';

/** The writer's name and email for versions, or null when none is complete yet. */
export function readAuthor(store: SettingsStore): GitAuthor | null {
  const { authorName, authorEmail } = readSettings(store);
  const fromSettings = GitAuthorSchema.safeParse({ name: authorName, email: authorEmail });
  if (fromSettings.success) return fromSettings.data;
  const stored = GitAuthorSchema.safeParse(store.get(AUTHOR_KEY));
  return stored.success ? stored.data : null;
}

/** Stores the name and email for versions, and in Settings' Author fields when they fit there. */
export function writeAuthor(store: SettingsStore, author: GitAuthor): GitAuthor {
  const a = GitAuthorSchema.parse(author);
  store.set(AUTHOR_KEY, a);
  // Settings asks for a real email address; a looser one stays for versions only.
  if (Settings.shape.authorName.safeParse(a.name).success && Settings.shape.authorEmail.safeParse(a.email).success) {
    writeSettings(store, { authorName: a.name, authorEmail: a.email });
  }
  return a;
}
