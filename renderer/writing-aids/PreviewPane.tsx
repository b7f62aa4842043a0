// "Preview": the post as the site will show it. With hugo installed, main runs `hugo server`
// on a loopback port and the pane shows the post's page in a frame (Hugo reloads it on save);
// without it, the built-in preview draws the editor's text.
import { useEffect, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { PreviewResult } from '../../shared/ipc/channels/search';
import { BuiltinPreview } from './BuiltinPreview';

interface Props {
  api: Api;
  postPath: string;
  /** The editor's text, for the built-in preview. */
  raw: string;
  title?: string;
}

export function PreviewPane({ api, postPath, raw, title }: Props) {
  const [result, setResult] = useState<PreviewResult | null>(null);
  useEffect(() => {
    let live = true;
    setResult(null);
    api.startPreview({ postPath }).then(
      (r) => live && setResult(r),
      (e: Error) => live && setResult({ url: null, fallback: true, reason: e.message }),
    );
    return () => {
      live = false;
    };
  }, [api, postPath]);

  if (!result) return <p role="status">Starting the preview…</p>;
  if (result.url && !result.fallback) {
    return (
      <section className="pw-writing-aid pw-preview-pane" aria-label="Preview">
        {result.reason && <p className="pw-muted">{result.reason}</p>}
        {/* Only a loopback URL from main is ever framed; the page cannot reach the app. */}
        <iframe title="Preview of the post" src={result.url} sandbox="allow-scripts allow-same-origin" />
      </section>
    );
  }
  return (
    <section className="pw-writing-aid pw-preview-pane" aria-label="Preview">
      {result.reason && <p className="pw-muted">{result.reason}</p>}
      <BuiltinPreview raw={raw} postPath={postPath} assetUrl={(p) => api.assetUrl(p)} title={title} />
    </section>
  );
}
