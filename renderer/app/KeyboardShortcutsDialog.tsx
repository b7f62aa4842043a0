// Help → Keyboard Shortcuts (Ctrl+/): every shortcut of the app, from the one list the menus and
// the keys themselves use (shared/keyboard/shortcuts.ts), so the list cannot drift from them.
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';
import { displayKeys, SHORTCUTS, type Shortcut } from '../../shared/keyboard/shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const GROUPS: Shortcut['group'][] = ['Posts', 'Writing', 'Panels'];

export function KeyboardShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onCancel={onClose}>
      <div className="shortcuts-list">
        {GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <div key={s.keys} className="shortcut-row">
                  <dt>{s.action}</dt>
                  <dd>
                    <kbd>{displayKeys(s.keys, isMac)}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <DialogActions cancel="Close" onCancel={onClose} />
    </Dialog>
  );
}
