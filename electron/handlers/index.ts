// The handler table: one function per contract channel, shared by the Electron IPC transport
// and the web host. Each area builds its part in its own file.
import type { HandlerTable } from '../../shared/ipc/contract';
import type { AppServices } from '../services/app-services';
import { siteHandlers } from './site';
import { postHandlers } from './posts';
import { frontmatterHandlers } from './frontmatter';
import { galleryHandlers } from './gallery';
import { gitHandlers } from './git';
import { recoveryHandlers } from './recovery';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { appLogHandlers } from './app-log';

export function createHandlerTable(app: AppServices): HandlerTable {
  return {
    ...siteHandlers(app),
    ...postHandlers(app),
    ...frontmatterHandlers(app),
    ...galleryHandlers(app),
    ...gitHandlers(app),
    ...recoveryHandlers(app),
    ...searchHandlers(app),
    ...settingsHandlers(app),
    ...appLogHandlers(app),
  };
}
