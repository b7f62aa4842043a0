// "Rename slug": the post's folder (and so its address) gets a new name. Checks as the writer
// types that no other post uses it; main makes it URL-safe and refuses a taken one anyway.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { slugify } from '../../shared/frontmatter/slug';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  path: string;
  currentSlug: string;
  onRename(slug: string): Promise<string | null>;
  onCancel(): void;
}

export function RenamePostDialog({ path, currentSlug, onRename, onCancel }: Props) {
  const [slug, setSlug] = useState(currentSlug);
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clean = slugify(slug);

  useEffect(() => {
    if (!clean || clean === currentSlug) return setTaken(null);
    let live = true;
    const t = setTimeout(() => {
      api.checkSlug({ slug: clean, path }).then(
        (r) => live && setTaken(r.unique ? null : `“${r.usedBy ?? 'Another post'}” already uses this slug. Try “${r.suggestion}”.`),
        () => live && setTaken(null),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [clean, currentSlug, path]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!clean) return setProblem('Type a slug: letters, numbers and dashes.');
    if (clean === currentSlug) return onCancel();
    setBusy(true);
    setProblem(await onRename(clean));
    setBusy(false);
  }

  return (
    <Dialog title="Rename slug" onCancel={onCancel}>
      <form className="modal-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="rename-slug">New slug</label>
        <input id="rename-slug" autoFocus value={slug} spellCheck={false} onChange={(e) => setSlug(e.target.value)} onFocus={(e) => e.currentTarget.select()} />
        <p className="hint">The post’s folder becomes “{clean || '…'}”, and so does its address. Links to the old address stop working.</p>
        {(problem ?? taken) && (
          <p role="alert" className="form-error">
            {problem ?? taken}
          </p>
        )}
        <DialogActions ok="Rename" okDisabled={busy || !clean} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
