// Chips for taxonomies (tags, categories) and a names list for contributors, each with
// autocomplete from the values the site already uses and how often. Enter or comma adds; each
// chip has its own remove button, so everything works from the keyboard.
import { useId, useState } from 'react';
import type { ValueCount } from '../../../shared/ipc/channels/frontmatter';
import type { WidgetProps } from './props';

export function ChipsWidget({ name, id, value, onValue, describedBy, readOnly, suggestions = [], variant = 'chips' }: WidgetProps<unknown> & { suggestions?: ValueCount[]; variant?: 'chips' | 'names' }) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const items = Array.isArray(value) ? value.map(String) : [];
  const add = (raw: string) => {
    const v = raw.trim();
    if (v && !items.includes(v)) onValue([...items, v]);
    setDraft('');
  };
  const remove = (v: string) => onValue(items.filter((x) => x !== v));
  const unused = suggestions.filter((s) => !items.includes(s.value));
  return (
    <div className={variant === 'names' ? 'fm-names' : 'fm-chips'}>
      <ul aria-label={`${name} values`}>
        {items.map((v) => (
          <li key={v} className="fm-chip">
            <span>{v}</span>
            {!readOnly && (
              <button type="button" aria-label={`Remove ${v} from ${name}`} onClick={() => remove(v)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <>
          <input
            id={id}
           
            list={listId}
            value={draft}
            placeholder={variant === 'names' ? 'Add a name' : 'Add and press Enter'}
            aria-describedby={describedBy}
            onChange={(e) => {
              const v = e.target.value;
              if (variant === 'chips' && v.includes(',')) {
                for (const part of v.split(',').slice(0, -1)) add(part);
                setDraft(v.split(',').pop() ?? '');
              } else setDraft(v);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(draft);
              } else if (e.key === 'Backspace' && draft === '' && items.length) remove(items[items.length - 1]);
            }}
            onBlur={() => draft.trim() && add(draft)}
          />
          <datalist id={listId}>
            {unused.slice(0, 200).map((s) => (
              <option key={s.value} value={s.value} label={`${s.value} (${s.count})`} />
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}
