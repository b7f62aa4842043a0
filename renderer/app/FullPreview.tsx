// Preview mode: the post as the site shows it (Hugo's own render when hugo is installed, the
// built-in preview otherwise) over the whole editor area, for a writer on a small screen or
// reading a long post. Escape or "Back to editing" returns; the editor stays mounted below,
// so the caret, the undo history and unsaved words are as they were.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../api';

const PreviewPane = lazy(() => import('../writing-aids/PreviewPane').then((m) => ({ default: m.PreviewPane })));

interface Props {
  postPath: string;
  raw: string;
  title?: string;
  onClose(): void;
}

export function FullPreview({ postPath, raw, title, onClose }: Props) {
  const back = useRef<HTMLButtonElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    back.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="full-preview" role="region" aria-label="Preview mode">
      <div className="full-preview-head">
        <span className="full-preview-title">Preview{title ? `: ${title}` : ''}</span>
        <button ref={back} type="button" className="primary" onClick={onClose} aria-keyshortcuts="Escape" title="Back to editing (Esc)">
          Back to editing
        </button>
      </div>
      <div className="full-preview-body">
        <Suspense fallback={<p className="hint">Loading the preview…</p>}>
          <PreviewPane api={api} postPath={postPath} raw={raw} title={title} />
        </Suspense>
      </div>
    </section>
  );
}
