// The menu's "Save Version" (command `saveVersion`): saves the editor's text to the file, then
// a version of the open post with the default message ("Update <title>"). Registered in the
// menu-command registry while the app shell is mounted.
import { api } from '../api';
import { describeError } from './describe-error';
import { gitStatus } from './git-status';
import { useMenuCommand } from './use-menu-command';

export interface SaveVersionCommandDeps {
  postPath: string | null;
  saveFirst(): Promise<boolean>;
  onDone(message: string): void;
  onError(message: string): void;
}

export function useSaveVersionCommand(deps: SaveVersionCommandDeps): void {
  useMenuCommand('saveVersion', () => {
    void saveVersionNow(deps);
  });
}

export async function saveVersionNow({ postPath, saveFirst, onDone, onError }: SaveVersionCommandDeps): Promise<void> {
  if (!postPath) return;
  const status = gitStatus.get().status;
  if (status && (!status.repository || !status.author)) {
    gitStatus.setSetupOpen(true); // the dialog asks what is missing
    return;
  }
  try {
    if (!(await saveFirst())) return;
    const { message } = await api.suggestVersionMessage({ path: postPath });
    const saved = await api.saveVersion({ path: postPath, message });
    onDone(saved.version ? `Version saved: “${saved.message}”.` : 'Nothing new to save: this text is already a version.');
    gitStatus.versionsChanged();
  } catch (e) {
    onError(describeError(e));
  } finally {
    void gitStatus.refresh();
  }
}
