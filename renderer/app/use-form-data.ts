// What the front-matter form needs besides the text: the section's schema and the site's
// taxonomy values and names (suggestions), fetched per post; and the images the post can pick
// from (its bundle and the gallery), fetched again after an import, a rename or a delete
// (useFormImages). A failure leaves the form working with less help.
import { useEffect, useState } from 'react';
import type { SectionSchema } from '../../shared/frontmatter/schema';
import type { Suggestions } from '../../shared/ipc/channels/frontmatter';
import type { GalleryListing } from '../../shared/ipc/channels/gallery';
import { api } from '../api';

export interface FormData {
  schema: SectionSchema | null;
  suggestions: Suggestions | null;
}

export interface FormImages {
  /** Image paths as a post writes them: bundle-relative, or "/…" for static files. */
  images: string[];
  /** The same without a leading "/" or "./", for the "image exists" check. */
  existingImages: ReadonlySet<string> | undefined;
}

const EMPTY: FormData = { schema: null, suggestions: null };
const NO_IMAGES: FormImages = { images: [], existingImages: undefined };

/** The section of a content-relative path ("blog/x/index.md" → "blog"; top-level files → ""). */
export function sectionOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[0] : '';
}

function imagePaths(listing: GalleryListing): { images: string[]; existing: Set<string> } {
  const images: string[] = [];
  const existing = new Set<string>();
  const within = (dir: string, sitePath: string) => (dir && sitePath.startsWith(`${dir}/`) ? sitePath.slice(dir.length + 1) : null);
  for (const img of listing.images) {
    if (img.missing) continue;
    const inBundle = within(listing.bundleDir, img.sitePath);
    const inStatic = within(listing.staticDir, img.sitePath);
    const written = inBundle ?? (inStatic !== null ? `/${inStatic}` : null);
    if (!written) continue;
    images.push(written);
    existing.add(written.replace(/^\.?\//, ''));
  }
  return { images: images.sort((a, b) => a.localeCompare(b)), existing };
}

/** `key` changes when the data may have changed (another post, a save). */
export function useFormData(path: string | null, key: string | null): FormData {
  const [data, setData] = useState<FormData>(EMPTY);
  useEffect(() => {
    if (!path) {
      setData(EMPTY);
      return;
    }
    let live = true;
    const soft = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
    void Promise.all([soft(api.getSchema({ section: sectionOf(path) })), soft(api.getTaxonomyValues({}))]).then(([schema, suggestions]) => {
      if (live) setData({ schema, suggestions });
    });
    return () => {
      live = false;
    };
  }, [path, key]);
  return data;
}

/** The post's pickable images; `key` changes when they may have changed (a save, an import). */
export function useFormImages(path: string | null, key: unknown): FormImages {
  const [data, setData] = useState<FormImages>(NO_IMAGES);
  useEffect(() => {
    if (!path) {
      setData(NO_IMAGES);
      return;
    }
    let live = true;
    api.listGallery({ postPath: path }).then(
      (listing) => {
        if (!live) return;
        const pics = imagePaths(listing);
        setData({ images: pics.images, existingImages: pics.existing });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [path, key]);
  return data;
}
