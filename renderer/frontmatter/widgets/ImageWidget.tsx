// Image picker: chooses from the images the app passes in (the post's bundle and the gallery).
// Works for a single image path and for a list of them (`images: [...]`).
import type { WidgetProps } from './props';

export function ImageWidget({ name, id, value, onValue, describedBy, readOnly, images, multiple }: WidgetProps<unknown> & { images: readonly string[]; multiple: boolean }) {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
  const choices = images.filter((i) => !list.includes(i));
  if (!multiple) {
    const current = list[0] ?? '';
    return (
      <select id={id} value={current} onChange={(e) => onValue(e.target.value)} aria-describedby={describedBy} disabled={readOnly}>
        <option value="">No image</option>
        {[...(current && !images.includes(current) ? [current] : []), ...images].map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="fm-images">
      <ul aria-label={`${name} chosen`}>
        {list.map((i) => (
          <li key={i} className="fm-chip">
            <span>{i}</span>
            {!readOnly && (
              <button type="button" aria-label={`Remove ${i} from ${name}`} onClick={() => onValue(list.filter((x) => x !== i))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <select
          id={id}
         
          value=""
          onChange={(e) => e.target.value && onValue([...list, e.target.value])}
          aria-describedby={describedBy}
        >
          <option value="">{choices.length ? 'Add an image…' : 'No other images in this post'}</option>
          {choices.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
