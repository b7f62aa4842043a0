// Handles a native menu command for as long as the calling component is mounted. The handler is
// read when the command arrives, so re-renders never re-register (and never reorder who wins).
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/preload-api';
import { registerMenuCommand, type MenuCommandHandler } from './menu-commands';

export function useMenuCommand(command: MenuCommand, handler: MenuCommandHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => registerMenuCommand(command, (arg) => latest.current(arg)), [command]);
}
