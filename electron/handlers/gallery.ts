// Handlers for the gallery channels (see shared/ipc/channels/gallery.ts).
import type { AreaHandlers } from './types';
import type { galleryChannels } from '../../shared/ipc/channels/gallery';
import type { AppServices } from '../services/app-services';
import { PostwrightError } from '../../shared/ipc/errors';
import { GalleryService } from '../services/images/gallery-service';
import { postService } from './posts';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export function galleryService(app: AppServices): GalleryService {
  return app.perSite('gallery', (site) => new GalleryService(site, app.host, postService(app)));
}

export function galleryHandlers(app: AppServices): AreaHandlers<typeof galleryChannels> {
  return {
    listGallery: async ({ postPath }) => galleryService(app).list(postPath),
    getThumbnail: async ({ sitePath }) => galleryService(app).thumbnail(sitePath),
    importImages: async ({ postPath, files }) =>
      galleryService(app).importFiles(
        postPath,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
      ),
    chooseAndImportImages: async ({ postPath }) => {
      const desktop = app.host.desktop;
      if (!desktop) throw new PostwrightError('unsupported', 'Drop the photos on the gallery, or use its file picker: this window cannot open the system dialog.');
      const gallery = galleryService(app);
      const paths = await desktop.chooseFiles([{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'heic', 'heif'] }]);
      // The paths come from the system dialog the writer just used, never from the renderer.
      const files = await Promise.all(paths.map(async (p) => ({ name: basename(p), bytes: await readFile(p) })));
      if (!files.length) return { imported: [], refused: [], insertStyle: await gallery.insertStyle() };
      return gallery.importFiles(postPath, files);
    },
    renameImage: async (req) => galleryService(app).rename(req),
    findImageUsages: async ({ sitePath }) => galleryService(app).usages(sitePath),
    deleteImage: async ({ sitePath }) => galleryService(app).delete(sitePath),
    listBrokenImages: async () => galleryService(app).broken(),
  };
}
