// "New post": asks for a title and a section, then lets the app create the page bundle from the
// site's archetype. A dialog named "New post"; Escape cancels; the title field has focus.
import { useEffect, useId, useRef, useState } from 'react';
import { slugify } from '../../shared/frontmatter/slug';
import './frontmatter.css';

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
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

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
    <div className="fm-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-h`}
        className="fm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={`${id}-h`}>New post</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={`${id}-t`}>Title</label>
          <input id={`${id}-t`} ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={`${id}-slug`} />
          <p id={`${id}-slug`} className="fm-help">
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
            <p role="alert" className="fm-problem">
              {problem}
            </p>
          )}
          <div className="fm-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" disabled={busy}>
              {busy ? 'Creating…' : 'Create'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
