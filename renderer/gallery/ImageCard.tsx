// One image of the gallery. Its accessible name is its file name; a missing image says so.
// SVGs are shown only through an <img> (never inlined), so their scripts never run.
import type { GalleryImage } from '../../shared/ipc/channels/gallery';
import { describeUsage, formatBytes, lacksAlt } from './format';

interface Props {
  image: GalleryImage;
  /** Preview URL: a thumbnail data URL, or the asset URL of an SVG; null while loading. */
  preview: string | null;
  previewMessage: string | null;
  onInsert(): void;
  onSetPostImage: (() => void) | null;
  onRename(): void;
  onDelete(): void;
  /** Repairs a missing image (pick another or import a file); only missing cards show it. */
  onReplace?(): void;
}

export function ImageCard({ image, preview, previewMessage, onInsert, onSetPostImage, onRename, onDelete, onReplace }: Props) {
  const noAlt = image.usages.some(lacksAlt);
  const dims = image.width && image.height ? `${image.width} × ${image.height}` : '';
  return (
    <li className="pw-gallery-item">
      <article className={`pw-gallery-card${image.missing ? ' is-missing' : ''}`} aria-label={image.name}>
        <div className="pw-gallery-preview">
          {image.missing ? (
            <span className="pw-gallery-missing">missing</span>
          ) : preview ? (
            <img src={preview} alt="" loading="lazy" decoding="async" draggable={false} />
          ) : (
            <span className="pw-gallery-placeholder">{previewMessage ?? 'Loading…'}</span>
          )}
        </div>
        <div className="pw-gallery-meta">
          <span className="pw-gallery-name" title={image.sitePath}>
            {image.name}
          </span>
          {image.missing ? (
            <span className="pw-gallery-flag">This image is missing: the post shows a broken picture.</span>
          ) : (
            <span className="pw-gallery-size">{[dims, formatBytes(image.bytes), image.location === 'static' ? 'shared (static)' : ''].filter(Boolean).join(' · ')}</span>
          )}
          {noAlt && <span className="pw-gallery-flag pw-gallery-noalt">No alt text</span>}
          {image.usages.length ? (
            <ul className="pw-gallery-usages" aria-label="Where it is used">
              {image.usages.map((u, i) => (
                <li key={i}>
                  {describeUsage(u)}
                  {lacksAlt(u) ? ' — no alt text' : ''}
                </li>
              ))}
            </ul>
          ) : (
            <span className="pw-gallery-unused">Not used in this post</span>
          )}
        </div>
        {image.missing && onReplace && (
          <div className="pw-gallery-actions">
            <button type="button" className="primary" onClick={onReplace}>
              Replace
            </button>
          </div>
        )}
        {!image.missing && (
          <div className="pw-gallery-actions">
            <button type="button" className="primary" onClick={onInsert}>
              Insert
            </button>
            {onSetPostImage && (
              <button type="button" onClick={onSetPostImage}>
                Set as post image
              </button>
            )}
            <button type="button" onClick={onRename}>
              Rename
            </button>
            <button type="button" className="danger" onClick={onDelete}>
              Delete
            </button>
          </div>
        )}
      </article>
    </li>
  );
}
