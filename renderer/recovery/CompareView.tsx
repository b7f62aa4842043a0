// Line-by-line comparison of the file on disk with the recovered text, so the writer can see
// what restoring would bring back (and what a colleague changed meanwhile).
import { useEffect, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import { LineDiff } from '../ui/LineDiff';

interface CompareViewProps {
  api: Api;
  path: string;
  deleted: boolean;
}

export function CompareView({ api, path, deleted }: CompareViewProps) {
  const [texts, setTexts] = useState<{ disk: string; unsaved: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const onDisk = deleted ? Promise.resolve('') : api.readPost({ path }).then((p) => p.raw);
    Promise.all([onDisk, api.journalRead({ path })]).then(
      ([disk, text]) => live && setTexts({ disk, unsaved: text.raw }),
      (e: Error) => live && setError(`The versions could not be compared: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [api, path, deleted]);

  if (error) return <p className="form-error">{error}</p>;
  if (!texts) return <p className="hint">Comparing…</p>;
  return <LineDiff before={texts.disk} after={texts.unsaved} label={`Differences in ${path}`} afterName="unsaved text" beforeName="file on disk" />;
}
