// Channels of the image gallery: list a post's images, previews, import, rename, delete, and
// broken references across the site. Reference shapes mirror shared/images/types.ts.
import { z } from 'zod';
import { defineChannels } from '../define';

export const ReferenceKind = z.enum(['front-matter', 'markdown', 'markdown-ref', 'figure', 'html']);

/** One place a post uses an image. */
export const ImageUsage = z.object({
  kind: ReferenceKind,
  /** The src as written in the post. */
  src: z.string(),
  line: z.number().int().positive(),
  /** Alt text, or null when the reference has none (front-matter images never have one). */
  alt: z.string().nullable(),
  /** Inside an HTML comment: not published. */
  inComment: z.boolean(),
});
export type ImageUsage = z.infer<typeof ImageUsage>;

export const GalleryImage = z.object({
  /** Site-relative POSIX path, e.g. "content/blog/x/booth.png" or "static/images/a.png". */
  sitePath: z.string(),
  /** File name, e.g. "booth.png": the card's accessible name. */
  name: z.string(),
  location: z.enum(['bundle', 'static', 'content']),
  /** Referenced by the post but not on disk. */
  missing: z.boolean(),
  bytes: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** sharp's format name (jpeg, png, webp, gif, svg…) or null when unreadable or missing. */
  format: z.string().nullable(),
  usages: z.array(ImageUsage),
});
export type GalleryImage = z.infer<typeof GalleryImage>;

export const InsertStyle = z.enum(['markdown', 'figure', 'figure-tight']);

/** A reference that is never loaded: a web address, or a path that leaves the site. */
export const OtherReference = ImageUsage.extend({ status: z.enum(['external', 'data', 'outside']) });
export type OtherReference = z.infer<typeof OtherReference>;

export const GalleryListing = z.object({
  postPath: z.string(),
  /** sha256 of the post's bytes when listed (rename checks it). */
  postHash: z.string(),
  /** Site-relative folder of the post: relative srcs are resolved from here. */
  bundleDir: z.string(),
  /** Site-relative folder of the site's static files (usually "static"). */
  staticDir: z.string(),
  /** Site-relative folder imports go to. */
  importDir: z.string(),
  images: z.array(GalleryImage),
  /** References that are not files of the site (shown, never loaded). */
  others: z.array(OtherReference),
  /** How to insert images in this site: what its posts use more. */
  insertStyle: InsertStyle,
});
export type GalleryListing = z.infer<typeof GalleryListing>;

export const ImportedImage = z.object({
  /** The name of the file as dropped or picked. */
  original: z.string(),
  sitePath: z.string(),
  name: z.string(),
  /** What to write in the post to show it (relative to the bundle, or /images/… for static). */
  src: z.string(),
  /** Identical content was already there: nothing copied. */
  reused: z.boolean(),
  resized: z.boolean(),
  locationRemoved: z.boolean(),
  convertedFrom: z.string().nullable(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
});
export type ImportedImage = z.infer<typeof ImportedImage>;

export const ImportResult = z.object({
  imported: z.array(ImportedImage),
  /** Files not imported, each with a reason in plain words. */
  refused: z.array(z.object({ original: z.string(), message: z.string() })),
  insertStyle: InsertStyle,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const SiteUsage = ImageUsage.extend({ postPath: z.string() });
export type SiteUsage = z.infer<typeof SiteUsage>;

export const galleryChannels = defineChannels({
  listGallery: { request: z.object({ postPath: z.string().min(1) }), response: GalleryListing },
  /** A small WebP preview as a data URL; SVGs get none (show them with assetUrl in an <img>). */
  getThumbnail: {
    request: z.object({ sitePath: z.string().min(1) }),
    response: z.object({ sitePath: z.string(), dataUrl: z.string().nullable(), message: z.string().nullable() }),
  },
  importImages: {
    request: z.object({
      postPath: z.string().min(1),
      // The bytes in the call (desktop), or the id of a file the web host received as a stream.
      files: z
        .array(z.union([z.object({ name: z.string().max(1000), dataBase64: z.string() }), z.object({ name: z.string().max(1000), uploadId: z.string().max(100) })]))
        .min(1)
        .max(500),
    }),
    response: ImportResult,
  },
  /** Shows the system file picker (desktop only) and imports what was chosen. */
  chooseAndImportImages: { request: z.object({ postPath: z.string().min(1) }), response: ImportResult },
  renameImage: {
    request: z.object({
      postPath: z.string().min(1),
      sitePath: z.string().min(1),
      newName: z.string().min(1).max(200),
      /** The post's hash as the editor knows it; refused if the file changed since. */
      expectedHash: z.string().optional(),
    }),
    response: z.object({ sitePath: z.string(), name: z.string(), changedReferences: z.number(), postHash: z.string() }),
  },
  /** Points every reference to a missing image at another image of the site (one line each). */
  replaceMissingImage: {
    request: z.object({
      postPath: z.string().min(1),
      /** The missing file, as the gallery lists it. */
      sitePath: z.string().min(1),
      /** The src to write instead, as the gallery writes an image of the site. */
      src: z.string().min(1).max(2000),
      expectedHash: z.string().optional(),
    }),
    response: z.object({ changedReferences: z.number(), postHash: z.string() }),
  },
  /** Every post of the site that uses an image (shown before deleting it). */
  findImageUsages: { request: z.object({ sitePath: z.string().min(1) }), response: z.array(SiteUsage) },
  deleteImage: {
    request: z.object({ sitePath: z.string().min(1) }),
    response: z.object({ trash: z.enum(['system', 'app']), usages: z.array(SiteUsage) }),
  },
  /** Posts with broken image references (missing files or paths outside the site). */
  listBrokenImages: {
    request: z.object({}),
    response: z.object({
      posts: z.array(z.object({ postPath: z.string(), missing: z.number().int().positive() })),
      total: z.number().int().nonnegative(),
    }),
  },
});
