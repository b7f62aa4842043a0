// "New post": asks for a title and a section, then lets the app create the page bundle from the
// site's archetype. It is the app's one dialog frame (ui/Dialog: named "New post", focus trapped,
// Escape cancels) with the shared button row; the title field has the caret.
import { useId, useState } from 'react';
import { slugify } from '../../shared/frontmatter/slug';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

export interface NewPostDialogProps {
  sections: readonly string[];
  defaultSection?: string;
  onCreate(request: { title: string; section: string }): Promise<void> | void;
  onCancel(): void;
}

export function NewPostDialog({ sections, defaultSection, onCreate, onCancel }: NewPostDialogProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [section, setSection] = useState(defaultSection ?? sections[0] ?? 'blog');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    if (!title.trim()) return setProblem('Give the post a title.');
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u.test(section.trim())) return setProblem('Choose a section (letters, numbers and dashes).');
    setBusy(true);
    setProblem(null);
    try {
      await onCreate({ title: title.trim(), section: section.trim() });
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="New post" onCancel={onCancel}>
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-t`}>Title</label>
        <input id={`${id}-t`} data-autofocus value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={`${id}-slug`} />
        <p id={`${id}-slug`} className="hint">
          Address: {section}/{slugify(title || 'new post')}/
        </p>
        <label htmlFor={`${id}-s`}>Section</label>
        <input id={`${id}-s`} list={`${id}-sl`} value={section} onChange={(e) => setSection(e.target.value)} />
        <datalist id={`${id}-sl`}>
          {sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <DialogActions ok={busy ? 'Creating…' : 'Create'} okDisabled={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
