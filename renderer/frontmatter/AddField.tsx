// "Add field": one click on a suggested field (the fields other posts of the section use, then
// Hugo's own), which comes with its control; or a name and a first value (written as YAML:
// `true`, `3`, `[a, b]` or text).
import { useId, useState } from 'react';
import { parseDocument } from 'yaml';
import type { FieldType } from '../../shared/frontmatter/schema';
import { startingValue } from '../../shared/frontmatter/hugo-fields';

export interface FieldSuggestion {
  key: string;
  label: string;
  type: FieldType;
}

interface Props {
  existing: readonly string[];
  suggestions?: readonly FieldSuggestion[];
  onAdd(key: string, value: unknown): void;
}

export function AddField({ existing, suggestions = [], onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add field
      </button>
    );
  }
  const submit = () => {
    const k = key.trim();
    if (!/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(k)) return setProblem('Use letters, numbers, dashes or underscores for the field name.');
    if (existing.includes(k)) return setProblem(`The post already has a field named "${k}".`);
    const doc = parseDocument(value, { schema: 'core' });
    const v = doc.errors.length ? value : ((doc.toJS() as unknown) ?? '');
    onAdd(k, v);
    setKey('');
    setValue('');
    setProblem(null);
    setOpen(false);
  };
  const offered = suggestions.filter((f) => !existing.includes(f.key));
  return (
    <div className="fm-add" role="group" aria-label="Add field">
      {offered.length > 0 && (
        <ul className="fm-suggestions" aria-label="Suggested fields">
          {offered.map((f) => (
            <li key={f.key}>
              <button
                type="button"
                onClick={() => {
                  onAdd(f.key, startingValue(f.type));
                  setOpen(false);
                }}
              >
                {f.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-k`}>{offered.length ? 'Or another field name' : 'Field name'}</label>
      <input id={`${id}-k`} value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
      <label htmlFor={`${id}-v`}>Value</label>
      <input id={`${id}-v`} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), submit())} />
      <button type="button" onClick={submit}>
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {problem && (
        <p role="alert" className="fm-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
