// "Compare": the file on disk (changed by another program) next to the writer's unsaved text,
// line by line, so they can choose Keep mine or Take theirs knowingly.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { compareLines, type CompareLine } from '../recovery/compare-lines';
import { Dialog } from '../ui/Dialog';
import '../recovery/recovery.css';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  path: string;
  /** The writer's text now. */
  mine(): string;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onClose(): void;
}

export function CompareDialog({ path, mine, onKeepMine, onTakeTheirs, onClose }: Props) {
  const [lines, setLines] = useState<CompareLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.readPost({ path }).then(
      (disk) => live && setLines(compareLines(disk.raw, mine())),
      (e: Error) => live && setError(`The file on disk could not be read: ${e.message}`),
    );
    return () => {
      live = false;
    };
    // Compared once, when the dialog opens.
  }, [path]);

  return (
    <Dialog title="Compare with the file on disk" onCancel={onClose}>
      <div className="compare-dialog">
        {error && <p className="form-error">{error}</p>}
        {!error && !lines && <p className="hint">Comparing…</p>}
        {lines && (
          <div className="recovery-compare" role="region" aria-label="Differences" tabIndex={0}>
            <p className="hint">
              <span className="recovery-added">+ your text</span> · <span className="recovery-removed">− file on disk</span>
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
        )}
        <DialogActions ok="Keep mine" onOk={onKeepMine} cancel="Close" onCancel={onClose}>
          <button type="button" onClick={onTakeTheirs}>
            Take theirs
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
