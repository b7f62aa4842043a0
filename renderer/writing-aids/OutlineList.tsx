// The headings of the post, indented by level; choosing one asks the editor to jump there.
// Rows are keyed by their place in the list and only redrawn when their level or text changes:
// a typed character moves the offset of every heading after it, and a long recap has
// thousands, which must not all be rebuilt while the writer types.
import { memo, useCallback, useRef } from 'react';
import type { OutlineItem } from '../../shared/text-stats';
import { useAnalysis } from './use-analysis';

interface Props {
  /** The whole post text; offsets given to onJump are in it. */
  text: string;
  onJump(item: OutlineItem): void;
}

interface RowProps {
  index: number;
  level: number;
  text: string;
  onJump(index: number): void;
}

const OutlineRow = memo(function OutlineRow({ index, level, text, onJump }: RowProps) {
  return (
    <li style={{ paddingInlineStart: `${(level - 1) * 0.9}em` }}>
      <button type="button" onClick={() => onJump(index)} aria-label={`Go to heading: ${text || '(empty heading)'}`}>
        {text || <em>(empty heading)</em>}
      </button>
    </li>
  );
});

export function OutlineList({ text, onJump }: Props) {
  const items = useAnalysis('outline', text) ?? [];
  // The latest list and callback, read when a row is chosen (rows keep one stable callback).
  const latest = useRef({ items, onJump });
  latest.current = { items, onJump };
  const jump = useCallback((index: number) => {
    const item = latest.current.items[index];
    if (item) latest.current.onJump(item);
  }, []);
  return (
    <nav className="pw-writing-aid pw-outline" aria-label="Outline">
      {items.length === 0 ? (
        <p className="pw-muted">No headings yet. Headings you add appear here.</p>
      ) : (
        <ul>
          {items.map((h, i) => (
            <OutlineRow key={i} index={i} level={h.level} text={h.text} onJump={jump} />
          ))}
        </ul>
      )}
    </nav>
  );
}
