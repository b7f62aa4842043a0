// What the image features share across the shell without threading props through panes that
// other areas own: the editor's file and missing-image hooks (read by PostBody), the gallery
// tab's callbacks (read by GalleryTab) and the per-post broken-image counts (read by the post
// list). PostImages.tsx provides all three. Separate contexts, so a change in one re-renders
// only its readers.
import { createContext } from 'react';
import type { GalleryProps } from '../gallery';

export interface EditorImageHooks {
  onFilesDropped(files: File[], pos: number): void;
  onFilesPasted(files: File[]): void;
  isMissing(src: string): boolean;
  /** Missing or not known yet: the editor holds the image back (see use-missing-images.ts). */
  holdBack(src: string): boolean;
}

export type GalleryHooks = Omit<GalleryProps, 'api' | 'postPath'>;

export const EditorImageContext = createContext<EditorImageHooks | null>(null);
export const GalleryContext = createContext<GalleryHooks | null>(null);
/** Post path → how many image references of that post are broken (absent when none). */
export const BrokenImagesContext = createContext<ReadonlyMap<string, number>>(new Map());
