// Handlers for the gallery channels (see shared/ipc/channels/gallery.ts).
import type { AreaHandlers } from './types';
import type { galleryChannels } from '../../shared/ipc/channels/gallery';
import type { AppServices } from '../services/app-services';
import { PostwrightError } from '../../shared/ipc/errors';
import type { GalleryService, IncomingFile } from '../services/images/gallery-service';
import { postService } from './posts';
import { lazy } from '../services/lazy';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

// sharp loads with the gallery's first call, not at start.
const galleryModule = lazy(() => import('../services/images/gallery-service'));

export async function galleryService(app: AppServices): Promise<GalleryService> {
  const [{ GalleryService }, posts] = await Promise.all([galleryModule(), postService(app)]);
  return app.perSite('gallery', (site) => new GalleryService(site, app.host, posts));
}

export function galleryHandlers(app: AppServices): AreaHandlers<typeof galleryChannels> {
  return {
    listGallery: async ({ postPath }) => (await galleryService(app)).list(postPath),
    getThumbnail: async ({ sitePath }) => (await galleryService(app)).thumbnail(sitePath),
    importImages: async ({ postPath, files }, call) => {
      const gallery = await galleryService(app);
      // Every upload id is claimed first (an unknown one refuses the call), and each claimed
      // file is deleted afterwards whatever happens.
      const claimed: Array<{ file: string; done(): Promise<void> }> = [];
      try {
        const incoming: IncomingFile[] = files.map((f) => {
          if ('dataBase64' in f) return { name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') };
          const upload = app.host.uploads?.take(f.uploadId);
          if (!upload) throw new PostwrightError('not-found', `The photo "${f.name}" did not arrive. Try adding it again.`);
          claimed.push(upload);
          return { name: f.name, load: () => readFile(upload.file) };
        });
        return await gallery.importFiles(postPath, incoming, call?.signal);
      } finally {
        await Promise.all(claimed.map((u) => u.done()));
      }
    },
    chooseAndImportImages: async ({ postPath }) => {
      const desktop = app.host.desktop;
      if (!desktop) throw new PostwrightError('unsupported', 'Drop the photos on the gallery, or use its file picker: this window cannot open the system dialog.');
      const gallery = await galleryService(app);
      const paths = await desktop.chooseFiles([{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'heic', 'heif'] }]);
      // The paths come from the system dialog the writer just used, never from the renderer.
      const files = await Promise.all(paths.map(async (p) => ({ name: basename(p), bytes: await readFile(p) })));
      if (!files.length) return { imported: [], refused: [], insertStyle: await gallery.insertStyle() };
      return gallery.importFiles(postPath, files);
    },
    renameImage: async (req) => (await galleryService(app)).rename(req),
    replaceMissingImage: async (req) => (await galleryService(app)).replaceMissing(req),
    findImageUsages: async ({ sitePath }) => (await galleryService(app)).usages(sitePath),
    deleteImage: async ({ sitePath }) => (await galleryService(app)).delete(sitePath),
    listBrokenImages: async () => (await galleryService(app)).broken(),
  };
}
