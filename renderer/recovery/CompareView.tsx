// Line-by-line comparison of the file on disk with the recovered text, so the writer can see
// what restoring would bring back (and what a colleague changed meanwhile).
import { useEffect, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import { compareLines, type CompareLine } from './compare-lines';

interface CompareViewProps {
  api: Api;
  path: string;
  deleted: boolean;
}

export function CompareView({ api, path, deleted }: CompareViewProps) {
  const [lines, setLines] = useState<CompareLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const onDisk = deleted ? Promise.resolve('') : api.readPost({ path }).then((p) => p.raw);
    Promise.all([onDisk, api.journalRead({ path })]).then(
      ([disk, text]) => live && setLines(compareLines(disk, text.raw)),
      (e: Error) => live && setError(`The versions could not be compared: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [api, path, deleted]);

  if (error) return <p className="form-error">{error}</p>;
  if (!lines) return <p className="hint">Comparing…</p>;
  return (
    <div className="recovery-compare" role="region" aria-label={`Differences in ${path}`} tabIndex={0}>
      <p className="hint">
        <span className="recovery-added">+ unsaved text</span> · <span className="recovery-removed">− file on disk</span>
      </p>
      <pre>
        {lines.map((l, i) =>
          l.kind === 'added' ? (
            <ins key={i}>{`+ ${l.text}\n`}</ins>
          ) : l.kind === 'removed' ? (
            <del key={i}>{`- ${l.text}\n`}</del>
          ) : l.kind === 'skipped' ? (
            <span key={i} className="hint">{`  … ${l.text}\n`}</span>
          ) : (
            <span key={i}>{`  ${l.text}\n`}</span>
          ),
        )}
      </pre>
    </div>
  );
}
