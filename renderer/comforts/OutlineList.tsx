// The headings of the post, indented by level; choosing one asks the editor to jump there.
import type { OutlineItem } from '../../shared/text-stats';
import { useAnalysis } from './use-analysis';

interface Props {
  /** The whole post text; offsets given to onJump are in it. */
  text: string;
  onJump(item: OutlineItem): void;
}

export function OutlineList({ text, onJump }: Props) {
  const items = useAnalysis('outline', text) ?? [];
  return (
    <nav className="pw-comforts pw-outline" aria-label="Outline">
      {items.length === 0 ? (
        <p className="pw-muted">No headings yet. Headings you add appear here.</p>
      ) : (
        <ul>
          {items.map((h) => (
            <li key={h.offset} style={{ paddingInlineStart: `${(h.level - 1) * 0.9}em` }}>
              <button type="button" onClick={() => onJump(h)} aria-label={`Go to heading: ${h.text || '(empty heading)'}`}>
                {h.text || <em>(empty heading)</em>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
