// Open-and-save of one post's text through the editor engine, as the CLI and bench do it:
// front matter split off by offsets and kept verbatim, body parsed into the editor model and
// saved source-preservingly. The saved document is a copy rebuilt from JSON, so the save goes
// through the real alignment (equality, not object identity), as after an undo in the editor.
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { splitFrontMatter } from '../shared/frontmatter/split';
import type { HeadlessEngine } from './headless';
import { createBlockCheck } from './block-check';
import type { ParsedBody } from './markdown-core';

export interface RoundtripResult {
  output: string;
  /** Every top-level block maps 1:1 to its source slice. */
  mappable: boolean;
  unsafeReason: string | null;
  /** Every block, written by the serializer, reads back as the same block (safe to edit). */
  editable?: boolean;
  /** The body (after the front matter) and the editor's document of it, for figures on it. */
  body: string;
  parsed: ParsedBody;
}

export function roundtripText(engine: HeadlessEngine, text: string, checkEditable = false): RoundtripResult {
  const split = splitFrontMatter(text);
  const head = text.slice(0, split.bodyOffset);
  const body = text.slice(split.bodyOffset);
  const opened = engine.open(body);
  const { doc, unsafeReason } = opened.parsed;
  const copy = PmNode.fromJSON(engine.core.schema, doc.toJSON());
  const output = head + opened.save(copy);
  const result: RoundtripResult = { output, mappable: unsafeReason === null, unsafeReason, body, parsed: opened.parsed };
  if (checkEditable) result.editable = unsafeReason === null && blocksReparse(engine, doc, opened.snapshot.style);
  return result;
}

function blocksReparse(engine: HeadlessEngine, doc: PmNode, style: Parameters<HeadlessEngine['core']['serializeBlock']>[1]): boolean {
  const pristine: PmNode[] = [];
  doc.forEach((n) => pristine.push(n));
  const check = createBlockCheck(engine.core, pristine);
  return pristine.every((block) => check(engine.core.serializeBlock(block, style), block));
}
