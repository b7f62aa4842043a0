// The analyses the writing aids run over the whole post text (counts, garbled characters,
// outline), by name, so the same table runs in the page and in the analysis worker.
import { detectMojibake, type MojibakeRun } from '../../shared/mojibake';
import { outlineOfPost, textStats, type OutlineItem, type TextStats } from '../../shared/text-stats';

export interface AnalysisResults {
  stats: TextStats;
  mojibake: MojibakeRun[];
  outline: OutlineItem[];
}

export type AnalysisKind = keyof AnalysisResults;

export const ANALYSES: { [K in AnalysisKind]: (text: string) => AnalysisResults[K] } = {
  stats: textStats,
  mojibake: detectMojibake,
  outline: outlineOfPost,
};

export interface AnalysisRequest {
  id: number;
  kind: AnalysisKind;
  text: string;
}

export interface AnalysisResponse {
  id: number;
  result?: unknown;
  error?: string;
}
