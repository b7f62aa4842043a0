// The pre-publish checklist of the open post, in plain words: errors first, then warnings,
// each with its line to jump to. Run when the panel opens, when the writer asks again, and
// (debounced) as the text changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { PostCheck } from '../../shared/ipc/channels/search';

interface Props {
  api: Api;
  path: string;
  /** The editor's current text (checked instead of the file when given). */
  raw?: string;
  onJumpToLine?(line: number): void;
  /** Milliseconds of quiet typing before checking again (default 600). */
  debounceMs?: number;
}

export function ChecklistPanel({ api, path, raw, onJumpToLine, debounceMs = 600 }: Props) {
  const [check, setCheck] = useState<PostCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const run = useCallback(() => {
    const mine = ++seq.current;
    api.checkPost(raw === undefined ? { path } : { path, raw }).then(
      (c) => {
        if (mine === seq.current) {
          setCheck(c);
          setError(null);
        }
      },
      (e: Error) => mine === seq.current && setError(e.message),
    );
  }, [api, path, raw]);

  useEffect(() => {
    const t = setTimeout(run, check ? debounceMs : 0);
    return () => clearTimeout(t);
    // `check` only decides the first delay.
  }, [run, debounceMs]);

  const problems = check?.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="pw-writing-aid pw-checklist" aria-label="Before publishing">
      <header>
        <h2>Before publishing</h2>
        <button type="button" onClick={run}>
          Check again
        </button>
      </header>
      <p role="status" aria-live="polite">
        {error ??
          (!check
            ? 'Checking…'
            : problems.length === 0
              ? 'All good: nothing to fix before publishing.'
              : `${errors} to fix, ${problems.length - errors} to consider.`)}
      </p>
      <ul aria-label="Checklist">
        {problems.map((p, i) => (
          <li key={i} className={`pw-check pw-check-${p.severity}`}>
            <span className="pw-check-kind">{p.severity === 'error' ? 'Fix' : 'Consider'}</span> {p.message}
            {p.line !== undefined && onJumpToLine && (
              <button type="button" onClick={() => onJumpToLine(p.line!)} aria-label={`Go to line ${p.line}`}>
                line {p.line}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
