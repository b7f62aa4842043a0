// Source-preserving save. The pristine document's top-level blocks each map to a source slice of
// the body. On save, the current blocks are aligned with the pristine ones (identity or `.eq`,
// common prefix/suffix first, then an LCS on the changed middle). Unchanged blocks are written as
// their original slice, whitespace between two originally-adjacent blocks as it was; changed
// blocks are serialized and merged three-way with their original slice (minimal diff); new
// blocks are serialized in the file's style and line ending.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { mergeBlock } from '../shared/markdown/merge-block';
import { detectEol, detectStyle, toLf, withEol, type Eol, type MarkdownStyle } from '../shared/markdown/style';
import { reindent } from '../shared/markdown/inner-indent';
import { createBlockCheck, type BlockCheck } from './block-check';
import type { MarkdownCore } from './markdown-core';

export interface SourceSnapshot {
  body: string;
  /** Top-level blocks of the document right after loading (after Milkdown settled). */
  pristine: readonly PmNode[];
  ranges: ReadonlyArray<readonly [number, number]>;
  readonly style: MarkdownStyle;
  readonly eol: Eol;
}

export function takeSnapshot(body: string, doc: PmNode, ranges: ReadonlyArray<readonly [number, number]>): SourceSnapshot {
  const pristine: PmNode[] = [];
  // A body with no block (empty, or only blank lines) still opens as one
  // empty paragraph, which ProseMirror needs to put a caret in. That paragraph has no source:
  // it is not a pristine block, or saving a typed first paragraph would look up its range.
  if (ranges.length > 0) doc.forEach((n) => pristine.push(n));
  return snapshotOf(body, pristine, ranges);
}

/** A snapshot from the pristine blocks themselves (a long post's pieces, progressive-open.ts). */
export function snapshotOf(body: string, pristine: readonly PmNode[], ranges: ReadonlyArray<readonly [number, number]>): SourceSnapshot {
  // The style is only needed when a changed block is written: detect it on first use, so that
  // opening (and saving an untouched post) does not scan the whole body.
  let style: MarkdownStyle | null = null;
  let eol: Eol | null = null;
  return {
    body,
    pristine,
    ranges,
    get style() {
      return (style ??= detectStyle(body));
    },
    get eol() {
      return (eol ??= detectEol(body));
    },
  };
}

const same = (a: PmNode, b: PmNode) => a === b || a.eq(b);

/** For each current block, the index of the pristine block it equals, or -1. */
export function alignBlocks(pristine: readonly PmNode[], current: readonly PmNode[]): number[] {
  const n = pristine.length;
  const m = current.length;
  const match = new Array<number>(m).fill(-1);
  let pre = 0;
  while (pre < n && pre < m && same(current[pre], pristine[pre])) {
    match[pre] = pre;
    pre++;
  }
  let suf = 0;
  while (suf < n - pre && suf < m - pre && same(current[m - 1 - suf], pristine[n - 1 - suf])) {
    match[m - 1 - suf] = n - 1 - suf;
    suf++;
  }
  const pn = n - pre - suf;
  const cm = m - pre - suf;
  // LCS on the middle; an edit touches few blocks, so this table stays small. Guard anyway.
  if (pn > 0 && cm > 0 && pn * cm <= 4_000_000) {
    const w = pn + 1;
    const table = new Uint32Array((cm + 1) * w);
    for (let i = cm - 1; i >= 0; i--) {
      for (let j = pn - 1; j >= 0; j--) {
        table[i * w + j] = same(current[pre + i], pristine[pre + j])
          ? table[(i + 1) * w + j + 1] + 1
          : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < cm && j < pn) {
      if (same(current[pre + i], pristine[pre + j]) && table[i * w + j] === table[(i + 1) * w + j + 1] + 1) {
        match[pre + i] = pre + j;
        i++;
        j++;
      } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) i++;
      else j++;
    }
  }
  return match;
}

/**
 * Pairs unmatched current blocks with unmatched pristine blocks of the same type lying between
 * the same matched neighbours: these are edits of a block rather than new blocks.
 */
function pairEdits(pristine: readonly PmNode[], current: readonly PmNode[], match: number[]): number[] {
  const origin = match.slice();
  let prevP = -1;
  let k = 0;
  while (k < current.length) {
    if (match[k] !== -1) {
      prevP = match[k];
      k++;
      continue;
    }
    let end = k;
    while (end < current.length && match[end] === -1) end++;
    const nextP = end < current.length ? match[end] : pristine.length;
    let p = prevP + 1;
    for (let c = k; c < end && p < nextP; c++) {
      if (current[c].type === pristine[p].type) origin[c] = p++;
    }
    k = end;
  }
  return origin;
}

/**
 * What follows the text typed into a body that had no block: its line breaks when it was blank
 * (a file ends with its newline, as it did), else a blank line and the body (which then holds
 * only what reads as no block, such as link definitions: they stay as they were).
 */
function afterFirstText(body: string, eol: Eol): string {
  if (body.trim() === '') return /(?:\r\n|\n|\r)+$/.exec(body)?.[0] ?? withEol('\n', eol);
  return withEol('\n\n', eol) + body.replace(/^\s+/, '');
}

const inners = new WeakMap<PmNode, SourceSnapshot>();
/** The snapshot of a pristine shortcode container's inner content (see schema/verbatim-nodes.ts). */
function innerSnapshot(container: PmNode): SourceSnapshot {
  let snap = inners.get(container);
  if (!snap) {
    const pristine: PmNode[] = [];
    container.forEach((n) => pristine.push(n));
    inners.set(container, (snap = snapshotOf(container.attrs.inner as string, pristine, container.attrs.ranges as Array<[number, number]>)));
  }
  return snap;
}

const checks = new WeakMap<SourceSnapshot, BlockCheck>();
function checkFor(snap: SourceSnapshot, core: MarkdownCore): BlockCheck {
  let check = checks.get(snap);
  if (!check) checks.set(snap, (check = createBlockCheck(core, snap.pristine)));
  return check;
}

/**
 * A changed block: the word-level merge keeps most of the original's style; it is used only when
 * it reads back as the edited block. Otherwise the line-level merge, then the plain serialization,
 * under the same check. When even that does not read back (a block the serializer cannot write
 * exactly), the line-level merge is kept as the closest to the writer's text.
 */
function mergeChanged(base: string, ours: string, theirs: string, node: PmNode, check: () => BlockCheck): string {
  const fine = mergeBlock(base, ours, theirs);
  if (fine === theirs || check()(fine, node)) return fine;
  const coarse = mergeBlock(base, ours, theirs, { words: false });
  if (coarse !== fine && coarse !== theirs && check()(coarse, node)) return coarse;
  return check()(theirs, node) ? theirs : coarse;
}

export function saveBody(snap: SourceSnapshot, doc: PmNode, core: MarkdownCore): string {
  const current: PmNode[] = [];
  doc.forEach((n) => current.push(n));
  const { body, pristine, ranges } = snap;
  if (current.length === pristine.length && current.every((c, i) => same(c, pristine[i]))) return body;
  if (pristine.length === 0 && current.every((c) => c.type.name === 'paragraph' && c.content.size === 0)) return body;
  const eol = snap.eol;

  const match = alignBlocks(pristine, current);
  const origin = pairEdits(pristine, current, match);
  const n = pristine.length;
  const head = n ? body.slice(0, ranges[0][0]) : '';
  const tail = n ? body.slice(ranges[n - 1][1]) : '';
  const blank = withEol('\n\n', eol);
  const slice = (p: number) => body.slice(ranges[p][0], ranges[p][1]);
  const parts: string[] = [head];
  let prevOrigin = -2;
  let first = true;
  for (let c = 0; c < current.length; c++) {
    const node = current[c];
    const o = origin[c]; // for an unchanged block, the pristine index it matches
    let text: string;
    let last = o;
    if (match[c] !== -1) {
      // A run of unchanged blocks that were neighbours is one slice, gaps included.
      let end = c;
      while (end + 1 < current.length && match[end + 1] === match[end] + 1) end++;
      last = match[end];
      text = body.slice(ranges[o][0], ranges[last][1]);
      c = end;
    } else if (o !== -1 && node.type.name === 'shortcode_container' && pristine[o].type === node.type) {
      // A shortcode whose inner content changed: its tags as written (or as the parameter dialog
      // changed them), its inner content saved like a body of its own, against its own original.
      const inner = reindent(saveBody(innerSnapshot(pristine[o]), node, core), pristine[o].attrs.indent as string, pristine[o].attrs.tail as string);
      text = (node.attrs.open as string) + inner + (node.attrs.close as string);
    } else if (node.type.name === 'shortcode_text') {
      const inner = o !== -1 && pristine[o].type === node.type ? pristine[o].textContent : node.textContent;
      // Lines typed in a CRLF shortcode get its line ending.
      const typed = inner.includes('\r\n') ? node.textContent.replace(/\r?\n/g, '\r\n') : node.textContent;
      text = (node.attrs.open as string) + typed + (node.attrs.close as string);
    } else {
      const own = o !== -1 ? detectStyle(slice(o), snap.style) : snap.style;
      // Code in a CRLF file holds its CRs in the document: the serializer writes them inside
      // lines it ends with LF, so every piece is brought to LF and given the block's line
      // ending once (a CR written twice read back as a different code block).
      const theirs = toLf(core.serializeBlock(node, own));
      if (o !== -1) {
        const ours = slice(o);
        const blockEol = ours.includes('\n') || ours.includes('\r') ? detectEol(ours) : eol;
        // A block indented by 1-3 spaces (say a fence) starts after its indentation, but its
        // other lines carry it: the merge and its check see every piece indented alike, or an
        // edited fence lost the indentation of its code lines.
        const lineStart = body.lastIndexOf('\n', ranges[o][0] - 1) + 1;
        const lead = /^ {1,3}$/.test(body.slice(lineStart, ranges[o][0])) ? body.slice(lineStart, ranges[o][0]) : '';
        const pad = (t: string) => (lead ? t.replace(/^(?=[^\n])/gm, lead) : t);
        const base = pad(toLf(core.serializeBlock(pristine[o], own)));
        const merged = mergeChanged(base, lead + toLf(ours), pad(theirs), node, () => {
          const check = checkFor(snap, core);
          return (markdown, block) => check(withEol(markdown, blockEol), block);
        });
        text = withEol(lead && merged.startsWith(lead) ? merged.slice(lead.length) : merged, blockEol);
      } else text = withEol(theirs, eol);
      if (text.trim() === '') continue; // an empty new paragraph writes nothing
    }
    if (!first) parts.push(separator(prevOrigin, o));
    parts.push(text);
    first = false;
    prevOrigin = last;
  }
  if (n === 0 && !first) return parts.join('') + afterFirstText(body, eol);
  parts.push(tail);
  return parts.join('');

  function separator(a: number, b: number): string {
    let gap: string | null = null;
    if (a >= 0 && a + 1 < n && (b === -1 || b > a)) gap = body.slice(ranges[a][1], ranges[a + 1][0]);
    else if (b > 0) gap = body.slice(ranges[b - 1][1], ranges[b][0]);
    if (gap === null) return blank;
    // Between blocks that were not neighbours, a single line break could let them run together.
    if (b !== a + 1 && (gap.match(/\r\n|\n|\r/g)?.length ?? 0) < 2) return blank;
    return gap;
  }
}
