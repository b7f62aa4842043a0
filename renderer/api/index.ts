// The one typed client the whole renderer uses. Electron's preload bridge when present, the
// web host's HTTP endpoints otherwise; UI code never sees which, nor any channel name.
import { createApi, type Api } from '../../shared/ipc/client';
import { createElectronTransport, electronBridge } from './transport-electron';
import { createWebTransport } from './transport-web';
import { openWebSession } from './web-session';

const bridge = electronBridge();

export const isDesktop = bridge !== null;

export const api: Api = createApi(bridge ? createElectronTransport(bridge) : createWebTransport(openWebSession()));

export { ApiError } from '../../shared/ipc/client';
