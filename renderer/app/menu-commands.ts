// Menu commands the native menus send (see MENU_COMMANDS in shared/ipc/preload-api.ts), routed
// to whoever owns the feature: a panel, dialog or bar registers its command while it is
// mounted, so the app shell need not know every feature. The latest registration of a command
// wins and unregistering gives it back to the one before (a dialog can take `find` from the
// editor while it is open). Plain data and functions, no React: tested under Node.
import type { MenuCommand } from '../../shared/ipc/preload-api';

export type MenuCommandHandler = (arg: string | undefined) => void;

export interface MenuCommandRegistry {
  /** Handles `command` until the returned function is called. */
  register(command: MenuCommand, handler: MenuCommandHandler): () => void;
  /** Runs the current handler; false when nobody handles the command (it is then ignored). */
  run(command: string, arg?: string): boolean;
  has(command: string): boolean;
}

export function createMenuCommandRegistry(): MenuCommandRegistry {
  // Per command, the handlers in registration order; the last one is current.
  const stacks = new Map<string, MenuCommandHandler[]>();
  return {
    register(command, handler) {
      // Wrapped so the same function registered twice is still two entries.
      const entry: MenuCommandHandler = (arg) => handler(arg);
      const stack = stacks.get(command) ?? [];
      stack.push(entry);
      stacks.set(command, stack);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const s = stacks.get(command);
        const i = s?.lastIndexOf(entry) ?? -1;
        if (s && i >= 0) s.splice(i, 1);
        if (s && s.length === 0) stacks.delete(command);
      };
    },
    run(command, arg) {
      const current = stacks.get(command)?.at(-1);
      if (!current) return false;
      current(arg);
      return true;
    },
    has: (command) => (stacks.get(command)?.length ?? 0) > 0,
  };
}

/** The renderer's one registry; use-main-events routes `menuCommand` events through it. */
export const menuCommands = createMenuCommandRegistry();

export const registerMenuCommand = (command: MenuCommand, handler: MenuCommandHandler): (() => void) => menuCommands.register(command, handler);
export const runMenuCommand = (command: string, arg?: string): boolean => menuCommands.run(command, arg);
