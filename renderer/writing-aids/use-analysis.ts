// An analysis of the post text (counts, garbled characters, outline) for a component. A post's
// text is analysed in a worker (a 1 MB recap takes 100 ms or more, a 12 KB one still a few ms
// per pause, and a few ms on the page's thread that land while a key is in flight are what
// make typing feel slower than the browser alone); the last result stays on screen until the
// new one arrives. Tiny texts (a selection, a stub post) are analysed in the page, in a deferred
// render. Where no worker can start (tests under Node, a blocked worker), the page does the work.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ANALYSES, type AnalysisKind, type AnalysisRequest, type AnalysisResponse, type AnalysisResults } from './text-analyses';

/** Texts at least this long are analysed in the worker (below it, the page is quicker than a message). */
export const OFFLOAD_CHARS = 2_000;

let worker: Worker | null = null;
let broken = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<number, { resolve(v: unknown): void; kind: AnalysisKind; text: string }>();

function settleInPage(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.resolve(ANALYSES[w.kind](w.text));
  }
}

function analysisWorker(): Worker | null {
  if (broken) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'postwright-analysis' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<AnalysisResponse>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    w.resolve(e.data.error === undefined ? e.data.result : ANALYSES[w.kind](w.text));
  };
  worker.onerror = () => settleInPage();
  return worker;
}

/** Runs one analysis in the worker (or, failing that, in the page). */
export function analyze<K extends AnalysisKind>(kind: K, text: string): Promise<AnalysisResults[K]> {
  const w = analysisWorker();
  if (!w) return Promise.resolve(ANALYSES[kind](text));
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, { resolve: resolve as (v: unknown) => void, kind, text });
    w.postMessage({ id, kind, text } satisfies AnalysisRequest);
  });
}

/** The analysis of `text`, or the previous one (or null) while a long text is being analysed. */
export function useAnalysis<K extends AnalysisKind>(kind: K, text: string): AnalysisResults[K] | null {
  const offload = text.length >= OFFLOAD_CHARS && !broken;
  // In the page, the analysis runs in a deferred render: a post opens (and a key is handled)
  // first, and the counts follow in the next render rather than holding up that paint.
  const deferred = useDeferredValue<string | null>(offload ? null : text, null);
  const inPage = useMemo(() => (offload || deferred === null ? null : ANALYSES[kind](deferred)), [kind, deferred, offload]);
  const [fromWorker, setFromWorker] = useState<AnalysisResults[K] | null>(null);
  useEffect(() => {
    if (!offload) return;
    let live = true;
    void analyze(kind, text).then((r) => {
      if (live) setFromWorker(() => r);
    });
    return () => {
      live = false;
    };
  }, [kind, text, offload]);
  return offload ? fromWorker : inPage;
}
