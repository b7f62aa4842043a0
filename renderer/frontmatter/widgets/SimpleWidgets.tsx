// Text, long text, URL, whole number and on/off widgets. Each sets its value on every change;
// the form patches only that field's line, so typing never rewrites the rest of the file.
import type { WidgetProps } from './props';

const str = (v: unknown) => (v == null ? '' : String(v));

export function TextWidget({ id, value, onValue, describedBy, invalid, readOnly }: WidgetProps<unknown>) {
  return <input id={id} type="text" value={str(value)} onChange={(e) => onValue(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} readOnly={readOnly} spellCheck />;
}

export function LongTextWidget({ id, value, onValue, describedBy, invalid, readOnly }: WidgetProps<unknown>) {
  // A folded `summary: >` value ends with one line break that the writer never sees.
  const text = str(value);
  const trailing = text.endsWith('\n') ? '\n' : '';
  return (
    <textarea
      id={id}
     
      rows={4}
      value={trailing ? text.slice(0, -1) : text}
      onChange={(e) => onValue(e.target.value + trailing)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      readOnly={readOnly}
      spellCheck
    />
  );
}

export function UrlWidget({ id, value, onValue, describedBy, invalid, readOnly }: WidgetProps<unknown>) {
  return <input id={id} type="url" inputMode="url" value={str(value)} onChange={(e) => onValue(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} readOnly={readOnly} placeholder="https://" />;
}

export function IntegerWidget({ id, value, onValue, describedBy, invalid, readOnly }: WidgetProps<unknown>) {
  return (
    <input
      id={id}
     
      type="number"
      step={1}
      value={typeof value === 'number' ? value : ''}
      onChange={(e) => {
        const n = Number.parseInt(e.target.value, 10);
        if (Number.isFinite(n)) onValue(n);
      }}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      readOnly={readOnly}
    />
  );
}

export function ToggleWidget({ id, value, onValue, describedBy, readOnly }: WidgetProps<unknown>) {
  return (
    <span className="fm-toggle">
      <input id={id} type="checkbox" role="switch" checked={value === true} onChange={(e) => onValue(e.target.checked)} aria-describedby={describedBy} disabled={readOnly} />
      <span aria-hidden="true">{value === true ? 'Yes' : 'No'}</span>
    </span>
  );
}

export function OptionsWidget({ id, value, onValue, describedBy, readOnly, options }: WidgetProps<unknown> & { options: string[] }) {
  const current = str(value);
  const all = current && !options.includes(current) ? [current, ...options] : options;
  return (
    <select id={id} value={current} onChange={(e) => onValue(e.target.value)} aria-describedby={describedBy} disabled={readOnly}>
      {!current && <option value="">Choose…</option>}
      {all.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
