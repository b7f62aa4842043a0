// Runs the text analyses of long posts off the page's thread, so counting a 1 MB recap never
// delays the next keystroke (renderer/writing-aids/use-analysis.ts).
import { ANALYSES, type AnalysisRequest, type AnalysisResponse } from './text-analyses';

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, kind, text } = e.data;
  let reply: AnalysisResponse;
  try {
    reply = { id, result: ANALYSES[kind](text) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
