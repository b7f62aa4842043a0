// Loads a post's gallery and its previews, and imports files with progress. Previews are asked
// for a few at a time so the first cards fill in quickly and main is never flooded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { GalleryListing, ImportResult } from '../../shared/ipc/channels/gallery';
import { fileToPayload } from './read-files';

export interface Preview {
  url: string | null;
  message: string | null;
}

export interface ImportProgress {
  done: number;
  total: number;
  label?: string;
}

const PREVIEWS_AT_ONCE = 4;

export function useGallery(api: Api, postPath: string, refreshKey: unknown) {
  const [listing, setListing] = useState<GalleryListing | null>(null);
  const [previews, setPreviews] = useState<Record<string, Preview>>({});
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    try {
      const l = await api.listGallery({ postPath });
      if (gen !== generation.current) return;
      setListing(l);
      setError(null);
      const queue = l.images.filter((i) => !i.missing);
      const svg = Object.fromEntries(queue.filter((i) => i.format === 'svg').map((i) => [i.sitePath, { url: api.assetUrl(i.sitePath), message: null }]));
      setPreviews((prev) => ({ ...prev, ...svg }));
      const todo = queue.filter((i) => i.format !== 'svg');
      const worker = async () => {
        for (let img = todo.shift(); img; img = todo.shift()) {
          const sitePath = img.sitePath;
          const p = await api.getThumbnail({ sitePath }).then(
            (t) => ({ url: t.dataUrl, message: t.message }),
            (e: Error) => ({ url: null, message: e.message }),
          );
          if (gen !== generation.current) return;
          setPreviews((prev) => ({ ...prev, [sitePath]: p }));
        }
      };
      await Promise.all(Array.from({ length: PREVIEWS_AT_ONCE }, worker));
    } catch (e) {
      if (gen === generation.current) setError((e as Error).message);
    }
  }, [api, postPath]);

  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.task === 'import') setProgress(p.done >= p.total ? null : { done: p.done, total: p.total, label: p.label });
      }),
    [api],
  );

  const importFiles = useCallback(
    async (files: File[]): Promise<ImportResult | null> => {
      if (!files.length) return null;
      setProgress({ done: 0, total: files.length });
      try {
        const payload = await Promise.all(files.map(fileToPayload));
        const result = await api.importImages({ postPath, files: payload });
        await reload();
        return result;
      } catch (e) {
        setError((e as Error).message);
        return null;
      } finally {
        setProgress(null);
      }
    },
    [api, postPath, reload],
  );

  return { listing, previews, error, setError, progress, reload, importFiles };
}
