// Opening a post piece by piece. micromark reads about 2.5 ms per KB here: a 1 MB recap takes
// seconds and a 12 KB post a third of its open; the writer should not wait for that to see and
// edit the post's start. So the first piece (piece-cuts.ts) is parsed and shown at once, and
// after that first paint the rest is parsed one piece per task (typing and scrolling go on in
// between) and added to the document in one step at the end. Until then, the rest is kept as
// its exact source (post-editor.ts writes it back as it was), so a save meanwhile is as
// lossless as after it.
// Pieces parse to what a whole parse gives only at safe cuts; any doubt (a piece not ending
// closed, not starting with its heading, or one the editor cannot map) makes the rest be
// parsed whole, in one task.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import type { MarkdownCore, ParsedBody } from './markdown-core';
import { endsClosed, pieceCuts } from './piece-cuts';

export interface FirstPiece {
  parsed: ParsedBody;
  /** Where the rest starts in the body: the body's length when it was parsed whole. */
  restStart: number;
  /** Cuts after restStart, for loadRest. */
  cuts: number[];
}

/** Parses the first piece of `body` (the whole body when it cannot or need not be cut). */
export function parseFirstPiece(core: MarkdownCore, body: string, cutAt: (body: string) => number[] = pieceCuts): FirstPiece {
  const cuts = cutAt(body);
  if (cuts.length) {
    const head = body.slice(0, cuts[0]);
    const parsed = core.parse(head);
    if (!parsed.unsafeReason && parsed.ranges.length > 0 && endsClosed(head, parsed.ranges[parsed.ranges.length - 1])) {
      return { parsed, restStart: cuts[0], cuts: cuts.slice(1) };
    }
  }
  return { parsed: core.parse(body), restStart: body.length, cuts: [] };
}

export interface ParsedRest {
  /** The rest's top-level blocks, in order. */
  nodes: PmNode[];
  /** Their [start, end) offsets in the whole body. */
  ranges: Array<[number, number]>;
  /** Why the rest cannot be mapped 1:1 to its source, or null. */
  unsafeReason: string | null;
}

/** Parses body.slice(from, to) as one piece: its blocks and their offsets in the whole body. */
function parsePiece(core: MarkdownCore, body: string, from: number, to: number): ParsedRest & { closed: boolean; leadsWithHeading: boolean } {
  const text = body.slice(from, to);
  const { doc, ranges, unsafeReason } = core.parse(text);
  const nodes: PmNode[] = [];
  doc.forEach((n) => nodes.push(n));
  return {
    nodes,
    ranges: ranges.map(([s, e]) => [s + from, e + from] as [number, number]),
    unsafeReason,
    closed: endsClosed(text, ranges[ranges.length - 1]),
    leadsWithHeading: ranges[0]?.[0] === 0 && nodes[0]?.type.name === 'heading',
  };
}

/** Runs `task` in a later task of the event loop, so input and painting go first. */
export type Schedule = (task: () => void) => void;
const nextTask: Schedule = (task) => void setTimeout(task, 0);

/**
 * Runs `task` once the first piece is painted: the task after the next frame. A task queued
 * at once would run before that frame and hold the first paint back. A window that is not drawn
 * (hidden, minimized) has no frames: the timer starts the task anyway.
 */
const afterPaint: Schedule = (task) => {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 250);
};

export interface RestLoad {
  /** Stops reading (the post was closed): `done` is never called. */
  cancel(): void;
  /** Reads what is left at once, in this task, and calls `done` (for find, replace and jumps). */
  finish(): void;
}

/**
 * Parses body.slice(restStart) piece by piece, one per task from the first paint on, then calls
 * `done` once (unless cancelled).
 */
export function loadRest(
  core: MarkdownCore,
  body: string,
  first: FirstPiece,
  done: (rest: ParsedRest) => void,
  schedule: Schedule = nextTask,
  start: Schedule = afterPaint,
): RestLoad {
  let over = false;
  let next = 0;
  const starts = [first.restStart, ...first.cuts];
  const nodes: PmNode[] = [];
  const ranges: Array<[number, number]> = [];
  const end = (rest: ParsedRest) => {
    over = true;
    done(rest);
  };
  const whole = (): ParsedRest => {
    const p = parsePiece(core, body, first.restStart, body.length);
    return p.leadsWithHeading || p.unsafeReason ? p : { ...p, unsafeReason: 'The post could not be read in parts.' };
  };
  /** Reads the next piece; false once the rest is done. */
  const step = (): boolean => {
    const i = next++;
    const p = parsePiece(core, body, starts[i], starts[i + 1] ?? body.length);
    const last = i + 1 === starts.length;
    if (p.unsafeReason || !p.leadsWithHeading || (!last && !p.closed)) {
      end(whole());
      return false;
    }
    for (const n of p.nodes) nodes.push(n);
    for (const r of p.ranges) ranges.push(r);
    if (last) end({ nodes, ranges, unsafeReason: null });
    return !last;
  };
  const tick = () => {
    if (!over && step()) schedule(tick);
  };
  start(tick);
  return {
    cancel: () => {
      over = true;
    },
    finish: () => {
      while (!over && step());
    },
  };
}
