// The menu's "Save Version…" (command `saveVersion`): shows the History tab with the version
// message focused and its default text ("Update <title>") selected, so the writer can type a
// message or just press Enter. Save version then saves the editor's text first, as the button does.
import { gitStatus } from '../history/git-status';
import { useMenuCommand } from './use-menu-command';

export function useSaveVersionCommand(hasPost: boolean, showHistoryTab: () => void): void {
  useMenuCommand('saveVersion', () => {
    if (!hasPost) return;
    gitStatus.setFocusMessage(true);
    showHistoryTab();
  });
}
