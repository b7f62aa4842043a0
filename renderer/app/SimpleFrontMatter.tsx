// The front matter as simple labelled inputs, one per top-level field. Editing a field rewrites
// only that field's line of the front-matter text (see front-matter-lines.ts); lists, tables
// and multi-line values are shown read-only until the full form replaces this component.
import { memo, useMemo } from 'react';
import type { FrontMatterFormat } from '../../shared/ipc/channels/posts';
import { readFields, setField, type ScalarField } from './front-matter-lines';

interface Props {
  format: FrontMatterFormat;
  text: string;
  /** The front matter as loaded, so a field set back to its old value gets its old line back. */
  original: string;
  error: string | null;
  onChange(text: string): void;
}

// Memoized: its props only change when the front matter does, not as the body is typed in.
export const SimpleFrontMatter = memo(function SimpleFrontMatter({ format, text, original, error, onChange }: Props) {
  const fields = useMemo<ScalarField[]>(() => (format === 'yaml' || format === 'toml' ? readFields(text, format) : []), [format, text]);
  return (
    <form aria-label="Front matter" className="front-matter" onSubmit={(e) => e.preventDefault()}>
      {error && (
        <p className="fm-problem">
          <span aria-hidden="true">⚠ </span>The front matter cannot be read: {error}
        </p>
      )}
      {format === 'none' && !error && <p className="fm-note">This post has no front matter.</p>}
      {format === 'json' && <p className="fm-note">JSON front matter is shown read-only for now.</p>}
      {format === 'json' && (
        <textarea aria-label="front matter (JSON)" className="fm-json" readOnly value={text} rows={Math.min(12, text.split('\n').length)} />
      )}
      <div className="fm-grid">
        {fields.map((f) => {
          const id = `fm-${f.key}`;
          return (
            <div className="fm-row" key={f.key}>
              <label htmlFor={id}>{f.key}</label>
              {f.editable ? (
                <input
                  id={id}
                  value={f.value}
                  spellCheck={f.key === 'title' || f.key === 'description' || f.key === 'summary'}
                  onChange={(e) => onChange(setField(text, format as 'yaml' | 'toml', f.key, e.target.value, original))}
                />
              ) : (
                <input id={id} value={f.written} readOnly aria-readonly="true" className="fm-readonly" title="Lists and tables can be edited in the full front-matter form." />
              )}
            </div>
          );
        })}
      </div>
    </form>
  );
});
