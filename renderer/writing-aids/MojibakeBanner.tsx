// Shown above the editor when the post holds garbled characters (UTF-8 once read through Mac
// Roman or Windows-1252): how many, a preview of the repair, and one button that repairs
// exactly those runs (so only their lines change in the diff).
import { detectMojibake, fixMojibake, type MojibakeRun } from '../../shared/mojibake';
import { useAnalysis } from './use-analysis';

interface Props {
  /** The whole post as it is in the editor (front matter and body). */
  text: string;
  /** Receives the repaired text; the editor applies it like any edit (undoable). */
  onFix(fixed: string, runs: MojibakeRun[]): void;
  onDismiss?(): void;
}

const PREVIEW = 3;

export function MojibakeBanner({ text, onFix, onDismiss }: Props) {
  // Found in a worker for long posts: possibly for a slightly older text, so the repair itself
  // finds the runs again in the text as it is now.
  const runs = useAnalysis('mojibake', text) ?? [];
  if (!runs.length) return null;
  const samples = [...new Map(runs.map((r) => [r.original, r])).values()].slice(0, PREVIEW);
  return (
    <div className="pw-writing-aid pw-banner pw-banner-warn" role="region" aria-label="Garbled characters">
      <p>
        <strong>
          {runs.length} garbled character{runs.length > 1 ? 's' : ''}
        </strong>{' '}
        found. This happens when a file was once opened with the wrong encoding.
      </p>
      <ul className="pw-mojibake-samples" aria-label="Repairs">
        {samples.map((r) => (
          <li key={r.start}>
            <code>{visible(r.original)}</code> <span aria-hidden="true">→</span>
            <span className="pw-visually-hidden">becomes</span> <code>{r.fixed}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => {
          const now = detectMojibake(text);
          onFix(fixMojibake(text, now), now);
        }}>
        Fix
      </button>
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label="Dismiss garbled characters notice">
          Not now
        </button>
      )}
    </div>
  );
}

/** U+F8FF (the Apple logo in Mac Roman) is invisible in most fonts: show it. */
function visible(s: string): string {
  return s.replace(/\uF8FF/g, '\u2318');
}
