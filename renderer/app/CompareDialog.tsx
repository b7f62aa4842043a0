// "Compare": the file on disk (changed by another program) next to the writer's unsaved text,
// line by line, so they can choose Keep mine or Take theirs knowingly.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { LineDiff } from '../ui/LineDiff';
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
  const [texts, setTexts] = useState<{ disk: string; mine: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.readPost({ path }).then(
      (disk) => live && setTexts({ disk: disk.raw, mine: mine() }),
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
        {!error && !texts && <p className="hint">Comparing…</p>}
        {texts && <LineDiff before={texts.disk} after={texts.mine} label="Differences" afterName="your text" beforeName="file on disk" />}
        <DialogActions ok="Keep mine" onOk={onKeepMine} cancel="Close" onCancel={onClose}>
          <button type="button" onClick={onTakeTheirs}>
            Take theirs
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
