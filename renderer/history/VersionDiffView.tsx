// One version compared with the current text, as a writer reads it: field changes as
// "field: old → new", then the body's words with removed ones struck through and added ones marked.
import type { VersionDiff } from '../../shared/ipc/channels/git';

export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  if (diff.identical) return <p className="pw-hist-note">This version is the same as the current text.</p>;
  return (
    <div className="pw-hist-diff" aria-label="Changes since this version">
      {diff.fieldsError && <p className="pw-hist-note">{diff.fieldsError}</p>}
      {diff.fields.length > 0 && (
        <ul aria-label="Field changes" className="pw-hist-fields">
          {diff.fields.map((f) => (
            <li key={f.field}>{f.text}</li>
          ))}
        </ul>
      )}
      <p className="pw-hist-counts">
        Since this version: {words(diff.wordsAdded)} added, {words(diff.wordsRemoved)} removed.
      </p>
      <div className="pw-hist-words" role="region" aria-label="Text changes" tabIndex={0}>
        {diff.words.map((w, i) =>
          w.kind === 'added' ? (
            <ins key={i}>{w.text}</ins>
          ) : w.kind === 'removed' ? (
            <del key={i}>{w.text}</del>
          ) : (
            <span key={i}>{w.text}</span>
          ),
        )}
      </div>
    </div>
  );
}

const words = (n: number) => (n === 0 ? 'no words' : n === 1 ? '1 word' : `${n} words`);
