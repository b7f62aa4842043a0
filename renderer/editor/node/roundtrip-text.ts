// Open-and-save of one post's text through the editor engine, as the CLI and bench do it:
// front matter split off by offsets and kept verbatim, body parsed into the editor model and
// saved source-preservingly. The saved document is a copy rebuilt from JSON, so the save goes
// through the real alignment (equality, not object identity), as after an undo in the editor.
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import type { HeadlessEngine } from '../headless';

export interface RoundtripResult {
  output: string;
  /** Every top-level block maps 1:1 to its source slice. */
  mappable: boolean;
  unsafeReason: string | null;
  /** Every block, written by the serializer, reads back as the same block (safe to edit). */
  editable?: boolean;
}

export function roundtripText(engine: HeadlessEngine, text: string, checkEditable = false): RoundtripResult {
  const split = splitFrontMatter(text);
  const head = text.slice(0, split.bodyOffset);
  const opened = engine.open(text.slice(split.bodyOffset));
  const { doc, unsafeReason } = opened.parsed;
  const copy = PmNode.fromJSON(engine.core.schema, doc.toJSON());
  const output = head + opened.save(copy);
  const result: RoundtripResult = { output, mappable: unsafeReason === null, unsafeReason };
  if (checkEditable) result.editable = unsafeReason === null && blocksReparse(engine, doc, opened.snapshot.style);
  return result;
}

function blocksReparse(engine: HeadlessEngine, doc: PmNode, style: Parameters<HeadlessEngine['core']['serializeBlock']>[1]): boolean {
  for (let i = 0; i < doc.childCount; i++) {
    const block = doc.child(i);
    const again = engine.core.parse(engine.core.serializeBlock(block, style)).doc;
    if (again.childCount !== 1 || !sameIgnoringIds(again.child(0), block)) return false;
  }
  return true;
}

/** Heading ids are derived, not content; compare without them. */
function sameIgnoringIds(a: PmNode, b: PmNode): boolean {
  return a.eq(b) || JSON.stringify(stripIds(a.toJSON())) === JSON.stringify(stripIds(b.toJSON()));
}

function stripIds(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), (k, v) => (k === 'id' ? undefined : v));
}
