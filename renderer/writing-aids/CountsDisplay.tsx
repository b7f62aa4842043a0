// Words, characters and reading time of the post, and of the selection when there is one.
import type { TextStats } from '../../shared/text-stats';
import { useAnalysis } from './use-analysis';

interface Props {
  /** The post's body (Markdown). */
  body: string;
  /** The selected text, if any. */
  selection?: string;
}

const fmt = (n: number) => n.toLocaleString();

function describe(s: TextStats): string {
  return `${fmt(s.words)} word${s.words === 1 ? '' : 's'} · ${fmt(s.characters)} character${s.characters === 1 ? '' : 's'} · ${s.readingMinutes} min read`;
}

export function CountsDisplay({ body, selection }: Props) {
  // Long posts are counted in a worker: the last counts stay until the new ones arrive.
  const post = useAnalysis('stats', body);
  const sel = useAnalysis('stats', selection ?? '');
  return (
    <div className="pw-writing-aid pw-counts" role="status" aria-label="Word count" aria-live="off">
      <span>{post ? describe(post) : 'Counting…'}</span>
      {selection && sel && sel.characters > 0 && (
        <span className="pw-counts-selection" aria-label="Selection count">
          Selection: {fmt(sel.words)} word{sel.words === 1 ? '' : 's'}, {fmt(sel.characters)} character{sel.characters === 1 ? '' : 's'}
        </span>
      )}
    </div>
  );
}
