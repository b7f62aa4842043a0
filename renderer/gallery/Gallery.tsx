// The image gallery beside a post: every image of its bundle and every image it references,
// with previews, sizes, where each is used, broken and alt-less ones flagged. Photos are
// imported by the "Import images" button, by dropping files on the panel or by pasting; they
// are then inserted with the alt text the writer gives.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { GalleryImage, ImportedImage, SiteUsage } from '../../shared/ipc/channels/gallery';
import { imageSnippet } from '../../shared/images/snippet';
import { ImageCard } from './ImageCard';
import { AltTextDialog } from './AltTextDialog';
import { RenameDialog } from './RenameDialog';
import { ReplaceDialog } from './ReplaceDialog';
import { DeleteDialog } from './DeleteDialog';
import { frontMatterSrcFor, isUnused, srcFor } from './format';
import { useGallery } from './use-gallery';
import { filesOf } from './read-files';
import './gallery.css';

export interface GalleryProps {
  api: Api;
  /** Content-relative path of the open post, e.g. "blog/driftwood/index.md". */
  postPath: string;
  /** Change it (e.g. to the post's hash after a save) to reload usages. */
  refreshKey?: unknown;
  /** Inserts text (a Markdown image or a figure shortcode) at the editor's cursor. */
  onInsert(markdownText: string): void;
  /** Sets the front matter's `images` to this value (a bundle name or a path from the site root). */
  onSetPostImage?(src: string): void;
  /**
   * Called before a rename rewrites the post on disk: the shell should save pending edits
   * (throw to cancel). Then `onPostRewritten` says the file changed so the editor reloads it.
   */
  beforePostRewrite?(): Promise<void>;
  onPostRewritten?(info: { postHash: string }): void;
  /** Files of the site changed here (imported, renamed, deleted): missing-image flags elsewhere look again. */
  onImagesChanged?(): void;
}

type Dialog =
  | { kind: 'alt'; name: string; src: string; alt: string; queue: ImportedImage[] }
  | { kind: 'rename'; image: GalleryImage }
  | { kind: 'replace'; image: GalleryImage }
  | { kind: 'delete'; image: GalleryImage; usages: SiteUsage[] | null };

export function Gallery({ api, postPath, refreshKey, onInsert, onSetPostImage, beforePostRewrite, onPostRewritten, onImagesChanged }: GalleryProps) {
  const { listing, previews, error, setError, progress, reload, importFiles } = useGallery(api, postPath, refreshKey);
  // The listing as of the last answer, for handlers that run after an await.
  const listingRef = useRef(listing);
  listingRef.current = listing;
  const [onlyUnused, setOnlyUnused] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [refused, setRefused] = useState<Array<{ original: string; message: string }>>([]);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // Set while the file picker was opened by Replace's "Import a file…": the imported file then
  // replaces that missing image instead of being offered for insertion.
  const replacing = useRef<GalleryImage | null>(null);
  useEffect(() => {
    const input = fileInput.current;
    const forget = () => (replacing.current = null);
    input?.addEventListener('cancel', forget);
    return () => input?.removeEventListener('cancel', forget);
  }, []);

  const images = useMemo(() => {
    const all = listing?.images ?? [];
    const shown = onlyUnused ? all.filter(isUnused) : all;
    // Missing ones first: they are what a writer must fix before publishing.
    return [...shown].sort((a, b) => Number(b.missing) - Number(a.missing) || a.name.localeCompare(b.name));
  }, [listing, onlyUnused]);
  // Counted as the post list counts them (shared/images missingImageKeys): each missing file once,
  // and each address that leaves the site once.
  const missingCount =
    (listing?.images.filter((i) => i.missing && i.usages.some((u) => !u.inComment)).length ?? 0) +
    new Set(listing?.others.filter((o) => o.status === 'outside' && !o.inComment).map((o) => o.src.trim()) ?? []).size;
  const style = listing?.insertStyle ?? 'markdown';

  const startImport = async (files: File[]) => {
    const target = replacing.current;
    replacing.current = null;
    if (!files.length) return;
    setRefused([]);
    const result = await importFiles(files);
    if (!result) return;
    onImagesChanged?.();
    setRefused(result.refused);
    setStatus(`${result.imported.length} of ${files.length} image${files.length === 1 ? '' : 's'} imported.`);
    if (target) {
      const first = result.imported[0];
      if (first) await replace(target, first.src);
      return;
    }
    // A file that fills a name the post already uses repairs a missing image by itself: it is
    // not offered for insertion again (that dialog popped up unasked).
    const used = new Set(result.imported.filter((i) => listingRef.current?.images.some((g) => g.sitePath === i.sitePath && g.usages.some((u) => !u.inComment))).map((i) => i.sitePath));
    const queue = result.imported.filter((i) => !used.has(i.sitePath));
    if (used.size) setStatus(`${[...used].map((p) => p.split('/').pop()).join(', ')} ${used.size === 1 ? 'fills a missing image' : 'fill missing images'} of this post.`);
    const [first, ...rest] = queue;
    if (first) setDialog({ kind: 'alt', name: first.name, src: first.src, alt: '', queue: rest });
  };

  const replace = async (missing: GalleryImage, src: string) => {
    setDialog(null);
    try {
      await beforePostRewrite?.();
      const expectedHash = beforePostRewrite ? (await api.listGallery({ postPath })).postHash : listingRef.current?.postHash;
      const res = await api.replaceMissingImage({ postPath, sitePath: missing.sitePath, src, expectedHash });
      setStatus(`${missing.name} replaced.`);
      onPostRewritten?.({ postHash: res.postHash });
      onImagesChanged?.();
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const nextAlt = (queue: ImportedImage[]) => {
    const [next, ...rest] = queue;
    setDialog(next ? { kind: 'alt', name: next.name, src: next.src, alt: '', queue: rest } : null);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void startImport(filesOf(e.dataTransfer?.files));
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = filesOf(e.clipboardData?.files);
    if (!files.length) return;
    e.preventDefault();
    void startImport(files);
  };

  const rename = async (image: GalleryImage, newName: string) => {
    setDialog(null);
    try {
      await beforePostRewrite?.();
      // The shell may just have saved the post: expect the file as it is after that save.
      const expectedHash = beforePostRewrite ? (await api.listGallery({ postPath })).postHash : listing?.postHash;
      const res = await api.renameImage({ postPath, sitePath: image.sitePath, newName, expectedHash });
      setStatus(`Renamed to ${res.name}.`);
      onPostRewritten?.({ postHash: res.postHash });
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const askDelete = async (image: GalleryImage) => {
    setDialog({ kind: 'delete', image, usages: null });
    try {
      const usages = await api.findImageUsages({ sitePath: image.sitePath });
      setDialog((d) => (d?.kind === 'delete' && d.image.sitePath === image.sitePath ? { ...d, usages } : d));
    } catch (e) {
      setDialog(null);
      setError((e as Error).message);
    }
  };

  const remove = async (image: GalleryImage) => {
    setDialog(null);
    try {
      const res = await api.deleteImage({ sitePath: image.sitePath });
      setStatus(`${image.name} moved to the ${res.trash === 'system' ? 'trash' : 'Postwright trash folder'}.`);
      onImagesChanged?.();
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section
      className={`pw-gallery${dragging ? ' is-dragging' : ''}`}
      aria-label="Gallery"
      onDragOver={(e) => {
        if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      <div className="pw-gallery-toolbar">
        {/* The real file picker stays out of the accessibility tree: the button opens it. */}
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic,image/heif,.heic,.heif"
          onChange={(e) => {
            const files = filesOf(e.currentTarget.files);
            e.currentTarget.value = '';
            void startImport(files);
          }}
        />
        <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
          Import images
        </button>
        <label className="pw-gallery-filter">
          <input type="checkbox" checked={onlyUnused} onChange={(e) => setOnlyUnused(e.target.checked)} />
          Show only unused images
        </label>
      </div>

      <p className="pw-gallery-drop" aria-hidden={!dragging}>
        {dragging ? 'Drop the photos to add them to this post' : 'Drop or paste photos here to add them to this post.'}
      </p>

      {progress && (
        <div className="pw-gallery-progress">
          <progress aria-label="Importing images" value={progress.done} max={progress.total} />
          <span>
            {progress.done} of {progress.total}
            {progress.label ? ` — ${progress.label}` : ''}
          </span>
        </div>
      )}
      <p className="pw-visually-hidden" role="status">
        {status}
      </p>
      {error && (
        <div role="alert" className="pw-gallery-error">
          {error} <button type="button" onClick={() => setError(null)}>Dismiss</button>
        </div>
      )}
      {refused.length > 0 && (
        <div role="alert" className="pw-gallery-error">
          <ul>
            {refused.map((r, i) => (
              <li key={i}>{r.message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setRefused([])}>
            Dismiss
          </button>
        </div>
      )}
      {missingCount > 0 && (
        <p className="pw-gallery-flag">
          {missingCount === 1 ? '1 image this post uses is missing.' : `${missingCount} images this post uses are missing.`}
        </p>
      )}

      {listing && images.length === 0 && <p className="pw-gallery-empty">{onlyUnused ? 'Every image is used.' : 'No images yet. Import or drop some photos.'}</p>}
      <ul className="pw-gallery-grid" aria-label="Images">
        {listing &&
          images.map((img) => (
            <ImageCard
              key={img.sitePath}
              image={img}
              preview={previews[img.sitePath]?.url ?? null}
              previewMessage={previews[img.sitePath]?.message ?? null}
              onInsert={() => setDialog({ kind: 'alt', name: img.name, src: srcFor(img, listing.bundleDir, listing.staticDir), alt: img.usages.find((u) => u.alt)?.alt ?? '', queue: [] })}
              onSetPostImage={onSetPostImage ? () => onSetPostImage(frontMatterSrcFor(img, listing.bundleDir, listing.staticDir)) : null}
              onRename={() => setDialog({ kind: 'rename', image: img })}
              onDelete={() => void askDelete(img)}
              onReplace={() => setDialog({ kind: 'replace', image: img })}
            />
          ))}
      </ul>

      {listing && listing.others.length > 0 && (
        <ul className="pw-gallery-others" aria-label="Other image references">
          {listing.others.map((o, i) => (
            <li key={i} className={o.status === 'outside' ? 'pw-gallery-flag' : undefined}>
              Line {o.line}: {o.src.length > 80 ? o.src.slice(0, 77) + '…' : o.src} —{' '}
              {o.status === 'external' ? 'a web address (not loaded here)' : o.status === 'data' ? 'embedded in the text' : 'points outside the site: broken'}
            </li>
          ))}
        </ul>
      )}

      {dialog?.kind === 'alt' && (
        <AltTextDialog
          key={dialog.src}
          name={dialog.name}
          initialAlt={dialog.alt}
          queued={dialog.queue.length > 0}
          onInsert={(alt) => {
            onInsert(imageSnippet(style, dialog.src, alt));
            nextAlt(dialog.queue);
          }}
          onCancel={() => nextAlt(dialog.queue)}
        />
      )}
      {dialog?.kind === 'replace' && listing && (
        <ReplaceDialog
          missing={dialog.image}
          choices={listing.images.filter((i) => !i.missing)}
          onReplace={(img) => void replace(dialog.image, srcFor(img, listing.bundleDir, listing.staticDir))}
          onImport={() => {
            replacing.current = dialog.image;
            setDialog(null);
            fileInput.current?.click();
          }}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          name={dialog.image.name}
          usages={dialog.image.usages.length}
          onRename={(n) => void rename(dialog.image, n)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog name={dialog.image.name} usages={dialog.usages} onDelete={() => void remove(dialog.image)} onCancel={() => setDialog(null)} />
      )}
    </section>
  );
}
