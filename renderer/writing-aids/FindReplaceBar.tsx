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
  /**
   * Calls back on every change of the post's text (returns the unsubscribe), and reads it: a
   * "Replaced 2" that no longer holds (undone, or typed over) goes away.
   */
  onTextChange?(listener: () => void): () => void;
  readText?(): string;
}

export function FindReplaceBar({ onFind, onNext, onPrevious, onReplace, onReplaceAll, onClose, initialQuery = '', onTextChange, readText }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [state, setState] = useState<FindState>({ count: 0, current: 0 });
  const [message, setMessage] = useState('');
  /** False once the text changed under the last count (see the text listener below). */
  const [counted, setCounted] = useState(true);
  const show = (next: FindState) => {
    setState(next);
    setCounted(true);
  };
  const findRef = useRef<HTMLInputElement>(null);
  /** The text right after the replace the message reports. */
  const replacedText = useRef<string | null>(null);

  useEffect(() => {
    if (!onTextChange || !readText) return;
    return onTextChange(() => {
      if (replacedText.current === null || readText() === replacedText.current) return;
      replacedText.current = null;
      setMessage('');
      // The count from before the change no longer holds either (an undo brings matches back):
      // it shows again at the next find, next or previous, without moving the writer's caret now.
      setCounted(false);
    });
  }, [onTextChange, readText]);

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, []);

  useEffect(() => {
    show(onFind(query, { matchCase, wholeWord }));
    setMessage('');
    // onFind is the editor's; re-run only when what is searched changes.
  }, [query, matchCase, wholeWord]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && e.target === findRef.current) {
      e.preventDefault();
      show(e.shiftKey ? onPrevious() : onNext());
    }
  };

  const status = !query || !counted ? '' : state.count === 0 ? 'No matches' : `${state.current} of ${state.count}`;
  return (
    <div className="pw-writing-aid pw-find" role="search" aria-label="Find and replace" onKeyDown={onKey}>
      <input ref={findRef} type="search" aria-label="Find" placeholder="Find" value={query} onChange={(e) => setQuery(e.target.value)} />
      <span className="pw-find-status" role="status" aria-live="polite">
        {message || status}
      </span>
      <button type="button" aria-label="Previous match" disabled={counted ? !state.count : !query} onClick={() => show(onPrevious())}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={counted ? !state.count : !query} onClick={() => show(onNext())}>
        ↓
      </button>
      <label>
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
      </label>
      <label>
        <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole word
      </label>
      <input type="text" aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      <button type="button" disabled={counted ? !state.count : !query} onClick={() => show(onReplace(replacement))}>
        Replace
      </button>
      <button
        type="button"
        disabled={counted ? !state.count : !query}
        onClick={() => {
          const n = onReplaceAll(replacement);
          setState({ count: 0, current: 0 });
          setMessage(`Replaced ${n}`);
          replacedText.current = n > 0 && readText ? readText() : null;
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
