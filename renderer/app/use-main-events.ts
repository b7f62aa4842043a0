// Subscribes to the events main sends (site opened, posts changed, a post changed on disk,
// menu commands, routed through menu-commands.ts first) for as long as the app is mounted.
// Handlers are read at event time, so re-renders do not resubscribe.
import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { api } from '../api';
import { runMenuCommand } from './menu-commands';

export type MainEventHandlers = { [E in EventName]?: (payload: EventPayload<E>) => void };

export function useMainEvents(handlers: MainEventHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const names: EventName[] = ['siteOpened', 'postsChanged', 'postChangedOnDisk', 'menuCommand', 'progress', 'watchTrouble'];
    const offs = names.map((name) =>
      api.on(name, (payload) => {
        // A menu command a feature registered (menu-commands.ts) goes to that feature; the
        // rest (save, openSite, openRecentSite, closePost) to the app shell's own handler.
        if (name === 'menuCommand') {
          const { command, arg } = payload as EventPayload<'menuCommand'>;
          if (runMenuCommand(command, arg)) return;
        }
        const h = latest.current[name] as ((p: unknown) => void) | undefined;
        h?.(payload);
      }),
    );
    return () => offs.forEach((off) => off());
  }, []);
}
