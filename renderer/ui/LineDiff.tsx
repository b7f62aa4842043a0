// Two texts compared line by line (compare-lines.ts): the writer's lines marked +, the other
// text's marked −, a little context around each change and long unchanged stretches folded.
// One view for "Compare with the file on disk" and the recovery dialog's comparison.
import { useMemo } from 'react';
import { compareLines } from './compare-lines';
import './line-diff.css';

interface LineDiffProps {
  /** The text the lines marked − come from (the file on disk). */
  before: string;
  /** The text the lines marked + come from (the writer's). */
  after: string;
  /** The region's accessible name. */
  label: string;
  /** What the + lines are, in the legend ("your text", "unsaved text"). */
  afterName: string;
  /** What the − lines are ("file on disk"). */
  beforeName: string;
}

export function LineDiff({ before, after, label, afterName, beforeName }: LineDiffProps) {
  const lines = useMemo(() => compareLines(before, after), [before, after]);
  return (
    <div className="recovery-compare" role="region" aria-label={label} tabIndex={0}>
      <p className="hint">
        <span className="recovery-added">+ {afterName}</span> · <span className="recovery-removed">− {beforeName}</span>
      </p>
      <pre>
        {lines.map((l, i) =>
          l.kind === 'added' ? (
            <ins key={i}>{`+ ${l.text}\n`}</ins>
          ) : l.kind === 'removed' ? (
            <del key={i}>{`- ${l.text}\n`}</del>
          ) : (
            <span key={i} className={l.kind === 'skipped' ? 'hint' : undefined}>{`  ${l.kind === 'skipped' ? '… ' : ''}${l.text}\n`}</span>
          ),
        )}
      </pre>
    </div>
  );
}
