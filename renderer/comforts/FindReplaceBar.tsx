// Find and replace in the open post. The bar owns the fields and options; the editor owns the
// text and does the finding, moving and replacing through these callbacks (so it can select
// matches in its own view and keep undo working).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FindOptions } from './find-matches';

export interface FindState {
  /** Number of matches in the post. */
  count: number;
  /** 1-based index of the current match, 0 when none. */
  current: number;
}

interface Props {
  /** Called whenever the query or the options change; the editor highlights and answers. */
  onFind(query: string, opts: FindOptions): FindState;
  onNext(): FindState;
  onPrevious(): FindState;
  /** Replaces the current match and moves to the next. */
  onReplace(replacement: string): FindState;
  onReplaceAll(replacement: string): number;
  onClose(): void;
  initialQuery?: string;
}

export function FindReplaceBar({ onFind, onNext, onPrevious, onReplace, onReplaceAll, onClose, initialQuery = '' }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [state, setState] = useState<FindState>({ count: 0, current: 0 });
  const [message, setMessage] = useState('');
  const findRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, []);

  useEffect(() => {
    setState(onFind(query, { matchCase, wholeWord }));
    setMessage('');
    // onFind is the editor's; re-run only when what is searched changes.
  }, [query, matchCase, wholeWord]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && e.target === findRef.current) {
      e.preventDefault();
      setState(e.shiftKey ? onPrevious() : onNext());
    }
  };

  const status = !query ? '' : state.count === 0 ? 'No matches' : `${state.current} of ${state.count}`;
  return (
    <div className="pw-comforts pw-find" role="search" aria-label="Find and replace" onKeyDown={onKey}>
      <input ref={findRef} type="search" aria-label="Find" placeholder="Find" value={query} onChange={(e) => setQuery(e.target.value)} />
      <span className="pw-find-status" role="status" aria-live="polite">
        {message || status}
      </span>
      <button type="button" aria-label="Previous match" disabled={!state.count} onClick={() => setState(onPrevious())}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!state.count} onClick={() => setState(onNext())}>
        ↓
      </button>
      <label>
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
      </label>
      <label>
        <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole word
      </label>
      <input type="text" aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      <button type="button" disabled={!state.count} onClick={() => setState(onReplace(replacement))}>
        Replace
      </button>
      <button
        type="button"
        disabled={!state.count}
        onClick={() => {
          const n = onReplaceAll(replacement);
          setState({ count: 0, current: 0 });
          setMessage(`Replaced ${n}`);
        }}
      >
        Replace all
      </button>
      <button type="button" aria-label="Close find and replace" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
