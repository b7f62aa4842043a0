// "Fix" on the garbled-characters banner: repairs the front matter's text and the editor's
// body the same way any edit does (the front matter as text, the body through the editor, one
// undoable step), so the usual save writes it and only the repaired lines change on disk.
import { detectMojibake, fixMojibake } from '../../shared/mojibake';
import type { PostEditorHandle } from '../editor/types';

export interface MojibakeFixResult {
  frontMatter: string;
  /** Garbled runs of the body the editor could not reach (inside a card, a read-only post). */
  leftInBody: number;
}

export function fixMojibakeInPost(frontMatter: string, body: string, editor: PostEditorHandle | null): MojibakeFixResult {
  const fmRuns = detectMojibake(frontMatter);
  const fixedFm = fmRuns.length ? fixMojibake(frontMatter, fmRuns) : frontMatter;
  const bodyRuns = detectMojibake(body);
  let left = bodyRuns.length;
  const integration = editor?.integration;
  if (bodyRuns.length && integration && !editor.unsafeReason) {
    // Each distinct garbled text once, longest first, so a short run never splits a longer one.
    const pairs = [...new Map(bodyRuns.map((r) => [r.original, r.fixed])).entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [original, fixed] of pairs) integration.replaceLiteral(original, fixed);
    left = detectMojibake(editor.getBody()).length;
  }
  return { frontMatter: fixedFm, leftInBody: left };
}
