// Random edits read back as typed: for every text block of a post (nested ones too: list items,
// quotes, table cells, footnote definitions, code blocks), a word is inserted at a seeded random
// text position, as a writer typing there would; the post is saved source-preservingly through
// the editor engine, the saved text is parsed again, and the result must be the edited document.
// Also counts edits whose save touched lines outside the edited block (a minimal diff is the
// product's promise, but only a wrong read-back loses a writer's words).
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { Transform } from '@milkdown/kit/prose/transform';
import { diffLines } from 'diff';
import type { HeadlessEngine } from '../../../engine/headless';
import { sameBlock } from '../../../engine/block-check';

export interface EditFailure {
  file: string;
  /** Where the edit was: the text block's path of child indexes and its type, e.g. "4.0.1 paragraph". */
  block: string;
  /** The edited block, as it should read back. */
  before: string;
  /** The block the saved text reads back as. */
  after: string;
}

export interface EditCheckCounts {
  edits: number;
  wrong: number;
  otherLinesChanged: number;
  failures: EditFailure[];
  /** Why the post was not checked (the editor does not open it for editing), or null. */
  skipped: string | null;
}

const WORDS = ['harbour', 'Lantern', 'ferry', 'tide', 'Nordlicht', 'café', 'fog', 'summit'];

/** A small seeded generator (mulberry32), so a run can be repeated exactly with --seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TextBlock {
  /** Position of the block node in the document. */
  pos: number;
  node: PmNode;
  path: number[];
}

/** Every text block of the document, nested ones included, with its path of child indexes. */
export function textBlocks(doc: PmNode): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: PmNode, pos: number, path: number[]) => {
    node.forEach((child, offset, index) => {
      const at = pos + offset;
      if (child.isTextblock) out.push({ pos: at, node: child, path: [...path, index] });
      else if (!child.isLeaf && !child.isInline) walk(child, at + 1, [...path, index]);
    });
  };
  walk(doc, 0, []);
  return out;
}

/**
 * Inserts `word` at a random position inside the text block, with the marks a writer typing there
 * gets, and a space on each side where it would otherwise run into a neighbouring word.
 */
export function insertWord(doc: PmNode, block: TextBlock, random: () => number, word: string): PmNode {
  const start = block.pos + 1;
  let at = start + Math.floor(random() * (block.node.content.size + 1));
  // Between the CR and the LF of one line ending is no place a cursor can be.
  if (at > start && doc.textBetween(at - 1, at) === '\r' && doc.textBetween(at, Math.min(at + 1, block.pos + block.node.nodeSize - 1)) === '\n') at++;
  const $at = doc.resolve(at);
  const code = block.node.type.spec.code === true;
  const before = charAt(doc, at - 1, start, at);
  const after = charAt(doc, at, at, block.pos + block.node.nodeSize - 1);
  const gap = (c: string | null) => (c !== null && !/\s/.test(c) ? ' ' : '');
  const schema = doc.type.schema;
  if (code) return new Transform(doc).insert(at, schema.text(gap(before) + word + gap(after))).doc;
  // The word takes the marks at the cursor; a space beside it keeps only those its neighbour
  // shares (Markdown has no way to end emphasis or a link with a space, and no writer means it).
  const marks = $at.marks();
  const shared = (side: PmNode | null | undefined) => marks.filter((m) => side?.marks.some((n) => n.eq(m)));
  const parts = [
    gap(before) && schema.text(' ', shared($at.nodeBefore)),
    schema.text(before === null ? word[0].toUpperCase() + word.slice(1) : word, marks),
    gap(after) && schema.text(' ', shared($at.nodeAfter)),
  ].filter((p): p is PmNode => !!p);
  return new Transform(doc).insert(at, parts).doc;
}

/**
 * The character at a position: '\n' for a line break (a space before one is not kept by
 * Markdown), '\uFFFC' for another inline node, or null at the block's edge.
 */
function charAt(doc: PmNode, pos: number, min: number, max: number): string | null {
  if (pos < min || pos >= max) return null;
  if (doc.nodeAt(pos)?.type.name === 'hardbreak') return '\n';
  const text = doc.textBetween(pos, pos + 1, '\n', '\uFFFC');
  return text === '' ? '\uFFFC' : text;
}

/** Equal documents, heading ids aside (toDOM derives them; they are not in the file). */
function sameDoc(a: PmNode, b: PmNode): boolean {
  if (a.childCount !== b.childCount) return false;
  for (let i = 0; i < a.childCount; i++) if (!sameBlock(a.child(i), b.child(i))) return false;
  return true;
}

/**
 * Edits every text block of one post body `rounds` times (a new random position each round) and
 * checks each save. `file` only labels failures.
 */
export function checkEdits(engine: HeadlessEngine, file: string, body: string, random: () => number, rounds = 1): EditCheckCounts {
  const counts: EditCheckCounts = { edits: 0, wrong: 0, otherLinesChanged: 0, failures: [], skipped: null };
  const opened = engine.open(body);
  if (opened.parsed.unsafeReason) {
    counts.skipped = opened.parsed.unsafeReason;
    return counts;
  }
  const { doc, ranges } = opened.parsed;
  const blocks = textBlocks(doc);
  const context = definitionsOf(doc);
  const bodyLines = lineStarts(body);
  for (let round = 0; round < rounds; round++) {
    for (const block of blocks) {
      const word = WORDS[Math.floor(random() * WORDS.length)];
      const edited = insertWord(doc, block, random, word);
      // The save sees a copy, as after an undo in the editor: alignment by equality, not identity.
      const saved = opened.save(PmNode.fromJSON(engine.core.schema, edited.toJSON()));
      counts.edits++;
      if (readsBackNear(engine, body, saved, ranges, edited, context)) {
        countLines();
        continue;
      }
      const back = engine.core.parse(saved);
      if (back.unsafeReason || !sameDoc(back.doc, edited)) {
        counts.wrong++;
        const top = block.path[0];
        const got = back.doc.childCount > top ? back.doc.child(top) : null;
        counts.failures.push({
          file,
          block: `${block.path.join('.')} ${block.node.type.name}`,
          before: describeBlock(edited.child(top)),
          after: back.unsafeReason ?? (got ? describeBlock(got) : '(missing)'),
        });
        continue;
      }
      countLines();

      function countLines() {
        // An empty body has no blocks in the file: the whole body is the edited block's.
        const [from, to] = ranges[block.path[0]] ?? [0, body.length];
        const own = linesOf(block.node);
        if (!onlyLinesWithin(body, saved, lineOf(bodyLines, from), lineOf(bodyLines, Math.max(from, to - 1)), own)) counts.otherLinesChanged++;
      }
    }
  }
  return counts;
}

/**
 * The file's link reference and footnote definitions, to parse a part of it with: `[x][ref]`
 * and `[^1]` only mean a link or a footnote when their definition is in the text.
 */
function definitionsOf(doc: PmNode): string {
  const defs: string[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'raw_block' && node.attrs.kind === 'definition') defs.push(node.attrs.value as string);
    else if (node.type.name === 'footnote_definition') defs.push(`[^${node.attrs.label as string}]: .`);
  });
  return defs.length ? `\n\n${defs.join('\n\n')}\n` : '\n';
}

/**
 * A fast first look: the saved text differs from the body in one stretch; the blocks that stretch
 * touches and one block on each side, parsed with the file's definitions, read back as the
 * edited document's blocks. When they do not, the caller parses the whole saved text, which has
 * the last word (a change that runs past the next block, such as an opened fence, shows here
 * as a difference in that next block).
 */
function readsBackNear(
  engine: HeadlessEngine,
  body: string,
  saved: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  edited: PmNode,
  context: string,
): boolean {
  const n = ranges.length;
  if (n === 0 || edited.childCount !== n) return false;
  let pre = 0;
  const max = Math.min(body.length, saved.length);
  while (pre < max && body[pre] === saved[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && body[body.length - 1 - suf] === saved[saved.length - 1 - suf]) suf++;
  let first = 0;
  while (first < n - 1 && ranges[first][1] < pre) first++;
  let last = n - 1;
  while (last > 0 && ranges[last][0] > body.length - suf) last--;
  first = Math.max(0, first - 1);
  last = Math.min(n - 1, Math.max(last, first) + 1);
  const start = ranges[first][0];
  const end = ranges[last][1] + (saved.length - body.length);
  if (end <= start || end > saved.length) return false;
  const part = engine.core.parse(saved.slice(start, end) + context);
  const count = last - first + 1;
  if (part.unsafeReason || part.doc.childCount < count) return false;
  for (let i = 0; i < count; i++) if (!sameBlock(part.doc.child(i), edited.child(first + i))) return false;
  // The definitions after the window must read back as definitions, nothing more.
  return part.doc.childCount === count + (context.trim() ? context.trim().split(/\n\n/).length : 0);
}

/** Text and marks of a block, short enough to read in a report. */
function describeBlock(node: PmNode): string {
  const text = JSON.stringify(node.toJSON());
  return text.length > 600 ? `${text.slice(0, 597)}...` : text;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines a text block takes in the file: its line breaks, hard or soft, plus one. */
function linesOf(node: PmNode): number {
  let n = 1;
  node.descendants((child) => {
    if (child.isText) n += child.text!.split('\n').length - 1;
    else if (child.type.name === 'hardbreak') n++;
    return true;
  });
  return n;
}

/**
 * Did the save replace at most `most` lines, all in [first, last] (0-based lines of `before`),
 * and add lines only there?
 */
function onlyLinesWithin(before: string, after: string, first: number, last: number, most: number): boolean {
  let line = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    const n = part.count ?? 0;
    if (part.removed) {
      if (line < first || line + n - 1 > last || (removed += n) > most) return false;
      line += n;
    } else if (part.added) {
      if (line < first || line > last + 1) return false;
    } else line += n;
  }
  return true;
}
